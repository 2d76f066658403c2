// Writing stories: create, save with an optimistic lock, record each content change in the
// revision history (autosaves coalesced, revision-log.ts), restore a revision, trash and restore. Every write keeps the search index in step in the
// same transaction. Callers check the capability; these functions check ownership.
import type { Actor } from '../access/actor';
import { requireArticleAccess } from '../access/article-access';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import { doc, paragraph } from '../content/builders';
import { toPlainText } from '../content/plain-text';
import type { Doc } from '../content/types';
import { validateDoc } from '../content/validate';
import { countDocWords } from '../content/word-count';
import { lockArticle } from '../database/row-lock';
import type { Db, Tx } from '../db-client';
import { sameContent } from '../revisions/content-fields';
import { recordSave, sealRollingRevision } from '../revisions/revision-log';
import type { SaveKind } from '../revisions/revision-rules';
import { indexArticle, removeFromIndex } from '../search/search-index';
import { articleGone, check } from '../workflow/article-state';
import { canEditContent, canTrash, hasReviewToVoid } from '../workflow/rules';
import { applyContentChange } from '../workflow/service';
import { generateByline } from './byline';
import type { CleanArticleInput } from './schemas';
import { slugBase, uniqueSlug } from './slug';

export type SaveOutcome =
  | { ok: true; version: number; savedAt: string; slug: string; revisionCreated: boolean }
  | { ok: false; conflict: { version: number; savedBy: string; savedAt: string } };

async function loadEditable(tx: Tx, editor: Actor, articleId: string) {
  // Saves of one story from several instances take turns (lib/database/row-lock.ts).
  await lockArticle(tx, articleId);
  const found = await tx.article.findUnique({
    where: { id: articleId },
    include: { authors: { select: { userId: true } }, updatedBy: { select: { name: true } } },
  });
  const article = requireArticleAccess(editor, found, 'edit', articleGone);
  check(canEditContent({ status: article.status }));
  return article;
}

async function freeSlug(tx: Tx, base: string, exceptId: string): Promise<string> {
  return uniqueSlug(base, async (candidate) => {
    const found = await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } });
    return Boolean(found && found.id !== exceptId);
  });
}

export async function createArticle(db: Db, editor: Actor, publicationId: string): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const body = JSON.stringify(doc(paragraph()));
    const slug = await freeSlug(tx, `draft-${Date.now().toString(36)}`, '');
    const article = await tx.article.create({
      data: {
        publicationId,
        slug,
        headline: '',
        dateline: '本报讯',
        byline: generateByline([{ name: editor.name, label: '记者' }]),
        body,
        bodyText: '',
        wordCount: 0,
        createdById: editor.id,
        updatedById: editor.id,
        authors: { create: [{ position: 1, userId: editor.id, name: editor.name, label: '记者' }] },
        revisions: {
          create: {
            version: 1,
            headline: '',
            dateline: '本报讯',
            body,
            bodyText: '',
            authorId: editor.id,
            kind: 'CREATE',
          },
        },
      },
    });
    await indexArticle(tx, article.id);
    await recordAudit(tx, {
      actorId: editor.id,
      action: 'article.create',
      subjectType: 'Article',
      subjectId: article.id,
    });
    return { id: article.id };
  });
}

export async function saveArticle(
  db: Db,
  editor: Actor,
  articleId: string,
  baseVersion: number,
  input: CleanArticleInput,
  now = new Date(),
  kind: SaveKind = 'AUTOSAVE',
): Promise<SaveOutcome> {
  // The body is checked before the transaction opens (a two-million-character body takes a while, and a
  // write transaction holds SQLite's one writer), and not again inside it.
  const body = checkedBody(input.body);
  return db.$transaction((tx) => saveChecked(tx, editor, articleId, baseVersion, input, body, now, kind));
}

function checkedBody(body: CleanArticleInput['body']): Doc {
  const checked = validateDoc(body);
  if (!checked.ok) throw new UserFacingError(checked.error, { body: checked.error });
  return checked.doc;
}

/**
 * The save inside a caller's transaction (the co-editing server writes the working copy and the
 * shared document's state in one). Every check comes before the first write, so a UserFacingError
 * leaves the transaction untouched.
 */
export async function saveArticleIn(
  tx: Tx,
  editor: Actor,
  articleId: string,
  baseVersion: number,
  input: CleanArticleInput,
  now = new Date(),
  kind: SaveKind = 'AUTOSAVE',
): Promise<SaveOutcome> {
  return saveChecked(tx, editor, articleId, baseVersion, input, checkedBody(input.body), now, kind);
}

