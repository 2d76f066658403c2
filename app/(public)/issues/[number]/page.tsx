import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { IssuePage } from '@/components/public/issue-page';
import { getEpaperPage } from '@/lib/reader/epaper-page';
import { positiveInt } from '@/lib/reader/params';
import { getIssuePage } from '@/lib/reader/queries';

type Props = { params: Promise<{ number: string }> };

async function load(params: Props['params']) {
  const issue = positiveInt((await params).number);
  return issue ? getIssuePage(issue, 1) : null;
}

async function loadEpaper(params: Props['params']) {
  const issue = positiveInt((await params).number);
  return issue ? getEpaperPage(issue, 1) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [view, epaper] = await Promise.all([load(params), loadEpaper(params)]);
  if (!view) return {};
  return {
    title: `第${view.issue.number}期`,
    alternates: { canonical: `/issues/${view.issue.number}/pages/1` },
    // The issue's front page as printed (版面) is its picture when shared.
    openGraph: epaper?.image ? { images: [{ url: epaper.image.src }] } : undefined,
  };
}

export default async function IssueRoute({ params }: Props) {
  const [view, epaper] = await Promise.all([load(params), loadEpaper(params)]);
  if (!view) notFound();
  return <IssuePage view={view} epaper={epaper} />;
}
