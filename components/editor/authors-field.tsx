'use client';

import type { Role } from '@/lib/generated/prisma/enums';

export type AuthorValue = { userId: string | null; name: string; label: string };
/** A newsroom member the byline may credit (the picker's list; not the person editing). */
export type BylineCandidate = { id: string; name: string; role: Role };

const LABELS = ['记者', '本报记者', '通讯员', '特约记者', '见习记者', '摄影', '编辑'];

/** Newsroom people picked from the list, or free-text contributors (通讯员, partners' reporters). */
export function AuthorsField({
  authors,
  people,
  onChange,
}: {
  authors: AuthorValue[];
  people: BylineCandidate[];
  onChange: (next: AuthorValue[]) => void;
}) {
  const set = (index: number, value: Partial<AuthorValue>) =>
    onChange(authors.map((author, i) => (i === index ? { ...author, ...value } : author)));
  const move = (index: number, by: number) => {
    const next = [...authors];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">作者</legend>
      <datalist id="author-labels">
        {LABELS.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      {authors.map((author, index) => (
        <div key={index} className="flex flex-wrap items-center gap-2">
          <input
            aria-label={`作者${index + 1}身份`}
            list="author-labels"
            value={author.label}
            onChange={(event) => set(index, { label: event.target.value })}
            className="w-28 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
          />
          <select
            aria-label={`作者${index + 1}`}
            value={author.userId ?? ''}
            onChange={(event) => {
              const person = people.find((p) => p.id === event.target.value);
              set(index, person ? { userId: person.id, name: person.name } : { userId: null });
            }}
            className="rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
          >
            <option value="">其他作者（手填姓名）</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          {author.userId === null ? (
            <input
              aria-label={`作者${index + 1}姓名`}
              value={author.name}
              onChange={(event) => set(index, { name: event.target.value })}
              placeholder="姓名"
              className="w-28 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
            />
          ) : null}
          <button
            type="button"
            aria-label={`上移作者${index + 1}`}
            disabled={index === 0}
            onClick={() => move(index, -1)}
            className="px-1 disabled:opacity-30"
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`删除作者${index + 1}`}
            onClick={() => onChange(authors.filter((_, i) => i !== index))}
            className="px-1 text-red-700"
          >
            删除
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...authors, { userId: null, name: '', label: '通讯员' }])}
        className="text-sm underline"
      >
        添加作者
      </button>
    </fieldset>
  );
}
