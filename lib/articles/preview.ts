// The newsroom preview of a story: its working copy through the builder readers get (lib/reader/article-view.ts),
// so the preview shows what readers will see once this copy is published. The caller checks access.
import { parseDoc } from '../content/types';
import type { Db } from '../db-client';
import { articleView } from '../reader/article-view';
import { COVER_SELECT } from '../reader/cover';
import { PUBLICATION_SELECT } from '../reader/issue-page';
import type { ArticleView } from '../reader/types';

export async function previewArticle(db: Db, articleId: string): Promise<ArticleView> {
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    include: {
      authors: { orderBy: { position: 'asc' }, select: { name: true, label: true } },
      coverMedia: { select: COVER_SELECT },
      publication: { select: PUBLICATION_SELECT },
      corrections: { orderBy: { createdAt: 'asc' }, select: { note: true, createdAt: true } },
      // Every issue it is placed in, planned ones too: the preview shows where it is going to appear.
      placements: {
        select: {
          isContinuation: true,
          page: { select: { number: true, issue: { select: { number: true, date: true } } } },
        },
      },
    },
  });
  return articleView({
    slug: article.slug,
    copy: { ...article, body: parseDoc(article.body) },
    coverMedia: article.coverMedia,
    authors: article.authors,
    publishedAt: article.publishedAt,
    publishAt: article.publishAt,
    savedAt: article.updatedAt,
    placements: article.placements,
    corrections: article.corrections,
    publication: article.publication,
  });
}
