// The dashboard's channel column and filter over published stories: where each listed story stands on
// every channel the publication runs, and the Prisma filter for "not sent / sent / failed on channel X".
import type { Db } from '../db-client';
import type { Prisma } from '../generated/prisma/client';
import type { Channel, ChannelSendStatus } from '../generated/prisma/enums';
import { findPublication } from '../publication/lookup';
import {
  CHANNEL_LABELS,
  CHANNEL_STATE_LABELS,
  channelState,
  isChannel,
  sendChannels,
  type ChannelState,
} from './rules';

export const CHANNEL_FILTERS = { unsent: '未发送', sent: '已发送', failed: '发送失败' } as const;
export type ChannelFilterState = keyof typeof CHANNEL_FILTERS;
export type ChannelFilter = { channel: Channel; state: ChannelFilterState };

function isFilterState(value: unknown): value is ChannelFilterState {
  return typeof value === 'string' && Object.hasOwn(CHANNEL_FILTERS, value);
}

/** Reads `?channel=WECHAT&cs=unsent` from the dashboard's query; null for anything else. */
export function channelFilterOf(params: Record<string, string | string[] | undefined>): ChannelFilter | null {
  const channel = params.channel;
  const state = params.cs;
  if (!isChannel(channel) || !isFilterState(state)) return null;
  return { channel, state };
}

// A draft in the 公众号 draft box and a submitted 发布 count as sent: the desk has acted on the channel.
const REACHED: ChannelSendStatus[] = ['SENT', 'DRAFT', 'PUBLISHING'];

export function channelFilterWhere(filter: ChannelFilter | null): Prisma.ArticleWhereInput {
  if (!filter) return {};
  const { channel, state } = filter;
  if (state === 'unsent') return { channelSends: { none: { channel, status: { in: REACHED } } } };
  if (state === 'sent') return { channelSends: { some: { channel, status: { in: REACHED } } } };
  return { channelSends: { some: { channel, status: 'FAILED' } } };
}

export type ChannelCell = { channel: Channel; label: string; state: ChannelState; stateLabel: string };

/** The channels switched on, and per listed story its cell on each (one query for the page's rows). */
export async function channelCells(
  db: Db,
  rows: readonly { id: string; liveRevisionId: string | null }[],
): Promise<{ channels: Channel[]; cells: Map<string, ChannelCell[]> }> {
  const publication = await findPublication(db, { wechatEnabled: true, appFeedEnabled: true, weiboEnabled: true });
  const channels = publication ? sendChannels(publication) : [];
  const cells = new Map<string, ChannelCell[]>();
  if (channels.length === 0 || rows.length === 0) return { channels, cells };
  const records = await db.channelSend.findMany({
    where: { articleId: { in: rows.map((row) => row.id) }, channel: { in: channels } },
    select: { articleId: true, channel: true, status: true, revisionId: true, at: true },
  });
  const byKey = new Map(records.map((record) => [`${record.articleId}:${record.channel}`, record]));
  for (const row of rows)
    cells.set(
      row.id,
      channels.map((channel) => {
        const state = channelState(byKey.get(`${row.id}:${channel}`) ?? null, row.liveRevisionId);
        return { channel, label: CHANNEL_LABELS[channel], state, stateLabel: CHANNEL_STATE_LABELS[state] };
      }),
    );
  return { channels, cells };
}
