import { describe, expect, it } from 'vitest';

import { channelState, channelTodo, checkRemoteRef, enabledChannels, sendBlocker, sendChannels } from './rules';

const now = new Date('2026-12-06T12:00:00Z');
const published = {
  liveRevisionId: 'rev-1',
  publishAt: new Date('2026-12-06T08:00:00Z'),
  retractedAt: null,
  deletedAt: null,
};

describe('channel gates', () => {
  it('lets only a published story that readers already see go to a channel', () => {
    expect(sendBlocker(published, now)).toBeNull();
    expect(sendBlocker({ ...published, liveRevisionId: null, publishAt: null }, now)).toBe(
      '稿件签发并在网站发布后才能发送到渠道',
    );
    expect(sendBlocker({ ...published, publishAt: new Date('2026-12-07T00:00:00Z') }, now)).toBe(
      '稿件定时发布，到发布时间后才能发送到渠道',
    );
    expect(sendBlocker({ ...published, retractedAt: now }, now)).toBe('稿件已撤稿，不能再发送到渠道');
    expect(sendBlocker({ ...published, deletedAt: now }, now)).toBe('稿件在回收站中，不能发送到渠道');
  });

  it('lists the switched-on channels in a fixed order', () => {
    expect(enabledChannels({ wechatEnabled: true, appFeedEnabled: false, weiboEnabled: true })).toEqual([
      'WECHAT',
      'WEIBO',
    ]);
    expect(enabledChannels({ wechatEnabled: false, appFeedEnabled: false, weiboEnabled: false })).toEqual([]);
    // The app feed follows the website: it is never sent story by story.
    expect(sendChannels({ wechatEnabled: true, appFeedEnabled: true, weiboEnabled: false })).toEqual(['WECHAT']);
  });
});

describe('where a story stands on a channel', () => {
  const at = new Date('2026-12-06T09:00:00Z');
  it('is behind the website once the live revision moved on after the send', () => {
    expect(channelState(null, 'rev-1')).toBe('unsent');
    expect(channelState({ status: 'SENT', revisionId: 'rev-1', at }, 'rev-1')).toBe('sent');
    expect(channelState({ status: 'SENT', revisionId: 'rev-1', at }, 'rev-2')).toBe('behind');
    expect(channelState({ status: 'DRAFT', revisionId: 'rev-1', at }, 'rev-1')).toBe('draft');
    expect(channelState({ status: 'DRAFT', revisionId: 'rev-1', at }, 'rev-2')).toBe('behind');
    expect(channelState({ status: 'FAILED', revisionId: null, at }, 'rev-2')).toBe('failed');
    expect(channelState({ status: 'WITHDRAWN', revisionId: 'rev-1', at }, 'rev-1')).toBe('withdrawn');
  });

  it('says what a retraction or a later correction still needs on channels that carry the story', () => {
    const sent = { status: 'SENT' as const, revisionId: 'rev-1', at };
    const quiet = { retractedAt: null, lastCorrectionAt: null };
    expect(channelTodo('WECHAT', sent, quiet)).toBeNull();
    expect(channelTodo('WECHAT', sent, { ...quiet, retractedAt: now })?.kind).toBe('withdraw');
    expect(channelTodo('WEIBO', sent, { ...quiet, lastCorrectionAt: now })?.text).toContain('微博补发更正');
    // A correction older than the send went out with it.
    expect(channelTodo('WEIBO', sent, { ...quiet, lastCorrectionAt: new Date('2026-12-06T08:30:00Z') })).toBeNull();
    // Nothing to undo where the story never arrived, nor on the feed, which follows the website.
    expect(channelTodo('WECHAT', null, { ...quiet, retractedAt: now })).toBeNull();
    expect(channelTodo('WECHAT', { ...sent, status: 'FAILED' }, { ...quiet, retractedAt: now })).toBeNull();
    expect(channelTodo('APP', sent, { ...quiet, retractedAt: now })).toBeNull();
  });
});

describe('the link or id a channel returned', () => {
  it('takes an http(s) link or a plain id and refuses anything else in Chinese', () => {
    expect(checkRemoteRef(' https://weibo.com/123/Abc ')).toEqual({
      remoteUrl: 'https://weibo.com/123/Abc',
      remoteId: null,
    });
    expect(checkRemoteRef('2247483650_1')).toEqual({ remoteUrl: null, remoteId: '2247483650_1' });
    expect(checkRemoteRef('  ')).toBe('请填写渠道返回的链接或编号');
    // Only http(s) becomes a link; anything else is shown as text, never as an href.
    expect(checkRemoteRef('javascript:alert(1)')).toBe('编号只能包含字母、数字和 _ - . : = /');
    expect(checkRemoteRef('<b>x</b>')).toBe('编号只能包含字母、数字和 _ - . : = /');
    expect(checkRemoteRef('x'.repeat(501))).toBe('链接或编号不能超过 500 个字符');
  });
});
