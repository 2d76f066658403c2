'use client';
// The story's fields above the body: 引题, 副题, 主题, 电头, 署名 (generated from the authors until edited),
// authors, 摘要 and the URL. Every field saves when it loses focus.
import { AuthorsField, type AuthorValue } from './authors-field';

export type Fields = { kicker: string; headline: string; subheadline: string; dateline: string; byline: string; summary: string; slug: string };
type Person = { id: string; name: string; role: 'REPORTER' | 'EDITOR' | 'CHIEF_EDITOR' | 'ADMIN' };

type Props = {
  fields: Fields;
  onField: (name: keyof Fields, value: string) => void;
  onLeaveField: () => void;
  authors: AuthorValue[];
  people: Person[];
  onAuthors: (next: AuthorValue[]) => void;
  bylineAuto: boolean;
  onRegenerateByline: () => void;
  published: boolean;
  children?: React.ReactNode;
};

export const INPUT_CLASS = 'mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900';

export function ArticleFields({ fields, onField, onLeaveField, authors, people, onAuthors, bylineAuto, onRegenerateByline, published, children }: Props) {
  const field = (name: keyof Fields, label: string, props: Record<string, unknown> = {}) => (
    <label className="block text-sm font-medium">
      {label}
      <input value={fields[name]} onChange={(event) => onField(name, event.target.value)} onBlur={onLeaveField} className={INPUT_CLASS} {...props} />
    </label>
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {field('kicker', '引题')}
      {field('subheadline', '副题')}
      <div className="sm:col-span-2">{field('headline', '主题（必填）', { 'aria-required': true, className: `${INPUT_CLASS} text-xl font-bold` })}</div>
      {field('dateline', '电头')}
      <div>
        {field('byline', '署名（按作者自动生成，可修改）')}
        {!bylineAuto ? <button type="button" className="text-xs underline" onClick={onRegenerateByline}>按作者重新生成</button> : null}
      </div>
      <div className="sm:col-span-2"><AuthorsField authors={authors} people={people} onChange={onAuthors} /></div>
      <div className="sm:col-span-2">
        <label className="block text-sm font-medium">
          摘要
          <textarea value={fields.summary} onChange={(event) => onField('summary', event.target.value)} onBlur={onLeaveField} rows={2} className={INPUT_CLASS} />
        </label>
      </div>
      {field('slug', published ? '网址（已发布，不能修改）' : '网址（拼音，发布后不再改变）', { readOnly: published })}
      {children}
    </div>
  );
}
