import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IssuePage } from '@/components/public/issue-page';
import { getIssuePage } from '@/lib/reader/queries';
import { positiveInt } from '@/lib/reader/params';

type Props = { params: Promise<{ number: string }> };

async function load(params: Props['params']) {
  const issue = positiveInt((await params).number);
  return issue ? getIssuePage(issue, 1) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load(params);
  if (!view) return {};
  return {
    title: `第${view.issue.number}期`,
    alternates: { canonical: `/issues/${view.issue.number}/pages/1` },
  };
}

export default async function IssueRoute({ params }: Props) {
  const view = await load(params);
  if (!view) notFound();
  return <IssuePage view={view} />;
}
