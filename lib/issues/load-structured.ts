// Puts a StructuredIssue (the sample issue, or what the print importer produced) into the database in
// one transaction: the publication if it is new, the issue with its pages, and each story with its
// authors, placements (a 下转 story gets a continuation row on each later page) and first revision.
// An issue number that already exists is left alone, so loading twice changes nothing.
import { slugBase, uniqueSlug } from '../articles/slug';
import { recordAudit } from '../audit/record';
import { countFigures } from '../content/figures';
import { toPlainText } from '../content/plain-text';
import { countDocWords } from '../content/word-count';
import { instantAt } from '../dates/time-zone';
import type { Db, Tx } from '../db-client';
import { freezePublishedExtras } from '../revisions/published-copy';
import { ensureSearchIndex, indexArticle, removeFromIndex } from '../search/search-index';
import type { StructuredArticle, StructuredIssue } from './structured';

export type LoadMode =
  /** Readers see it from `publishAt` (default: 00:00 on the issue date in the publication's zone). */
  | { kind: 'published'; publishAt?: Date }
  /** A PLANNING issue of draft stories for the newsroom to review (the importer's output). */
  | { kind: 'draft' };

export type LoadOptions = {
  publicationSlug: string;
  mode: LoadMode;
  actorId?: string | null;
  auditAction: string;
  /** Replace an existing PLANNING issue of the same number (and its draft stories); a published one is never replaced. */
  replaceDraft?: boolean;
};

export type LoadResult = { created: true; issueId: string; articleIds: string[] } | { created: false; issueId: string };

export async function loadStructuredIssue(db: Db, input: StructuredIssue, options: LoadOptions): Promise<LoadResult> {
  await ensureSearchIndex(db);
  return db.$transaction(async (tx) => {
    const publication = await ensurePublication(tx, input, options.publicationSlug);
    const existing = await tx.issue.findUnique({
      where: { publicationId_number: { publicationId: publication.id, number: input.number } },
      select: { id: true, status: true },
    });
    if (existing && !(options.replaceDraft && existing.status === 'PLANNING'))
      return { created: false, issueId: existing.id };
    if (existing) await deleteDraftIssue(tx, existing.id);

    const published = options.mode.kind === 'published';
    const publishAt = published
      ? (options.mode.kind === 'published' && options.mode.publishAt) ||
        instantAt(input.date, '00:00', publication.timeZone)
      : null;
    const issue = await tx.issue.create({
      data: {
        publicationId: publication.id,
        number: input.number,
        date: input.date,
        pageCount: input.pageCount,
        status: published ? 'PUBLISHED' : 'PLANNING',
        publishAt,
        publishedAt: publishAt,
        createdById: options.actorId ?? null,
        pages: { create: input.pages.map((page) => ({ number: page.number, name: page.name })) },
      },
      include: { pages: true },
    });
    const pageIds = new Map(issue.pages.map((page) => [page.number, page.id]));
    const positions = new Map<number, number>();
    const nextPosition = (page: number) => {
      const position = (positions.get(page) ?? 0) + 1;
      positions.set(page, position);
      return position;
    };

    const articleIds: string[] = [];
    for (const story of input.stories) {
      const articleId = await createArticle(tx, story, publication.id, publishAt, options.actorId ?? null);
      articleIds.push(articleId);
      const pages = [story.page, ...story.continuedOn];
      for (const [index, pageNumber] of pages.entries()) {
        const pageId = pageIds.get(pageNumber);
        if (!pageId) throw new Error(`第${input.number}期没有第${pageNumber}版，无法放置《${story.headline}》`);
        await tx.articlePlacement.create({
          data: { articleId, pageId, position: nextPosition(pageNumber), isContinuation: index > 0 },
        });
      }
      await indexArticle(tx, articleId);
    }

    await recordAudit(tx, {
      actorId: options.actorId ?? null,
      action: options.auditAction,
      subjectType: 'Issue',
      subjectId: issue.id,
      details: { number: input.number, date: input.date, stories: articleIds.length },
    });
    return { created: true, issueId: issue.id, articleIds };
  });
}

async function ensurePublication(tx: Tx, input: StructuredIssue, slug: string) {
  const found = await tx.publication.findUnique({ where: { slug } });
  if (found) return found;
  const { name, publisher, hotline, address, postcode } = input.publication;
  return tx.publication.create({
    data: { slug, name, publisher, hotline, address: address ?? '', postcode: postcode ?? '' },
  });
}

async function createArticle(
  tx: Tx,
  story: StructuredArticle,
  publicationId: string,
  publishAt: Date | null,
  actorId: string | null,
): Promise<string> {
  const slug = await uniqueSlug(slugBase(story.headline), async (candidate) =>
    Boolean(await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } })),
  );
  const content = {
    kicker: story.kicker,
    headline: story.headline,
    subheadline: story.subheadline,
    dateline: story.dateline,
    byline: story.byline,
    summary: null,
    body: JSON.stringify(story.body),
    bodyText: toPlainText(story.body),
    wordCount: countDocWords(story.body),
  };
  const article = await tx.article.create({
    data: {
      ...content,
      publicationId,
      slug,
      status: publishAt ? 'PUBLISHED' : 'DRAFT',
      publishAt,
      publishedAt: publishAt,
      createdById: actorId ?? undefined,
      updatedById: actorId ?? undefined,
      authors: { create: story.authors.map((author, index) => ({ ...author, position: index + 1 })) },
      revisions: {
        create: {
          ...content,
          figureCount: countFigures(story.body),
          version: 1,
          authorId: actorId ?? undefined,
          kind: 'IMPORT',
        },
      },
    },
    include: { revisions: { select: { id: true } } },
  });
  if (publishAt) {
    await tx.article.update({ where: { id: article.id }, data: { liveRevisionId: article.revisions[0]!.id } });
    await freezePublishedExtras(tx, article.id, article.revisions[0]!.id);
  }
  return article.id;
}

/** Removes a PLANNING issue with the stories placed only in it that were never published (a re-import). */
async function deleteDraftIssue(tx: Tx, issueId: string): Promise<void> {
  const placed = await tx.articlePlacement.findMany({ where: { page: { issueId } }, select: { articleId: true } });
  const articleIds = [...new Set(placed.map((row) => row.articleId))];
  const drafts = await tx.article.findMany({
    where: {
      id: { in: articleIds },
      liveRevisionId: null,
      status: { in: ['DRAFT', 'RETURNED', 'SUBMITTED'] },
      placements: { every: { page: { issueId } } },
    },
    select: { id: true },
  });
  await tx.issue.delete({ where: { id: issueId } });
  for (const { id } of drafts) {
    await removeFromIndex(tx, id);
    await tx.article.delete({ where: { id } });
  }
}
