import { notFound } from 'next/navigation';

import { IssuePage } from '@/components/public/issue-page';
import { requirePageUser } from '@/lib/auth/require-user';
import { getIssuePreview } from '@/lib/issues/queries';
import { positiveInt } from '@/lib/reader/params';

export const metadata = { title: '整期预览', robots: { index: false } };

type Props = { params: Promise<{ number: string; page: string }> };

/** The reader's own page component over the stories' current text: the issue as it will appear. */
export default async function IssuePreviewPage({ params }: Props) {
  const { number, page } = await params;
  const issueNumber = positiveInt(number);
  const pageNumber = positiveInt(page, 500);
  if (!issueNumber || !pageNumber) notFound();
  await requirePageUser('issue:plan', `/newsroom/issues/${issueNumber}/preview/${pageNumber}`);
  const view = await getIssuePreview(issueNumber, pageNumber);
  return (
    <div className="reader mx-auto max-w-3xl">
      <p role="note" className="mb-4 rounded border border-sky-400 bg-sky-50 px-3 py-2 text-sm dark:bg-sky-950">
        预览：第{issueNumber}期发布后读者将看到的样子（稿件当前保存的内容）。
      </p>
      <IssuePage view={view} pageHref={(n) => `/newsroom/issues/${issueNumber}/preview/${n}`} />
    </div>
  );
}
