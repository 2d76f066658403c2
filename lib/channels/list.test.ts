import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { channelArticle, channelNewsroom } from '../../test/support/channels';
import { openTestDatabase } from '../../test/support/database';
import type { SampleNewsroom } from '../../test/support/newsroom';
import { channelCells, channelFilterOf, channelFilterWhere } from './list';
import { recordFailure, recordSend } from './service';

const db = openTestDatabase();
let newsroom: SampleNewsroom;

beforeAll(async () => {
  newsroom = await channelNewsroom(db);
});
afterAll(() => db.$disconnect());

const publishedArticle = (headline: string) => channelArticle(db, newsroom, headline);

describe('the dashboard channel filter', () => {
  it('reads only a known channel and state from the query', () => {
    expect(channelFilterOf({ channel: 'WECHAT', cs: 'failed' })).toEqual({ channel: 'WECHAT', state: 'failed' });
    expect(channelFilterOf({ channel: 'TIKTOK', cs: 'failed' })).toBeNull();
    expect(channelFilterOf({ channel: 'WECHAT', cs: 'toString' })).toBeNull();
    expect(channelFilterOf({ channel: ['WECHAT'], cs: 'sent' })).toBeNull();
  });

  it('finds stories not sent, sent and failed on one channel, and shows each channel per row', async () => {
    const none = await publishedArticle('筛选甲');
    const sent = await publishedArticle('筛选乙');
    const failed = await publishedArticle('筛选丙');
    await recordSend(db, newsroom.editorA, {
      articleId: sent,
      channel: 'WECHAT',
      status: 'DRAFT',
      remoteId: 'media-1',
      remoteUrl: null,
    });
    await recordFailure(db, newsroom.editorA, { articleId: failed, channel: 'WECHAT', reason: '接口调用超过限制' });
    const ids = [none, sent, failed];
    const match = async (state: 'unsent' | 'sent' | 'failed') =>
      (
        await db.article.findMany({
          where: { id: { in: ids }, ...channelFilterWhere({ channel: 'WECHAT', state }) },
          select: { id: true },
        })
      )
        .map((row) => row.id)
        .sort();
    expect(await match('unsent')).toEqual([none, failed].sort());
    expect(await match('sent')).toEqual([sent]);
    expect(await match('failed')).toEqual([failed]);

    const rows = await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, liveRevisionId: true } });
    const { channels, cells } = await channelCells(db, rows);
    expect(channels).toEqual(['WECHAT', 'WEIBO']);
    expect(cells.get(sent)?.map((cell) => cell.stateLabel)).toEqual(['已进草稿箱', '未发送']);
    expect(cells.get(failed)?.[0]?.stateLabel).toBe('发送失败');
  });
});
