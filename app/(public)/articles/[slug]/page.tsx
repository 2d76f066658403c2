import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ArticleBody } from '@/components/public/article-view';
import { ReadBeacon } from '@/components/public/read-beacon';
import { RetractionNotice } from '@/components/public/retraction-notice';
import { SLUG_PATTERN } from '@/lib/articles/slug';
import { newsArticleJsonLd, scriptJson } from '@/lib/reader/json-ld';
import { decodeParam } from '@/lib/reader/params';
import { getArticle } from '@/lib/reader/queries';

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props['params']) {
  const { slug } = await params;
  const decoded = decodeParam(slug);
  return decoded !== null && SLUG_PATTERN.test(decoded) ? getArticle(decoded) : { kind: 'missing' as const };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await load(params);
  if (lookup.kind === 'retracted') return { title: `已撤稿：${lookup.headline}`, robots: { index: false } };
  if (lookup.kind !== 'visible') return {};
  const { article } = lookup;
  const path = `/articles/${article.slug}`;
  return {
    title: article.headline,
    description: article.teaser,
    alternates: { canonical: path },
    openGraph: {
      type: 'article',
      title: article.headline,
      description: article.teaser,
      url: path,
      siteName: article.publication.name,
      locale: 'zh_CN',
      publishedTime: article.published.at,
      modifiedTime: article.modifiedAt,
      authors: article.authors.map((author) => author.name),
      ...(article.cover
        ? {
            images: [
              {
                url: article.cover.large,
                width: article.cover.largeWidth,
                height: article.cover.largeHeight,
                alt: article.cover.alt,
              },
            ],
          }
        : {}),
    },
    twitter: {
      card: article.cover ? 'summary_large_image' : 'summary',
      title: article.headline,
      description: article.teaser,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const lookup = await load(params);
  if (lookup.kind === 'missing') notFound();
  if (lookup.kind === 'retracted')
    return <RetractionNotice headline={lookup.headline} note={lookup.note} retractedAt={lookup.retractedAt} />;
  return (
    <main id="main" className="mt-2">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: scriptJson(newsArticleJsonLd(lookup.article)) }}
      />
      <ArticleBody article={lookup.article} readAloud />
      <ReadBeacon slug={lookup.article.slug} />
    </main>
  );
}
