'use client';

// The planner's 版面 PDF section: attach one PDF for the whole issue or one per page, watch the page
// images being made, replace or remove a page's PDF, open the area editor, and (on a published
// issue) publish a page's changes to readers. While an image is being made the section refreshes.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';

import { NO_TEXT_LAYER_AREAS } from '@/lib/epaper/status';
import { publishPagePdfAction, removePagePdfAction } from '@/lib/issues/epaper-actions';
import type { IssueEpaper, IssueEpaperPage } from '@/lib/issues/epaper-queries';
import { pageLabel } from '@/lib/reader/page-names';

import { uploadPdf } from './upload-pdf';

type Message = { ok: boolean; text: string } | null;
const POLL_MS = 1500;

export function EpaperPanel({ epaper, canPublish }: { epaper: IssueEpaper; canPublish: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const [uploading, setUploading] = useState<{ page: number | 'all'; percent: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const working = epaper.pages.some((page) => page.draft?.unfinished);

  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [working, router]);

  async function send(file: File | undefined, page: number | 'all') {
    if (!file) return;
    setMessage(null);
    setUploading({ page, percent: 0 });
    const answer = await uploadPdf(file, epaper.id, page, (percent) => setUploading({ page, percent }));
    setUploading(null);
    setMessage(answer.ok ? { ok: true, text: answer.message } : { ok: false, text: answer.error });
    router.refresh();
  }

  function act(run: () => Promise<{ ok: boolean; error?: string }>, done: string) {
    startTransition(async () => {
      const result = await run();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error ?? '操作失败' });
      router.refresh();
    });
  }

  const input = { issueId: epaper.id, issueNumber: epaper.number };
  return (
    <section
      aria-labelledby="epaper-heading"
      className="space-y-3 rounded border border-stone-300 p-4 dark:border-stone-700"
      data-testid="epaper-panel"
    >
      <h2 id="epaper-heading" className="text-lg font-semibold">
        版面 PDF（电子报）
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        上传印刷系统导出的 PDF（不超过 60 MB）：整期一个 PDF（每版一页，共 {epaper.pageCount} 页），或每版一个单页
        PDF。读者在本期或本版发布后才能看到。
      </p>
      <label className="block text-sm">
        整期 PDF
        <input
          type="file"
          accept="application/pdf,.pdf"
          className="ml-2 text-sm"
          data-testid="epaper-issue-file"
          disabled={uploading !== null}
          onChange={(event) => {
            void send(event.target.files?.[0], 'all');
            event.target.value = '';
          }}
        />
      </label>
      <p
        aria-live="polite"
        role="status"
        data-testid="epaper-message"
        className={`min-h-6 text-sm ${message && !message.ok ? 'text-red-700 dark:text-red-400' : ''}`}
      >
        {uploading
          ? `正在上传${uploading.page === 'all' ? '整期 PDF' : `第${uploading.page}版 PDF`}（${uploading.percent}%）`
          : (message?.text ?? '')}
      </p>
      <ol className="grid grid-cols-[repeat(auto-fill,minmax(min(14rem,100%),1fr))] gap-3">
        {epaper.pages.map((page) => (
          <PageRow
            key={page.number}
            page={page}
            issueNumber={epaper.number}
            published={epaper.state !== 'planning'}
            canPublish={canPublish}
            busy={uploading !== null || pending}
            onUpload={(file) => void send(file, page.number)}
            onRemove={() =>
              act(() => removePagePdfAction({ ...input, page: page.number }), `第${page.number}版 PDF 已移除`)
            }
            onPublish={() =>
              act(() => publishPagePdfAction({ ...input, page: page.number }), `第${page.number}版已发布给读者`)
            }
          />
        ))}
      </ol>
    </section>
  );
}

function PageRow({
  page,
  issueNumber,
  published,
  canPublish,
  busy,
  onUpload,
  onRemove,
  onPublish,
}: {
  page: IssueEpaperPage;
  issueNumber: number;
  published: boolean;
  canPublish: boolean;
  busy: boolean;
  onUpload: (file: File | undefined) => void;
  onRemove: () => void;
  onPublish: () => void;
}) {
  const draft = page.draft;
  return (
    <li
      className="space-y-2 rounded border border-stone-300 p-2 text-sm dark:border-stone-700"
      data-testid={`epaper-page-${page.number}`}
    >
      <h3 className="font-semibold">{pageLabel(page)}</h3>
      {draft?.thumb ? (
        // eslint-disable-next-line @next/next/no-img-element -- rendered once at upload (lib/epaper/render.ts)
        <img
          src={draft.thumb}
          alt={`${pageLabel(page)}缩略图`}
          width={240}
          height={Math.round((draft.height * 240) / Math.max(1, draft.width))}
          className="h-auto w-28 border border-stone-300"
        />
      ) : null}
      <p data-testid="epaper-status" className={draft?.status === 'FAILED' ? 'text-red-700 dark:text-red-400' : ''}>
        {draft ? draft.label : '没有 PDF（读者看到稿件列表）'}
      </p>
      {draft?.unfinished ? (
        <progress max={100} value={draft.progress} aria-label={`第${page.number}版图片生成进度`} className="w-full" />
      ) : null}
      {draft && draft.pdfPages > 1 ? (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          整期 PDF 第 {draft.pdfPage}/{draft.pdfPages} 页
        </p>
      ) : null}
      {draft?.status === 'READY' && !draft.hasText ? (
        <p className="text-amber-800 dark:text-amber-300" data-testid="epaper-no-text">
          {NO_TEXT_LAYER_AREAS}（在“校正稿件区域”中）
        </p>
      ) : null}
      {page.unmatched.length ? (
        <div data-testid="epaper-unmatched">
          <p className="text-amber-800 dark:text-amber-300">未找到区域的稿件（{page.unmatched.length}）：</p>
          <ul className="list-disc pl-5">
            {page.unmatched.map((story) => (
              <li key={story.id}>{story.headline}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {draft?.status === 'READY' ? (
        <p data-testid="epaper-found">
          已找到 {draft.areas.length}/{page.stories.length} 篇稿件的区域
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <label className="cursor-pointer rounded border border-stone-400 px-2 py-1">
          {draft ? '替换 PDF' : '上传本版 PDF'}
          <input
            type="file"
            accept="application/pdf,.pdf"
            className="sr-only"
            disabled={busy}
            data-testid={`epaper-file-${page.number}`}
            onChange={(event) => {
              onUpload(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
        {draft ? (
          <button
            type="button"
            className="rounded border border-stone-400 px-2 py-1"
            disabled={busy}
            onClick={onRemove}
          >
            移除 PDF
          </button>
        ) : null}
        {draft?.status === 'READY' ? (
          <Link
            className="rounded border border-stone-400 px-2 py-1"
            href={`/newsroom/issues/${issueNumber}/epaper/${page.number}`}
          >
            校正稿件区域
          </Link>
        ) : null}
        {published && canPublish && page.unpublished ? (
          <button
            type="button"
            className="rounded bg-stone-900 px-2 py-1 text-white dark:bg-stone-100 dark:text-stone-900"
            disabled={busy || Boolean(draft?.unfinished)}
            onClick={onPublish}
          >
            发布本版
          </button>
        ) : null}
      </div>
      {published && page.unpublished ? (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          读者仍看到{page.live ? '上次发布的版面图' : '稿件列表'}，发布本版后更新。
        </p>
      ) : null}
    </li>
  );
}
