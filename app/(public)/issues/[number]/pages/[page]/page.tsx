import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { IssuePage } from '@/components/public/issue-page';
import { getEpaperPage } from '@/lib/reader/epaper-page';
import { pageLabel } from '@/lib/reader/page-names';
import { positiveInt } from '@/lib/reader/params';
import { getIssuePage } from '@/lib/reader/queries';

type Props = { params: Promise<{ number: string; page: string }> };

async function load(params: Props['params']) {
  const { number, page } = await params;
  const issue = positiveInt(number);
  const pageNumber = positiveInt(page, 500);
  return issue && pageNumber ? getIssuePage(issue, pageNumber) : null;
}

async function loadEpaper(params: Props['params']) {
  const { number, page } = await params;
  const issue = positiveInt(number);
  const pageNumber = positiveInt(page, 500);
  return issue && pageNumber ? getEpaperPage(issue, pageNumber) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [view, epaper] = await Promise.all([load(params), loadEpaper(params)]);
  if (!view) return {};
  const path = `/issues/${view.issue.number}/pages/${view.page.number}`;
  return {
    title: `第${view.issue.number}期 ${pageLabel(view.page)}`,
    alternates: { canonical: path },
    openGraph: {
      title: `${view.publication.name} 第${view.issue.number}期 ${pageLabel(view.page)}`,
      url: path,
      type: 'website',
      images: epaper?.image
        ? [
            {
              url: epaper.image.src,
              width: 1200,
              height: Math.round((epaper.image.height * 1200) / Math.max(1, epaper.image.width)),
            },
          ]
        : undefined,
    },
  };
}

export default async function IssuePageRoute({ params }: Props) {
  const [view, epaper] = await Promise.all([load(params), loadEpaper(params)]);
  if (!view) notFound();
  return <IssuePage view={view} epaper={epaper} />;
}
