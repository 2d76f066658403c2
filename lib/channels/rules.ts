// Channels besides the website (中央厨房: one signed-off story, sent to every channel the publication
// runs) and the rules every channel obeys. Pure: no Next, no Prisma client.
import type { Channel, ChannelSendStatus } from '../generated/prisma/enums';

export const CHANNELS: readonly Channel[] = ['WECHAT', 'APP', 'WEIBO'];

export const CHANNEL_LABELS: Record<Channel, string> = {
  WECHAT: '微信公众号',
  APP: '客户端',
  WEIBO: '微博',
};

/**
 * The channels a story is sent to one by one. The app reads a feed of what the website shows, so it
 * follows the website by itself: nothing to send, nothing to take down.
 */
export const SEND_CHANNELS: readonly Channel[] = ['WECHAT', 'WEIBO'];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export type ChannelSwitches = { wechatEnabled: boolean; appFeedEnabled: boolean; weiboEnabled: boolean };

/** The channels the publication has switched on, in the fixed order. */
export function enabledChannels(publication: ChannelSwitches): Channel[] {
  const on: Record<Channel, boolean> = {
    WECHAT: publication.wechatEnabled,
    APP: publication.appFeedEnabled,
    WEIBO: publication.weiboEnabled,
  };
  return CHANNELS.filter((channel) => on[channel]);
}

/** The switched-on channels a story is sent to (the app feed is left out: it follows the website). */
export function sendChannels(publication: ChannelSwitches): Channel[] {
  return enabledChannels(publication).filter((channel) => SEND_CHANNELS.includes(channel));
}

/** What `sendBlocker` reads of a story row, and the access check beside it: select these together. */
export const GATE_FIELDS = {
  liveRevisionId: true,
  publishAt: true,
  retractedAt: true,
  deletedAt: true,
  createdById: true,
  authors: { select: { userId: true } },
} as const;

type Sendable = {
  liveRevisionId: string | null;
  publishAt: Date | null;
  retractedAt: Date | null;
  deletedAt: Date | null;
};

/**
 * Why the story cannot go to a channel now, or null. A channel gets what the website's readers get:
 * the published copy (signed off, 签发), once it is on the website, never a draft or working copy.
 */
export function sendBlocker(article: Sendable, now: Date): string | null {
  if (article.deletedAt) return '稿件在回收站中，不能发送到渠道';
  if (article.retractedAt) return '稿件已撤稿，不能再发送到渠道';
  if (!article.liveRevisionId || !article.publishAt) return '稿件签发并在网站发布后才能发送到渠道';
  if (article.publishAt > now) return '稿件定时发布，到发布时间后才能发送到渠道';
  return null;
}

export type ChannelRecord = {
  status: ChannelSendStatus;
  revisionId: string | null;
  at: Date;
};

export type ChannelState = 'unsent' | 'draft' | 'publishing' | 'sent' | 'behind' | 'failed' | 'withdrawn';

export const CHANNEL_STATE_LABELS: Record<ChannelState, string> = {
  unsent: '未发送',
  draft: '已进草稿箱',
  publishing: '发布中',
  sent: '已发送',
  behind: '渠道版本落后于网站',
  failed: '发送失败',
  withdrawn: '已撤回',
};

/**
 * Where a story stands on one channel. A channel that holds an older published copy than the
 * website's is behind until it is sent again (the send names the revision it carried).
 */
export function channelState(record: ChannelRecord | null, liveRevisionId: string | null): ChannelState {
  if (!record) return 'unsent';
  if (record.status === 'FAILED') return 'failed';
  if (record.status === 'WITHDRAWN') return 'withdrawn';
  if (liveRevisionId && record.revisionId !== liveRevisionId) return 'behind';
  if (record.status === 'DRAFT') return 'draft';
  if (record.status === 'PUBLISHING') return 'publishing';
  return 'sent';
}

type Aftercare = {
  retractedAt: Date | null;
  /** When the newest 更正 was appended, if any. */
  lastCorrectionAt: Date | null;
};

export type ChannelTodo = { kind: 'withdraw' | 'correct'; text: string };

/**
 * What a retraction or a correction still asks of the desk on one channel, or null. A channel the story
 * never reached needs nothing; one that carries it must be taken down, or be given the correction.
 * The app feed follows the website by itself (a retracted story leaves it, a correction shows in it).
 */
export function channelTodo(channel: Channel, record: ChannelRecord | null, article: Aftercare): ChannelTodo | null {
  if (!record || record.status === 'FAILED' || record.status === 'WITHDRAWN' || channel === 'APP') return null;
  const where = CHANNEL_LABELS[channel];
  if (article.retractedAt)
    return { kind: 'withdraw', text: `稿件已撤稿：请在${where}删除或撤回这篇稿件，然后点“记录已撤回”` };
  if (article.lastCorrectionAt && article.lastCorrectionAt > record.at)
    return { kind: 'correct', text: `稿件有新的更正：请在${where}补发更正，或重新发送后记录` };
  return null;
}

/** A link or id the desk records by hand: http(s) links, or an id of letters, digits and _-. */
export function checkRemoteRef(value: string): { remoteUrl: string | null; remoteId: string | null } | string {
  const text = value.trim();
  if (!text) return '请填写渠道返回的链接或编号';
  if (text.length > 500) return '链接或编号不能超过 500 个字符';
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      return { remoteUrl: url.toString(), remoteId: null };
    } catch {
      return '链接格式不对，请复制渠道给出的完整链接';
    }
  }
  if (!/^[\w.\-:=/]+$/.test(text)) return '编号只能包含字母、数字和 _ - . : = /';
  return { remoteUrl: null, remoteId: text };
}
