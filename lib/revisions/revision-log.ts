// Writing revisions inside the caller's transaction, by the rules in revision-rules.ts: a content save
// writes into the rolling revision or starts one; an event seals the current text.
import { ARTICLE_CONTENT_FIELDS } from '../content/fields';
import { figureCountOf } from '../content/figures';
import type { Tx } from '../db-client';
import { sameContent, type ArticleContent } from './content-fields';
import { placeEvent, placeSave, type EventKind, type RevisionTip, type SaveKind } from './revision-rules';

export type RevisionContent = ArticleContent & { body: string; headline: string; bodyText: string; wordCount: number };

async function loadTip(tx: Tx, articleId: string) {
  const tip = await tx.revision.findFirst({
    where: { articleId },
    orderBy: { version: 'desc' },
    include: { liveFor: { select: { id: true } } },
  });
  if (!tip) return null;
  const rules: RevisionTip = {
    kind: tip.kind,
    authorId: tip.authorId,
    savedAt: tip.savedAt,
    live: Boolean(tip.liveFor),
    signoffId: tip.signoffId,
  };
  return { row: tip, rules };
}

/** What a revision stores of the text: its fields, and the figures its body holds (考核's photos). */
function contentOf(source: RevisionContent): RevisionContent & { figureCount: number } {
  const picked = Object.fromEntries(
    ARTICLE_CONTENT_FIELDS.map((field) => [field, source[field] ?? null]),
  ) as ArticleContent;
  return {
    ...picked,
    body: source.body,
    headline: source.headline,
    bodyText: source.bodyText,
    wordCount: source.wordCount,
    figureCount: figureCountOf(source.body),
  };
}

/** Records a content change saved as article `version`. */
export async function recordSave(
  tx: Tx,
  input: { articleId: string; version: number; content: RevisionContent; actorId: string; kind: SaveKind; now: Date },
): Promise<{ revisionId: string; created: boolean }> {
  const tip = await loadTip(tx, input.articleId);
  const content = contentOf(input.content);
  if (tip && placeSave(tip.rules, input.kind, input.actorId, input.now) === 'update') {
    const updated = await tx.revision.update({
      where: { id: tip.row.id },
      data: {
        ...content,
        version: Math.max(input.version, tip.row.version),
        savedAt: input.now,
        saves: { increment: 1 },
        // A manual save closes the run; autosaves leave it open (a new story's first text is an autosave).
        kind: input.kind === 'SAVE' ? 'SAVE' : 'AUTOSAVE',
      },
    });
    return { revisionId: updated.id, created: false };
  }
  const created = await tx.revision.create({
    data: {
      articleId: input.articleId,
      version: Math.max(input.version, (tip?.row.version ?? 0) + 1),
      ...content,
      authorId: input.actorId,
      kind: input.kind,
      createdAt: input.now,
      savedAt: input.now,
    },
  });
  return { revisionId: created.id, created: true };
}

/**
 * Records an event (submit, sign-off, return, publish, correction) on the story's current text and
 * returns the revision that now holds it: the actor's rolling revision sealed in place, or a new row.
 */
export async function recordEvent(
  tx: Tx,
  input: { articleId: string; kind: EventKind; actorId: string; now: Date; signoffId?: string },
): Promise<string> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: input.articleId } });
  const tip = await loadTip(tx, input.articleId);
  const signoffId = input.signoffId ?? null;
  if (tip && sameContent(tip.row, article) && placeEvent(tip.rules, input.actorId, input.now) === 'stamp') {
    await tx.revision.update({ where: { id: tip.row.id }, data: { kind: input.kind, signoffId, savedAt: input.now } });
    return tip.row.id;
  }
  const created = await tx.revision.create({
    data: {
      articleId: article.id,
      version: Math.max(article.version, (tip?.row.version ?? 0) + 1),
      ...contentOf(article),
      authorId: input.actorId,
      kind: input.kind,
      signoffId,
      createdAt: input.now,
      savedAt: input.now,
    },
  });
  return created.id;
}

/** A manual save without changes still closes the saver's rolling revision; there is nothing to copy. */
export async function sealRollingRevision(
  tx: Tx,
  input: { articleId: string; actorId: string; now: Date },
): Promise<void> {
  const tip = await loadTip(tx, input.articleId);
  if (tip && placeEvent(tip.rules, input.actorId, input.now) === 'stamp') {
    await tx.revision.update({ where: { id: tip.row.id }, data: { kind: 'SAVE', savedAt: input.now } });
  }
}
