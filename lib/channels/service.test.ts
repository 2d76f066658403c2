import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { channelArticle, channelNewsroom } from '../../test/support/channels';
import { openTestDatabase } from '../../test/support/database';
import type { SampleNewsroom } from '../../test/support/newsroom';
import { correctArticle, publishArticle, retractArticle } from '../workflow/service';
import { recordFailure, recordSend, recordWithdrawal } from './service';

const db = openTestDatabase();
let newsroom: SampleNewsroom;

beforeAll(async () => {
  newsroom = await channelNewsroom(db);
});
afterAll(() => db.$disconnect());

const sent = { status: 'SENT' as const, remoteId: null, remoteUrl: 'https://weibo.com/1/A' };

describe('sending a story to a channel', () => {
  it('refuses before 签发 and publication, and on a channel that is off, writing nothing', async () => {
    const id = await channelArticle(db, newsroom, '渠道门槛', false);
    await expect(recordSend(db, newsroom.editorA, { articleId: id, channel: 'WEIBO', ...sent })).rejects.toThrow(
      '稿件签发并在网站发布后才能发送到渠道',
    );
    await publishArticle(db, newsroom.chief, id, null);
    await expect(recordSend(db, newsroom.editorA, { articleId: id, channel: 'APP', ...sent })).rejects.toThrow(
      '客户端渠道没有开通',
    );
    expect(await db.channelSend.count({ where: { articleId: id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { subjectId: id, action: { startsWith: 'channel.' } } })).toBe(0);
  });

  it('records the published copy sent, who and what came back, with an audit event per attempt', async () => {
    const id = await channelArticle(db, newsroom, '渠道发送');
    const live = await db.article.findUniqueOrThrow({ where: { id }, select: { liveRevisionId: true } });
    await recordFailure(db, newsroom.editorA, { articleId: id, channel: 'WECHAT', reason: '不合法的 AppSecret' });
    await recordSend(db, newsroom.editorB, {
      articleId: id,
      channel: 'WECHAT',
      status: 'SENT',
      remoteId: 'pub-1',
      remoteUrl: null,
    });
    const row = await db.channelSend.findUniqueOrThrow({
      where: { articleId_channel: { articleId: id, channel: 'WECHAT' } },
    });
    expect(row).toMatchObject({
      status: 'SENT',
      revisionId: live.liveRevisionId,
      actorId: newsroom.editorB.id,
      remoteId: 'pub-1',
      reason: null,
      attempts: 2,
    });
    const events = await db.auditEvent.findMany({ where: { subjectId: id, action: { startsWith: 'channel.' } } });
    expect(events.map((event) => event.action).sort()).toEqual(['channel.fail', 'channel.send']);
  });

  it('after a retraction refuses new sends and records the take-down once', async () => {
    const id = await channelArticle(db, newsroom, '渠道撤稿');
    await expect(recordWithdrawal(db, newsroom.editorA, { articleId: id, channel: 'WEIBO' })).rejects.toThrow(
      '稿件没有在微博上，无需撤回',
    );
    await recordSend(db, newsroom.editorA, { articleId: id, channel: 'WEIBO', ...sent });
    await expect(recordWithdrawal(db, newsroom.editorA, { articleId: id, channel: 'WEIBO' })).rejects.toThrow(
      '稿件撤稿后才需要在渠道撤回',
    );
    await correctArticle(db, newsroom.chief, id, '第二段人名有误，已更正。');
    await retractArticle(db, newsroom.chief, id, '本文数据有误，撤回。');
    await expect(recordSend(db, newsroom.editorA, { articleId: id, channel: 'WEIBO', ...sent })).rejects.toThrow(
      '稿件已撤稿，不能再发送到渠道',
    );
    await recordWithdrawal(db, newsroom.editorA, { articleId: id, channel: 'WEIBO' });
    expect(
      await db.channelSend.findUniqueOrThrow({ where: { articleId_channel: { articleId: id, channel: 'WEIBO' } } }),
    ).toMatchObject({ status: 'WITHDRAWN', remoteUrl: 'https://weibo.com/1/A' });
    await expect(recordWithdrawal(db, newsroom.editorA, { articleId: id, channel: 'WEIBO' })).rejects.toThrow(
      '无需撤回',
    );
  });
});
