import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { articleInput, signOff } from '../../../test/support/articles';
import { channelArticle, channelNewsroom } from '../../../test/support/channels';
import { openTestDatabase } from '../../../test/support/database';
import type { SampleNewsroom } from '../../../test/support/newsroom';
import { wechatMediaDir, wechatReadyArticle } from '../../../test/support/wechat-article';
import { WechatDouble, type WechatDoubleOptions } from '../../../test/support/wechat-double';
import { saveArticle } from '../../articles/editor-service';
import { publishArticle } from '../../workflow/service';
import { channelState } from '../rules';
import { WechatClient } from './client';
import { NO_COVER_MESSAGE, pollWechatPublish, publishWechatDraft, pushWechatDraft } from './push';

const db = openTestDatabase();
const credentials = { appId: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef' };
const SITE = 'https://news.example';
let newsroom: SampleNewsroom;
let mediaDir: string;
let double: WechatDouble | null = null;

beforeAll(async () => {
  newsroom = await channelNewsroom(db);
  mediaDir = wechatMediaDir();
});
afterEach(async () => {
  await double?.stop();
  double = null;
});
afterAll(() => db.$disconnect());

async function connect(options: Partial<WechatDoubleOptions> = {}, secret = credentials.secret) {
  double = new WechatDouble({ ...credentials, ...options });
  const base = await double.start();
  const api = new WechatClient({ ...credentials, secret }, { base });
  return { double, api, deps: { api, mediaDir, site: SITE } };
}

const record = (articleId: string) =>
  db.channelSend.findUnique({ where: { articleId_channel: { articleId, channel: 'WECHAT' } } });
const article = (articleId: string) =>
  db.article.findUniqueOrThrow({ where: { id: articleId }, select: { liveRevisionId: true } });

let seed = 1;
const story = (headline: string, options: { images?: number; cover?: boolean } = {}) =>
  wechatReadyArticle(db, newsroom, mediaDir, { headline, seed: seed++, size: [480, 360], ...options });

describe('推送到草稿箱 and 发布 through the 公众号 API (local double)', () => {
  it('uploads the body images as JPEG, the cover as material, makes the draft with WeChat image URLs, then publishes', async () => {
    const { double, deps, api } = await connect({ publishPolls: 1 });
    // 2 pictures in the body and the cover, which leads the content too: 3 images inside the content.
    const id = await story('推送成功', { images: 2 });
    const { draftId } = await pushWechatDraft(db, newsroom.editorA, id, deps);
    const draft = double.drafts.get(draftId)!;
    expect(draft.title).toBe('推送成功');
    expect(double.count('/cgi-bin/media/uploadimg')).toBe(3);
    expect(double.materials.size).toBe(1);
    // Every image inside the content is on WeChat's domain; none points at the website's /media.
    const sources = [...draft.content.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);
    expect(sources).toHaveLength(3);
    expect(sources.every((src) => src!.startsWith('http://mmbiz.qpic.cn/'))).toBe(true);
    expect(draft.content).not.toContain('/media/');
    expect(draft.content).toContain(`原文链接：${SITE}/articles/`);
    const live = await article(id);
    expect(await record(id)).toMatchObject({ status: 'DRAFT', remoteId: draftId, revisionId: live.liveRevisionId });

    // 发布, then the result comes on the second question.
    const { publishId } = await publishWechatDraft(db, newsroom.chief, id, api);
    expect(await record(id)).toMatchObject({ status: 'PUBLISHING', remoteId: publishId });
    expect(await pollWechatPublish(db, newsroom.editorA, id, api)).toBe('publishing');
    expect(await pollWechatPublish(db, newsroom.editorA, id, api)).toBe('published');
    const sent = await record(id);
    expect(sent).toMatchObject({ status: 'SENT', remoteUrl: expect.stringContaining('mp.weixin.qq.com') });
    expect(channelState(sent, live.liveRevisionId)).toBe('sent');
    const actions = await db.auditEvent.findMany({ where: { subjectId: id, action: 'channel.send' } });
    expect(actions).toHaveLength(3);
  });

  it('nothing before 签发 and publication reaches WeChat', async () => {
    const { double, deps } = await connect();
    const id = await channelArticle(db, newsroom, '未发布', false);
    await expect(pushWechatDraft(db, newsroom.editorA, id, deps)).rejects.toThrow(
      '稿件签发并在网站发布后才能发送到渠道',
    );
    expect(double.calls).toEqual([]);
    expect(await record(id)).toBeNull();
  });

  it('refuses a story with no cover before calling WeChat, recording nothing', async () => {
    const { double, deps } = await connect();
    const id = await story('没有封面', { cover: false });
    await expect(pushWechatDraft(db, newsroom.editorA, id, deps)).rejects.toThrow(NO_COVER_MESSAGE);
    expect(double.calls).toEqual([]);
    expect(await record(id)).toBeNull();
  });

  it('a refused image upload leaves no draft and no cover behind, and the page says why', async () => {
    const { double, deps } = await connect({ contentImageLimit: 1024 });
    const id = await story('图片太大');
    await expect(pushWechatDraft(db, newsroom.editorA, id, deps)).rejects.toThrow('图片超过微信的大小限制');
    expect(double.drafts.size).toBe(0);
    expect(double.materials.size).toBe(0);
    expect(await record(id)).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('图片超过微信的大小限制'),
    });
  });

  it('a refused draft (45009, the daily quota) takes its cover back', async () => {
    const { double, deps } = await connect({ quota: { '/cgi-bin/draft/add': 0 } });
    const id = await story('配额用完');
    await expect(pushWechatDraft(db, newsroom.editorA, id, deps)).rejects.toThrow('每日上限');
    expect(double.count('/cgi-bin/material/add_material')).toBe(1);
    expect(double.count('/cgi-bin/material/del_material')).toBe(1);
    expect(double.materials.size).toBe(0);
    expect(double.drafts.size).toBe(0);
  });

  it('says a wrong AppSecret and an IP off the whitelist in Chinese, recorded as the failure', async () => {
    const wrong = await connect({}, 'ffffffffffffffffffffffffffffffff');
    const id = await story('密钥错误');
    await expect(pushWechatDraft(db, newsroom.editorA, id, wrong.deps)).rejects.toThrow('AppSecret 不正确');
    expect(await record(id)).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('AppSecret 不正确') });
    await double!.stop();
    const blocked = await connect({ whitelisted: false });
    await expect(pushWechatDraft(db, newsroom.editorA, id, blocked.deps)).rejects.toThrow('IP 白名单');
    expect(blocked.double.drafts.size).toBe(0);
  });

  it('发布 needs a draft of the website’s current copy; an account without the API gets 48001 in Chinese', async () => {
    const { deps, api } = await connect({ mayPublish: false });
    const id = await story('权限不足');
    await expect(publishWechatDraft(db, newsroom.chief, id, api)).rejects.toThrow('请先推送到草稿箱');
    await pushWechatDraft(db, newsroom.editorA, id, deps);
    await expect(publishWechatDraft(db, newsroom.chief, id, api)).rejects.toThrow('没有这个接口的权限');
    expect(await record(id)).toMatchObject({ status: 'FAILED' });
  });

  it('a story published again after the push is 渠道版本落后于网站 until pushed again, and cannot be 发布 from the old draft', async () => {
    const { deps, api } = await connect();
    const id = await story('再次发布');
    await pushWechatDraft(db, newsroom.editorA, id, deps);
    // Edited, signed off again and published again: the website moves on to a new copy.
    const current = await db.article.findUniqueOrThrow({
      where: { id },
      select: { version: true, coverMediaId: true },
    });
    const saved = await saveArticle(
      db,
      newsroom.reporter,
      id,
      current.version,
      articleInput(newsroom.reporter, '改过的正文。', {
        headline: '再次发布（改）',
        coverMediaId: current.coverMediaId,
      }),
    );
    expect(saved.ok).toBe(true);
    await signOff(db, newsroom, id);
    await publishArticle(db, newsroom.chief, id, null);
    const live = await article(id);
    expect(channelState(await record(id), live.liveRevisionId)).toBe('behind');
    await expect(publishWechatDraft(db, newsroom.chief, id, api)).rejects.toThrow('请先重新推送到草稿箱');
    // Pushed again: the draft carries the website's copy, and 发布 goes ahead.
    await pushWechatDraft(db, newsroom.editorA, id, deps);
    expect(channelState(await record(id), live.liveRevisionId)).toBe('draft');
    await publishWechatDraft(db, newsroom.chief, id, api);
  });
});
