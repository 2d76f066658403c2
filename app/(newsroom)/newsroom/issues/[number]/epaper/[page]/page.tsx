import Link from 'next/link';
import { notFound } from 'next/navigation';

import { AreaEditor } from '@/components/epaper/area-editor';
import { requirePageUser } from '@/lib/auth/require-user';
import { getIssueEpaper } from '@/lib/issues/epaper-queries';
import { pageLabel } from '@/lib/reader/page-names';
import { positiveInt } from '@/lib/reader/params';

type Props = { params: Promise<{ number: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { number, page } = await params;
  return { title: `第${number}期 第${page}版 稿件区域` };
}

export default async function AreaEditorPage({ params }: Props) {
  const { number: rawNumber, page: rawPage } = await params;
  const number = positiveInt(rawNumber);
  const pageNumber = positiveInt(rawPage, 500);
  if (!number || !pageNumber) notFound();
  await requirePageUser('issue:plan', `/newsroom/issues/${number}/epaper/${pageNumber}`);
  const epaper = await getIssueEpaper(number);
  const page = epaper.pages.find((candidate) => candidate.number === pageNumber);
  if (!page) notFound();
  const draft = page.draft;
  return (
    <div className="space-y-4">
      <p>
        <Link className="underline" href={`/newsroom/issues/${epaper.number}`}>
          ← 返回第{epaper.number}期版面规划
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        第{epaper.number}期 {pageLabel(page)} · 稿件区域
      </h1>
      {draft?.status === 'READY' && draft.image ? (
        <AreaEditor
          issueId={epaper.id}
          issueNumber={epaper.number}
          page={page.number}
          image={draft.image}
          width={draft.width}
          height={draft.height}
          stories={page.stories}
          initial={draft.areas}
          hasText={draft.hasText}
        />
      ) : (
        <p data-testid="epaper-status">{draft ? draft.label : '这一版还没有 PDF。'}</p>
      )}
    </div>
  );
}
