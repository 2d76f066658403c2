// Internal target of the proxy's rewrite for retracted stories (answered with 410 Gone).
import { notFound } from 'next/navigation';
import { RetractionNotice } from '@/components/public/retraction-notice';
import { getArticle } from '@/lib/reader/queries';
import { SLUG_PATTERN } from '@/lib/articles/slug';

export const metadata = { title: '本文已撤稿', robots: { index: false } };

export default async function RetractedPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const lookup = SLUG_PATTERN.test(slug) ? await getArticle(slug) : null;
  if (lookup?.kind !== 'retracted') notFound();
  return <RetractionNotice headline={lookup.headline} note={lookup.note} retractedAt={lookup.retractedAt} />;
}
