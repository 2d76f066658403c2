'use client';
import type { ConflictSnapshot } from '@/lib/articles/actions';
import { diffParagraphs } from '@/lib/articles/diff';

type Props = {
  message: string;
  mineText: string;
  theirsText: string;
  conflict: ConflictSnapshot;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
};

/** A save refused because someone saved a newer version: compare, then keep either or merge by hand. */
export function ConflictDialog({ message, mineText, theirsText, onKeepMine, onTakeTheirs, onMerge }: Props) {
  const lines = diffParagraphs(theirsText, mineText);
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="conflict-title" className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <div className="max-h-[85vh] w-full max-w-3xl overflow-auto rounded bg-white p-4 dark:bg-stone-900">
        <h2 id="conflict-title" className="text-lg font-semibold">保存冲突</h2>
        <p role="alert" className="mt-2">{message}</p>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">下面是两者的差别：<span className="bg-red-100 line-through dark:bg-red-950">对方的内容</span>，<span className="bg-green-100 dark:bg-green-950">你的内容</span>。</p>
        <div className="mt-3 max-h-80 overflow-auto rounded border border-stone-300 p-2 text-sm dark:border-stone-700" data-testid="conflict-diff">
          {lines.map((line, index) => (
            <p key={index} className={line.op === 'add' ? 'bg-green-100 dark:bg-green-950' : line.op === 'del' ? 'bg-red-100 line-through dark:bg-red-950' : ''}>{line.text || '\u00a0'}</p>
          ))}
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="button" onClick={onKeepMine} className="rounded bg-stone-900 px-3 py-1.5 text-white dark:bg-stone-100 dark:text-stone-900">保留我的版本</button>
          <button type="button" onClick={onTakeTheirs} className="rounded border border-stone-400 px-3 py-1.5">使用对方的版本</button>
          <button type="button" onClick={onMerge} className="rounded border border-stone-400 px-3 py-1.5">手动合并</button>
        </div>
      </div>
    </div>
  );
}