async function saveChecked(
  tx: Tx,
  editor: Actor,
  articleId: string,
  baseVersion: number,
  input: CleanArticleInput,
  checkedDoc: Doc,
  now: Date,
  kind: SaveKind,
): Promise<SaveOutcome> {
  const article = await loadEditable(tx, editor, articleId);
  if (article.version !== baseVersion) {
    return {
      ok: false,
      conflict: {
        version: article.version,
        savedBy: article.updatedBy?.name ?? '其他人',
        savedAt: article.updatedAt.toISOString(),
      },
    };
  }
  await checkReferences(tx, input);
  const slug = await nextSlug(tx, article, input);
  const body = JSON.stringify(checkedDoc);
  const content = {
    kicker: input.kicker,
    headline: input.headline,
    subheadline: input.subheadline,
    dateline: input.dateline,
    byline: input.byline,
    summary: input.summary,
    body,
  };
  const changed = !sameContent(article, content);
  const bodyText = toPlainText(checkedDoc);
  const wordCount = countDocWords(checkedDoc);
  const version = article.version + 1;
  await tx.article.update({
    where: { id: articleId },
    data: {
      ...content,
      slug,
      bodyText,
      wordCount,
      coverMediaId: input.coverMediaId,
      version,
      updatedById: editor.id,
      updatedAt: now,
    },
  });
  await tx.articleAuthor.deleteMany({ where: { articleId } });
  for (const [index, author] of input.authors.entries()) {
    await tx.articleAuthor.create({
      data: { articleId, position: index + 1, userId: author.userId, name: author.name, label: author.label },
    });
  }
  if (changed) {
    await recordSave(tx, {
      articleId,
      version,
      content: { ...content, bodyText, wordCount },
      actorId: editor.id,
      kind,
      now,
    });
    // Every content change counts for 三审, whether or not its revision was coalesced. Drafts are most
    // autosaves: they have no sign-offs, so skip loading the review state.
    if (hasReviewToVoid(article.status)) await applyContentChange(tx, editor, articleId, now);
  } else if (kind === 'SAVE') {
    await sealRollingRevision(tx, { articleId, actorId: editor.id, now });
  }
  await indexArticle(tx, articleId);
  return { ok: true, version, savedAt: now.toISOString(), slug, revisionCreated: changed };
}

/**
 * The cover and the authors' accounts a save names must exist: a browser can put any id into the
 * shared document, and a missing one would fail the write on its foreign key instead of being refused.
 */
async function checkReferences(tx: Tx, input: CleanArticleInput): Promise<void> {
  if (input.coverMediaId && !(await tx.media.findUnique({ where: { id: input.coverMediaId }, select: { id: true } }))) {
    throw new UserFacingError('封面图片不存在，请重新选择', { coverMediaId: '封面图片不存在，请重新选择' });
  }
  const userIds = [...new Set(input.authors.flatMap((author) => (author.userId ? [author.userId] : [])))];
  if (!userIds.length) return;
  const found = new Set(
    (await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true } })).map((user) => user.id),
  );
  const missing = input.authors.find((author) => author.userId && !found.has(author.userId));
  if (missing)
    throw new UserFacingError(`作者“${missing.name}”的账号不存在，请重新选择作者`, { authors: '作者账号不存在' });
}

/** The slug follows the headline until the story is first published or someone sets it by hand. */
async function nextSlug(
  tx: Tx,
  article: { id: string; slug: string; headline: string; publishedAt: Date | null },
  input: CleanArticleInput,
): Promise<string> {
  const requested = input.slug;
  if (article.publishedAt) {
    if (requested && requested !== article.slug)
      throw new UserFacingError('稿件发布后网址不能再修改', { slug: '稿件发布后网址不能再修改' });
    return article.slug;
  }
  const automatic =
    article.slug.startsWith('draft-') ||
    (article.headline !== '' && article.slug.replace(/-\d+$/, '') === slugBase(article.headline));
  if (requested && requested !== article.slug) {
    const taken = await tx.article.findUnique({ where: { slug: requested }, select: { id: true } });
    if (taken && taken.id !== article.id)
      throw new UserFacingError('这个网址已被其他稿件使用', { slug: '这个网址已被其他稿件使用' });
    return requested;
  }
  if (automatic && input.headline && input.headline !== article.headline)
    return freeSlug(tx, slugBase(input.headline), article.id);
  return article.slug;
}

/** Only kept revisions exist: one merged into a later autosave is simply not found. */
export async function restoreRevision(
  db: Db,
  editor: Actor,
  articleId: string,
  revisionId: string,
  baseVersion: number,
  now = new Date(),
): Promise<SaveOutcome> {
  const revision = await db.revision.findUnique({ where: { id: revisionId } });
  if (!revision || revision.articleId !== articleId) throw new UserFacingError('找不到这个历史版本');
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { authors: { orderBy: { position: 'asc' } } },
  });
  return saveArticle(
    db,
    editor,
    articleId,
    baseVersion,
    {
      kicker: revision.kicker,
      headline: revision.headline,
      subheadline: revision.subheadline,
      dateline: revision.dateline,
      byline: revision.byline,
      summary: revision.summary,
      slug: '',
      coverMediaId: article.coverMediaId,
      authors: article.authors.map((author) => ({ userId: author.userId, name: author.name, label: author.label })),
      body: JSON.parse(revision.body),
    },
    now,
    'RESTORE',
  );
}

export async function moveToTrash(db: Db, editor: Actor, articleId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const article = await loadEditable(tx, editor, articleId);
    check(canTrash({ status: article.status, live: Boolean(article.liveRevisionId) }));
    await tx.article.update({ where: { id: articleId }, data: { deletedAt: now, deletedById: editor.id } });
    // A story moved to the trash leaves the pages it was planned on.
    await tx.articlePlacement.deleteMany({ where: { articleId } });
    await removeFromIndex(tx, articleId);
    await recordAudit(tx, {
      actorId: editor.id,
      action: 'article.trash',
      subjectType: 'Article',
      subjectId: articleId,
      details: { headline: article.headline },
    });
  });
}

export async function restoreFromTrash(db: Db, editor: Actor, articleId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId } });
    if (!article?.deletedAt) throw new UserFacingError('这篇稿件不在回收站里');
    await tx.article.update({ where: { id: articleId }, data: { deletedAt: null, deletedById: null } });
    await indexArticle(tx, articleId);
    await recordAudit(tx, {
      actorId: editor.id,
      action: 'article.restore',
      subjectType: 'Article',
      subjectId: articleId,
      details: { headline: article.headline },
    });
  });
}
