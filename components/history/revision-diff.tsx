// The comparison of two revisions on the history page: changed fields, then the body, with the
// characters that changed inside each edited paragraph marked (ins / del, announced by their text).
import type { DiffLine, Segment } from '@/lib/articles/diff';

type Props = {
  fromVersion: number;
  toVersion: number;
  fields: { label: string; segments: Segment[] }[];
  body: DiffLine[];
  same: boolean;
};

const ADD = 'bg-green-100 no-underline dark:bg-green-950';
const DEL = 'bg-red-100 line-through dark:bg-red-950';

function Segments({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) =>
    segment.op === 'add' ? (
      <ins key={index} className={ADD}>
        <span className="sr-only">［新增］</span>
        {segment.text}
      </ins>
    ) : segment.op === 'del' ? (
      <del key={index} className={DEL}>
        <span className="sr-only">［删除］</span>
        {segment.text}
      </del>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
}

function Line({ line }: { line: DiffLine }) {
  switch (line.op) {
    case 'skip':
      return <p className="text-stone-500">……（{line.count} 段未改动）</p>;
    case 'change':
      return (
        <p data-op="change">
          <Segments segments={line.segments} />
        </p>
      );
    case 'add':
      return (
        <p data-op="add" className={ADD}>
          <span className="sr-only">新增段落：</span>
          {line.text}
        </p>
      );
    case 'del':
      return (
        <p data-op="del" className={DEL}>
          <span className="sr-only">删除段落：</span>
          {line.text}
        </p>
      );
    case 'same':
      return <p data-op="same">{line.text || '\u00a0'}</p>;
  }
}

export function RevisionDiff({ fromVersion, toVersion, fields, body, same }: Props) {
  return (
    <section aria-labelledby="diff-heading" className="rounded border border-stone-300 p-3 dark:border-stone-700">
      <h2 id="diff-heading" className="font-semibold">
        第{fromVersion}版 → 第{toVersion}版
      </h2>
      <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
        <ins className={ADD}>绿色为新增</ins>，<del className={DEL}>删除线为删除</del>；改动的段落内逐字标出。
      </p>
      <div className="mt-2 space-y-1 text-sm" data-testid="revision-diff">
        {same ? <p>两个版本的内容相同。</p> : null}
        {fields.map((field) => (
          <p key={field.label} data-field={field.label}>
            <span className="mr-2 font-semibold">{field.label}</span>
            <Segments segments={field.segments} />
          </p>
        ))}
        {fields.length && !same ? <hr className="border-stone-200 dark:border-stone-800" /> : null}
        {same ? null : body.map((line, index) => <Line key={index} line={line} />)}
      </div>
    </section>
  );
}
