// 忽略: a person leaves a 提示 or 警告 hit as written, with a reason; the entry is then not flagged in
// that story again, and the audit log keeps who decided and why. 禁止 hits are not ignored
// (article-check.ts canIgnore): they go through the 签发 gate.
import type { Actor } from '../access/actor';
import { requireArticleAccess } from '../access/article-access';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import type { Db } from '../db-client';
import { canIgnore } from './article-check';
import { readLists } from './store';

const MAX_REASON = 500;

export async function ignoreHit(db: Db, actor: Actor, articleId: string, key: string, text: string): Promise<void> {
  const reason = text.trim();
  if (!reason) throw new UserFacingError('忽略时请写明理由');
  if (reason.length > MAX_REASON) throw new UserFacingError(`忽略理由不能超过 ${MAX_REASON} 字`);
  const entry = (await readLists(db)).entry(key);
  if (!entry) throw new UserFacingError('审校词库里已没有这一条，请刷新后再看');
  if (!canIgnore(entry.level))
    throw new UserFacingError('“禁止”级的问题不能忽略：请修改，或由总编在签发时写明理由放行');
  await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, include: { authors: true } });
    if (!article || article.deletedAt) throw new UserFacingError('稿件不存在或已移入回收站');
    requireArticleAccess(actor, article, 'edit', () => {
      throw new UserFacingError('稿件不存在或已移入回收站');
    });
    await tx.proofingIgnore.upsert({
      where: { articleId_key: { articleId, key } },
      create: { articleId, key, reason, actorId: actor.id },
      update: { reason, actorId: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.proofing-ignore',
      subjectType: 'Article',
      subjectId: articleId,
      details: { headline: article.headline, term: entry.term, kind: entry.kind, level: entry.level, reason },
    });
  });
}
