// Merges the revision history written before coalescing, one transaction per story: a
// story is either merged whole or left exactly as it was, so an interrupted run loses nothing and the
// next run (db:migrate, or start-up) carries on. Rows still to examine have saves = 0 (set by the
// revision_kind migration); a story once merged is never examined again, so running it twice is a no-op.
import { createHash } from 'node:crypto';

import { ARTICLE_CONTENT_FIELDS } from '../content/fields';
import type { Db, Tx } from '../db-client';
import type { ArticleContent } from '../revisions/content-fields';
import { planMerge, type OldRevision } from './history-merge-plan';

export type ArticleMerge = { articleId: string; headline: string; before: number; after: number; kept: number };
export type MergeReport = { stories: ArticleMerge[]; removed: number };

function contentKey(content: ArticleContent & { bodyText: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([...ARTICLE_CONTENT_FIELDS.map((field) => content[field] ?? null), content.bodyText]))
    .digest('hex');
}

async function mergeArticle(tx: Tx, articleId: string): Promise<ArticleMerge> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { headline: true, liveRevisionId: true },
  });
  const rows = await tx.revision.findMany({ where: { articleId, saves: 0 }, orderBy: { version: 'asc' } });
  const signoffs = await tx.signoff.findMany({
    where: { articleId },
    select: { id: true, articleVersion: true, decision: true, createdAt: true },
  });
  const revisions: OldRevision[] = rows.map((row) => ({
    id: row.id,
    version: row.version,
    authorId: row.authorId,
    createdAt: row.createdAt,
    contentKey: contentKey(row),
  }));
  const plan = planMerge(revisions, article.liveRevisionId, signoffs);
  // Removed first, so that kept rows may take over their sign-off links.
  await tx.revision.deleteMany({ where: { id: { in: plan.remove } } });
  for (const kept of plan.keep) {
    await tx.revision.update({
      where: { id: kept.id },
      data: { kind: kept.kind, signoffId: kept.signoffId, saves: kept.saves, createdAt: kept.createdAt },
    });
  }
  const marked = plan.keep.filter(
    (kept) => kept.signoffId || ['PUBLISH', 'RESTORE', 'IMPORT'].includes(kept.kind),
  ).length;
  return { articleId, headline: article.headline, before: rows.length, after: plan.keep.length, kept: marked };
}

export async function mergeOldHistory(db: Db, report: (line: string) => void = () => {}): Promise<MergeReport> {
  const pending = await db.revision.findMany({
    where: { saves: 0 },
    distinct: ['articleId'],
    select: { articleId: true },
  });
  const stories: ArticleMerge[] = [];
  for (const { articleId } of pending) {
    const merged = await db.$transaction((tx) => mergeArticle(tx, articleId));
    stories.push(merged);
    if (merged.after < merged.before) {
      report(
        `修订历史合并：《${merged.headline || '（无标题）'}》${merged.before} 个版本合并为 ${merged.after} 个（其中审签、发布、恢复、导入版本 ${merged.kept} 个原样保留）`,
      );
    }
  }
  const removed = stories.reduce((sum, story) => sum + story.before - story.after, 0);
  if (stories.length) report(`修订历史合并完成：检查 ${stories.length} 篇稿件，合并掉 ${removed} 个自动保存版本`);
  return { stories, removed };
}
