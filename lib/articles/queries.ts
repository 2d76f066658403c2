// Newsroom reads of stories. Every function checks the caller's capability first.
import 'server-only';

import { notFound } from 'next/navigation';

import { mayAccessArticle, requireArticleAccess } from '../access/article-access';
import { requireUser } from '../auth/require-user';
import { channelCells, channelFilterWhere, type ChannelCell, type ChannelFilter } from '../channels/list';
import { parseDoc } from '../content/types';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { ArticleStatus } from '../generated/prisma/enums';
import { mediaUrl } from '../media/url';
import type { ArticleView } from '../reader/types';
import { revisionEventLabel } from '../revisions/revision-rules';
import { LIST_PAGE_SIZE } from '../workflow/review-queue';
import { clampLevels, levelName } from '../workflow/rules';
import { diffFields, diffRevisionText, foldUnchanged } from './diff';
import { ownArticleCounts, ownArticlePage } from './my-articles';
import { previewArticle } from './preview';

/** How many of my (non-deleted) stories are in each status, for the dashboard. */
export async function myArticleCounts(): Promise<Record<string, number>> {
  const user = await requireUser('newsroom:enter');
  return ownArticleCounts(db, user.id);
}

/** Everything the story editor needs; 404 for a missing story, 403 for someone else's story. */
export async function getArticleForEditor(articleId: string) {
  const user = await requireUser('newsroom:enter');
  const found = await db.article.findUnique({
    where: { id: articleId },
    include: {
      authors: { orderBy: { position: 'asc' } },
      updatedBy: { select: { name: true } },
      coverMedia: true,
    },
  });
  const article = requireArticleAccess(user, found, 'edit', notFound);
  const people = await db.user.findMany({
    where: { active: true, role: { not: 'ADMIN' } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, role: true },
  });
  return {
    user: { id: user.id, name: user.name, role: user.role },
    /** Whose story it is and where it stands: what decides whether this person types in it (lib/collab/access.ts). */
    rights: {
      createdById: article.createdById,
      authorUserIds: article.authors.map((author) => author.userId),
      status: article.status,
      deleted: article.deletedAt !== null,
    },
    story: {
      id: article.id,
      version: article.version,
      status: article.status,
      slug: article.slug,
      published: Boolean(article.publishedAt),
      kicker: article.kicker ?? '',
      headline: article.headline,
      subheadline: article.subheadline ?? '',
      dateline: article.dateline ?? '',
      byline: article.byline ?? '',
      summary: article.summary ?? '',
      coverMediaId: article.coverMediaId,
      coverUrl: article.coverMedia ? mediaUrl(article.coverMedia.storageKey, 800) : null,
      authors: article.authors.map((author) => ({ userId: author.userId, name: author.name, label: author.label })),
      body: parseDoc(article.body),
      updatedAt: article.updatedAt.toISOString(),
      updatedBy: article.updatedBy?.name ?? null,
      wordCount: article.wordCount,
    },
    people,
  };
}

/** For the read-only views (preview, history): 404 for a missing story, 403 for one this person may not read. */
async function requireReadableArticle(articleId: string) {
  const user = await requireUser('newsroom:enter');
  const found = await db.article.findUnique({
    where: { id: articleId },
    include: { authors: { select: { userId: true } } },
  });
  // The history of a story in the trash stays readable (restoring it is an editor's decision).
  const article = requireArticleAccess(user, found, 'read', notFound, { trashed: 'allow' });
  return { user, article };
}

/** The heading of the history page: the working copy's headline and version, and whether this person may restore. */
export async function getArticleHeading(articleId: string) {
  const { user, article } = await requireReadableArticle(articleId);
  const mayEdit = mayAccessArticle(user, article, 'edit');
  return { headline: article.headline, version: article.version, mayEdit };
}

export type RevisionRow = Awaited<ReturnType<typeof listRevisions>>[number];

/** The kept revisions, newest first: who, when, which event. Merged-away autosaves no longer exist. */
export async function listRevisions(articleId: string) {
  const { article } = await requireReadableArticle(articleId);
  const [revisions, publication] = await Promise.all([
    db.revision.findMany({
      where: { articleId },
      orderBy: { version: 'desc' },
      select: {
        id: true,
        version: true,
        kind: true,
        saves: true,
        createdAt: true,
        savedAt: true,
        headline: true,
        wordCount: true,
        author: { select: { name: true } },
        signoff: { select: { level: true } },
      },
    }),
    db.publication.findUniqueOrThrow({ where: { id: article.publicationId }, select: { reviewLevels: true } }),
  ]);
  const levels = clampLevels(publication.reviewLevels);
  return revisions.map((revision, index) => ({
    id: revision.id,
    version: revision.version,
    event: revisionEventLabel(revision.kind, revision.signoff ? levelName(revision.signoff.level, levels) : null),
    kind: revision.kind,
    saves: revision.saves,
    startedAt: revision.createdAt.toISOString(),
    savedAt: revision.savedAt.toISOString(),
    live: revision.id === article.liveRevisionId,
    headline: revision.headline,
    author: revision.author?.name ?? '导入',
    wordCount: revision.wordCount,
    change: revision.wordCount - (revisions[index + 1]?.wordCount ?? 0),
  }));
}

