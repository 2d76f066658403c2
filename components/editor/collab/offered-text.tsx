'use client';

// Text this browser held that could not be merged into the story: its stored copy belonged to another
// history of the story (restored from a backup, rebuilt), so merging would have put text in twice. It is
// shown once, for the person to copy what they need back into the story; closing it drops it.
import { useId, useRef, useState } from 'react';

export function OfferedText({ text, onClose }: { text: string; onClose: () => void }) {
  const heading = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('已复制，可以粘贴到稿件里。');
    } catch {
      // Without clipboard access (an insecure origin such as a LAN address over http): select it for Ctrl+C.
      area.current?.select();
      setCopied('已选中全部文字，请按 Ctrl+C 复制。');
    }
  };
  return (
    <section
      role="region"
      aria-labelledby={heading}
      data-testid="offered-text"
      className="space-y-2 rounded border border-amber-500 bg-amber-50 p-3 text-sm dark:bg-amber-950"
    >
      <h2 id={heading} className="font-semibold">
        这台电脑上有未保存的修改，不能自动合并
      </h2>
      <p>
        稿件在服务器上已被恢复或重建，本机保存的修改属于之前的版本。下面是本机保存的全文：请复制需要的部分，粘贴到稿件里。关闭后这些文字不再保留。
      </p>
      <textarea
        ref={area}
        readOnly
        value={text}
        rows={6}
        aria-label="本机保存的文字"
        className="block w-full rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900"
      />
      <p className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => void copy()}
          className="rounded bg-stone-800 px-3 py-1 text-white dark:bg-stone-200 dark:text-stone-900"
        >
          复制
        </button>
        <button type="button" onClick={onClose} className="underline">
          关闭（丢弃这些文字）
        </button>
        {copied ? <span role="status">{copied}</span> : null}
      </p>
    </section>
  );
}
