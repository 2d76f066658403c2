// What the story page's 渠道 panel shows: per enabled channel, where the story stands, who sent it when,
// what the channel returned or why it failed, and what a retraction or correction still asks there.
import 'server-only';

import { notFound } from 'next/navigation';

import { requireArticleAccess } from '../access/article-access';
import { can } from '../access/capabilities';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { findPublication } from '../publication/lookup';
import { appArticlePath } from '../reader/app-feed';
import {
  CHANNEL_LABELS,
  CHANNEL_STATE_LABELS,
  channelState,
  channelTodo,
  GATE_FIELDS,
  sendBlocker,
  sendChannels,
} from './rules';
import { readTextPack } from './text-pack-queries';

export type ChannelPanel = NonNullable<Awaited<ReturnType<typeof getChannelPanel>>>;

/**
 * Null when the publication runs no channel besides the website. `textPack`: the 微博 / 抖音 pack
 * while 微博 is on and the story may go out; `appFeed`: the story's JSON in the app feed, which
 * follows the website by itself (nothing to send).
 */
export async function getChannelPanel(articleId: string, now = new Date()) {
  const user = await requireUser('newsroom:enter');
  const [publication, found, records, lastCorrection] = await Promise.all([
    findPublication(db, {
      wechatEnabled: true,
      appFeedEnabled: true,
      weiboEnabled: true,
      wechatAppId: true,
      wechatSecretSealed: true,
    }),
    db.article.findUnique({
      where: { id: articleId },
      select: { slug: true, ...GATE_FIELDS },
    }),
    db.channelSend.findMany({ where: { articleId }, include: { actor: { select: { name: true } } } }),
    db.correction.findFirst({ where: { articleId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
  ]);
  const article = requireArticleAccess(user, found, 'read', notFound);
  const channels = publication ? sendChannels(publication) : [];
  const appOn = publication?.appFeedEnabled ?? false;
  if (channels.length === 0 && !appOn) return null;
  const blocker = sendBlocker(article, now);
  const live =
    !blocker && article.liveRevisionId ? { slug: article.slug, liveRevisionId: article.liveRevisionId } : null;
  const mayRecord = can(user.role, 'channel:send');
  const textPack = live && mayRecord && channels.includes('WEIBO') ? await readTextPack(db, live, now) : null;
  const byChannel = new Map(records.map((record) => [record.channel, record]));
  const aftercare = { retractedAt: article.retractedAt, lastCorrectionAt: lastCorrection?.createdAt ?? null };
  return {
    mayRecord,
    blocker,
    textPack,
    appFeed: appOn ? { path: appArticlePath(article.slug), live: live !== null } : null,
    // 推送到草稿箱 once the 公众号's AppID and AppSecret are saved; 发布 is the chief editor's.
    wechatApi: Boolean(publication?.wechatAppId && publication.wechatSecretSealed),
    mayPublish: can(user.role, 'channel:publish'),
    channels: channels.map((channel) => {
      const record = byChannel.get(channel) ?? null;
      const state = channelState(record, article.liveRevisionId);
      return {
        channel,
        label: CHANNEL_LABELS[channel],
        state,
        stateLabel: CHANNEL_STATE_LABELS[state],
        by: record ? (record.actor?.name ?? '（已删除的账号）') : null,
        at: record?.at.toISOString() ?? null,
        remoteUrl: record?.remoteUrl ?? null,
        remoteId: record?.remoteId ?? null,
        reason: record?.reason ?? null,
        todo: channelTodo(channel, record, aftercare),
      };
    }),
  };
}
