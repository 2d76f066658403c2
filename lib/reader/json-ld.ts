// schema.org NewsArticle for search engines, serialised safely for a <script> data block.
import { absoluteUrl } from './site-url';
import type { ArticleView } from './types';

export function newsArticleJsonLd(article: ArticleView): Record<string, unknown> {
  const url = absoluteUrl(`/articles/${article.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(article.subheadline ? { alternativeHeadline: article.subheadline } : {}),
    description: article.teaser,
    url,
    mainEntityOfPage: url,
    ...(article.cover ? { image: [absoluteUrl(article.cover.large)] } : {}),
    datePublished: article.published.at,
    dateModified: article.modifiedAt,
    inLanguage: 'zh-CN',
    author: article.authors.length
      ? article.authors.map((author) => ({ '@type': 'Person', name: author.name, jobTitle: author.label }))
      : [{ '@type': 'Organization', name: article.publication.name }],
    publisher: { '@type': 'Organization', name: article.publication.name, url: absoluteUrl('/') },
    ...(article.print
      ? {
          isPartOf: {
            '@type': 'PublicationIssue',
            issueNumber: String(article.print.issue.number),
            datePublished: article.print.issue.date,
            url: absoluteUrl(`/issues/${article.print.issue.number}`),
            isPartOf: { '@type': 'Periodical', name: article.publication.name },
          },
          pageStart: String(article.print.pages[0]),
        }
      : {}),
  };
}

/** JSON for inside <script>: "<" escaped so the text can never close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