/** Any two kept revisions of the story, compared field by field and the body paragraph by paragraph. */
export async function revisionDiff(articleId: string, fromId: string, toId: string) {
  await requireReadableArticle(articleId);
  const [from, to] = await Promise.all([
    db.revision.findFirst({ where: { id: fromId, articleId } }),
    db.revision.findFirst({ where: { id: toId, articleId } }),
  ]);
  if (!from || !to) return null;
  const fields = diffFields(from, to);
  const body = foldUnchanged(diffRevisionText(from.bodyText, to.bodyText));
  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    fields,
    body,
    same: !fields.length && body.every((line) => line.op === 'same' || line.op === 'skip'),
  };
}

/** The story as readers would see it, from the working copy, through the readers' builder (the preview page). */
export async function getArticlePreview(articleId: string): Promise<ArticleView> {
  const { article } = await requireReadableArticle(articleId);
  return previewArticle(db, article.id);
}

export type ArticleRow = {
  id: string;
  slug: string;
  headline: string;
  status: ArticleStatus;
  updatedAt: string;
  publishAt: string | null;
  wordCount: number;
  author: string;
  liveRevisionId: string | null;
  /** Where the story stands on each channel the publication runs (published lists only). */
  channels?: ChannelCell[];
};

type ListFilter = { q?: string; page?: number };

function headlineFilter(q: string | undefined) {
  return q ? { headline: { contains: q.slice(0, 100) } } : {};
}

const ROW_SELECT = {
  id: true,
  slug: true,
  headline: true,
  status: true,
  updatedAt: true,
  publishAt: true,
  wordCount: true,
  liveRevisionId: true,
  createdBy: { select: { name: true } },
  byline: true,
} satisfies Prisma.ArticleSelect;

type ListRow = Prisma.ArticleGetPayload<{ select: typeof ROW_SELECT }>;

async function pagedArticles(
  where: Prisma.ArticleWhereInput,
  orderBy: Prisma.ArticleOrderByWithRelationInput[],
  page = 1,
) {
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy,
      skip: (Math.max(1, page) - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
      select: ROW_SELECT,
    }),
  ]);
  return articlePage(total, rows);
}

function articlePage(total: number, rows: ListRow[]) {
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)),
    rows: rows.map((row): ArticleRow => ({
      id: row.id,
      slug: row.slug,
      headline: row.headline || '（无标题）',
      status: row.status,
      updatedAt: row.updatedAt.toISOString(),
      publishAt: row.publishAt?.toISOString() ?? null,
      wordCount: row.wordCount,
      liveRevisionId: row.liveRevisionId,
      author: row.createdBy?.name ?? row.byline ?? '',
    })),
  };
}

/** My stories, last changed first: ids from lib/articles/my-articles.ts, then the ten rows shown. */
export async function listMyArticles(filter: ListFilter & { status?: string }) {
  const user = await requireUser('article:create');
  const page = Math.max(1, filter.page ?? 1);
  const { total, ids } = await ownArticlePage(
    db,
    user.id,
    { status: filter.status, q: filter.q?.slice(0, 100) },
    { skip: (page - 1) * LIST_PAGE_SIZE, take: LIST_PAGE_SIZE },
  );
  const rows = ids.length > 0 ? await db.article.findMany({ where: { id: { in: ids } }, select: ROW_SELECT }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return articlePage(
    total,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}

export async function listRecentlyPublished(filter: ListFilter & { channel?: ChannelFilter | null }) {
  await requireUser('newsroom:enter');
  const where: Prisma.ArticleWhereInput = {
    deletedAt: null,
    liveRevisionId: { not: null },
    retractedAt: null,
    publishAt: { lte: new Date() },
    ...headlineFilter(filter.q),
    ...channelFilterWhere(filter.channel ?? null),
  };
  const listed = await pagedArticles(where, [{ publishAt: 'desc' }], filter.page);
  const { channels, cells } = await channelCells(db, listed.rows);
  return { ...listed, channels, rows: listed.rows.map((row) => ({ ...row, channels: cells.get(row.id) })) };
}

/** Stories that will appear at a set time (scheduled alone or with their issue), soonest first. */
export async function listScheduledArticles(filter: ListFilter, now = new Date()) {
  await requireUser('newsroom:enter');
  return pagedArticles(
    {
      deletedAt: null,
      liveRevisionId: { not: null },
      retractedAt: null,
      publishAt: { gt: now },
      ...headlineFilter(filter.q),
    },
    [{ publishAt: 'asc' }],
    filter.page,
  );
}

export async function listTrash(filter: ListFilter) {
  await requireUser('article:restore');
  return pagedArticles({ deletedAt: { not: null }, ...headlineFilter(filter.q) }, [{ deletedAt: 'desc' }], filter.page);
}

/** A story as someone who may read it watches it being edited live (read-only co-editing view). */
export async function getArticleForWatching(articleId: string) {
  const { user, article } = await requireReadableArticle(articleId);
  if (article.deletedAt) notFound();
  return {
    user: { id: user.id },
    story: {
      id: article.id,
      published: Boolean(article.publishedAt),
      coverMediaId: null,
      coverUrl: null,
      updatedAt: article.updatedAt.toISOString(),
    },
  };
}
