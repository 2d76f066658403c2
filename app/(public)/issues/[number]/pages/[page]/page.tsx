import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IssuePage } from '@/components/public/issue-page';
import { getIssuePage } from '@/lib/reader/queries';
import { positiveInt } from '@/lib/reader/params';
import { pageLabel } from '@/lib/reader/page-names';

type Props = { params: Promise<{ number: string; page: string }> };

async function load(params: Props['params']) {
  const { number, page } = await params;
  const issue = positiveInt(number);
  const pageNumber = positiveInt(page, 500);
  return issue && pageNumber ? getIssuePage(issue, pageNumber) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load(params);
  if (!view) return {};
  const path = `/issues/${view.issue.number}/pages/${view.page.number}`;
  return {
    title: `第${view.issue.number}期 ${pageLabel(view.page)}`,
    alternates: { canonical: path },
    openGraph: { title: `${view.publication.name} 第${view.issue.number}期 ${pageLabel(view.page)}`, url: path, type: 'website' },
  };
}

export default async function IssuePageRoute({ params }: Props) {
  const view = await load(params);
  if (!view) notFound();
  return <IssuePage view={view} />;
}
