'use client';

// After a PDF import: the same file, which the browser still holds, can become the new issue's 版面
// PDF in one step, instead of being uploaded again in the planner: the whole issue when it has a page
// per 版, or, for a one-page PDF, the 版 the editor chooses (offered: the one its stories are on).
import Link from 'next/link';
import { useState } from 'react';

import type { ImportedPdfUse } from '@/lib/epaper/pdf-file';

import { uploadPdf } from './upload-pdf';

type Props = { file: File; issueNumber: number; use: ImportedPdfUse };

export function AttachImportedPdf({ file, issueNumber, use }: Props) {
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [page, setPage] = useState(use.kind === 'page' ? use.suggested : 1);
  async function attach() {
    setPercent(0);
    const answer = await uploadPdf(file, { issueNumber }, use.kind === 'page' ? page : 'all', setPercent);
    setPercent(null);
    setState(answer.ok ? { ok: true, text: answer.message } : { ok: false, text: answer.error });
  }
  const busy = percent !== null || state?.ok === true;
  return (
    <div
      className="space-y-2 rounded border border-stone-300 p-3 text-sm dark:border-stone-700"
      data-testid="attach-imported-pdf"
    >
      {use.kind === 'unusable' ? (
        <p>
          这个 PDF 不能直接作为第{issueNumber}期的版面 PDF：{use.reason}。
        </p>
      ) : use.kind === 'page' ? (
        <p className="flex flex-wrap items-center gap-2">
          这个 PDF 只有 1 页，可以作为第{issueNumber}期其中一版的版面 PDF（电子报的版面图片与稿件区域）：
          <label className="flex items-center gap-1">
            <span>版次</span>
            <select
              value={page}
              onChange={(event) => setPage(Number(event.currentTarget.value))}
              disabled={busy}
              className="rounded border border-stone-400 px-1 py-0.5 dark:bg-stone-900"
            >
              {Array.from({ length: use.pages }, (_, index) => index + 1).map((number) => (
                <option key={number} value={number}>
                  第{number}版
                </option>
              ))}
            </select>
          </label>
        </p>
      ) : (
        <p>这个 PDF 也可以作为第{issueNumber}期的版面 PDF（电子报的版面图片与稿件区域），每版一页。</p>
      )}
      {use.kind === 'unusable' ? null : (
        <button
          type="button"
          onClick={() => void attach()}
          disabled={busy}
          className="rounded border border-stone-400 px-3 py-1"
        >
          {percent !== null
            ? `正在上传（${percent}%）`
            : use.kind === 'page'
              ? `作为第${page}版的版面 PDF 上传`
              : '作为本期版面 PDF 上传'}
        </button>
      )}
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
