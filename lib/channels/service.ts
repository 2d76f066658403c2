// Recording where a story stands on each channel. Every change is one transaction with its audit event
// (channel.send, channel.fail, channel.withdraw); the row keeps the latest attempt, the audit log all of them.
import type { Actor } from '../access/actor';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db-client';
import type { Channel, ChannelSendStatus } from '../generated/prisma/enums';
import { requirePublication } from '../publication/lookup';
import { CHANNEL_LABELS, enabledChannels, sendBlocker } from './rules';

async function channelArticle(tx: Tx, articleId: string, channel: Channel) {
  const publication = await requirePublication(tx, { wechatEnabled: true, appFeedEnabled: true, weiboEnabled: true });
  if (!enabledChannels(publication).includes(channel))
    throw new UserFacingError(`${CHANNEL_LABELS[channel]}渠道没有开通：请管理员在报刊设置中开通`);
  if (channel === 'APP') throw new UserFacingError('客户端信息流随网站更新，不需要逐篇发送');
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { id: true, slug: true, liveRevisionId: true, publishAt: true, retractedAt: true, deletedAt: true },
  });
  if (!article) throw new UserFacingError('稿件不存在或已移入回收站');
  return article;
}

export type SendOutcome = {
  status: Extract<ChannelSendStatus, 'DRAFT' | 'PUBLISHING' | 'SENT'>;
  remoteId: string | null;
  remoteUrl: string | null;
};

/**
 * Records a send that reached the channel: the story's published copy as of now. Refuses, with nothing
 * written, a story the gates keep off every channel (not 签发 and published, scheduled, retracted).
 */
export async function recordSend(
  db: Db,
  actor: Pick<Actor, 'id'>,
  input: { articleId: string; channel: Channel; revisionId?: string | null } & SendOutcome,
  now = new Date(),
): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const article = await channelArticle(tx, input.articleId, input.channel);
    const blocker = sendBlocker(article, now);
    if (blocker) throw new UserFacingError(blocker);
    // The copy that reached the channel: the live one, unless the caller names the copy it rendered
    // (a 公众号 draft made from a revision the website has since replaced stays behind).
    const revisionId = input.revisionId === undefined ? article.liveRevisionId : input.revisionId;
    const data = {
      status: input.status,
      revisionId,
      actorId: actor.id,
      remoteId: input.remoteId,
      remoteUrl: input.remoteUrl,
      reason: null,
      at: now,
    };
    await tx.channelSend.upsert({
      where: { articleId_channel: { articleId: article.id, channel: input.channel } },
      create: { articleId: article.id, channel: input.channel, ...data },
      update: { ...data, attempts: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'channel.send',
      subjectType: 'Article',
      subjectId: article.id,
      details: {
        channel: input.channel,
        status: input.status,
        revisionId,
        remoteId: input.remoteId,
        remoteUrl: input.remoteUrl,
      },
    });
    return { slug: article.slug };
  });
}

/** Records an attempt the channel refused, with the reason the story page shows and 重试 offers to redo. */
export async function recordFailure(
  db: Db,
  actor: Pick<Actor, 'id'>,
  input: { articleId: string; channel: Channel; reason: string },
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const article = await channelArticle(tx, input.articleId, input.channel);
    const reason = input.reason.slice(0, 500);
    await tx.channelSend.upsert({
      where: { articleId_channel: { articleId: article.id, channel: input.channel } },
      create: { articleId: article.id, channel: input.channel, status: 'FAILED', actorId: actor.id, reason, at: now },
      update: { status: 'FAILED', actorId: actor.id, reason, at: now, attempts: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'channel.fail',
      subjectType: 'Article',
      subjectId: article.id,
      details: { channel: input.channel, reason },
    });
  });
}

/** After a retraction: the desk took the story down on the channel (the channel's own step, recorded here). */
export async function recordWithdrawal(
  db: Db,
  actor: Pick<Actor, 'id'>,
  input: { articleId: string; channel: Channel },
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const record = await tx.channelSend.findUnique({
      where: { articleId_channel: { articleId: input.articleId, channel: input.channel } },
      select: { id: true, status: true, article: { select: { retractedAt: true } } },
    });
    if (!record || record.status === 'FAILED' || record.status === 'WITHDRAWN')
      throw new UserFacingError(`稿件没有在${CHANNEL_LABELS[input.channel]}上，无需撤回`);
    if (!record.article.retractedAt) throw new UserFacingError('稿件撤稿后才需要在渠道撤回');
    await tx.channelSend.update({
      where: { id: record.id },
      data: { status: 'WITHDRAWN', actorId: actor.id, at: now },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'channel.withdraw',
      subjectType: 'Article',
      subjectId: input.articleId,
      details: { channel: input.channel },
    });
  });
}
