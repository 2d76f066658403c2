'use client';

// After a PDF import: the same file, which the browser still holds, can become the new issue's 版面
// PDF (one page per 版) in one step, instead of being uploaded again in the planner.
import Link from 'next/link';
import { useEffect, useState } from 'react';

import { looksLikePdf } from '@/lib/epaper/pdf-file';

import { uploadPdf } from './upload-pdf';

export function AttachImportedPdf({ file, issueNumber }: { file: File; issueNumber: number }) {
  const [isPdf, setIsPdf] = useState<boolean | null>(null);
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    void file
      .slice(0, 1024)
      .arrayBuffer()
      .then((head) => {
        if (current) setIsPdf(looksLikePdf(new Uint8Array(head)));
      });
    return () => {
      current = false;
    };
  }, [file]);
  if (!isPdf) return null;
  async function attach() {
    setPercent(0);
    const answer = await uploadPdf(file, { issueNumber }, 'all', setPercent);
    setPercent(null);
    setState(answer.ok ? { ok: true, text: answer.message } : { ok: false, text: answer.error });
  }
  return (
    <div
      className="space-y-2 rounded border border-stone-300 p-3 text-sm dark:border-stone-700"
      data-testid="attach-imported-pdf"
    >
      <p>这个 PDF 也可以作为第{issueNumber}期的版面 PDF（电子报的版面图片与稿件区域），每版一页。</p>
      <button
        type="button"
        onClick={() => void attach()}
        disabled={percent !== null || state?.ok === true}
        className="rounded border border-stone-400 px-3 py-1"
      >
        {percent !== null ? `正在上传（${percent}%）` : '作为本期版面 PDF 上传'}
      </button>
      {state ? (
        <p role="status" className={state.ok ? '' : 'text-red-700 dark:text-red-400'}>
          {state.text}
          {state.ok ? (
            <>
              {' '}
              ·{' '}
              <Link className="underline" href={`/newsroom/issues/${issueNumber}`}>
                去版面规划查看
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
