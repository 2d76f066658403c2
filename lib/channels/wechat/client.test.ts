import { afterEach, describe, expect, it } from 'vitest';

import { WechatDouble, type WechatDoubleOptions } from '../../../test/support/wechat-double';
import { WechatClient, type WechatImage } from './client';
import { wechatErrorMessage } from './errors';
import type { WechatError } from './token-cache';

const credentials = { appId: 'wx0123456789abcdef', secret: 'double-app-secret-0123456789abcd' };
const png = (size: number): WechatImage => ({ bytes: new Uint8Array(size), filename: 'a.png', mime: 'image/png' });
let double: WechatDouble | null = null;

async function start(options: Partial<WechatDoubleOptions> = {}, secret = credentials.secret) {
  double = new WechatDouble({ ...credentials, ...options });
  const base = await double.start();
  return { double, client: new WechatClient({ ...credentials, secret }, { base }) };
}

afterEach(async () => {
  await double?.stop();
  double = null;
});

const errcodeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 0,
    (error: WechatError) => error.errcode,
  );

describe('the 公众号 client against the local double', () => {
  it('uploads images, makes a draft, publishes it and polls the result, with one token for everything', async () => {
    const { double, client } = await start({ publishPolls: 2 });
    const urls = await Promise.all([1, 2, 3, 4, 5].map(() => client.uploadContentImage(png(2048))));
    expect(urls.every((url) => url.startsWith('http://mmbiz.qpic.cn/'))).toBe(true);
    const cover = await client.addCover(png(4096));
    const draft = await client.addDraft({
      title: '柯城新建口袋公园',
      author: '记者 甲',
      digest: '今年新增 12 处',
      content: '<p style="margin:0;">正文</p>',
      contentSourceUrl: 'https://news.example/articles/a',
      thumbMediaId: cover.mediaId,
    });
    expect(double.drafts.get(draft)).toMatchObject({ title: '柯城新建口袋公园', thumbMediaId: cover.mediaId });
    const publishId = await client.submitPublish(draft);
    expect(await client.publishState(publishId)).toEqual({ state: 'publishing' });
    expect(await client.publishState(publishId)).toEqual({ state: 'publishing' });
    expect(await client.publishState(publishId)).toMatchObject({
      state: 'published',
      url: expect.stringContaining('mp.weixin.qq.com'),
    });
    expect(double.count('/cgi-bin/stable_token')).toBe(1);
  });

  it('renews the token once when WeChat ends it early (42001), and the call goes through', async () => {
    const { double, client } = await start();
    await client.uploadContentImage(png(10));
    double.expireToken();
    await Promise.all([1, 2, 3].map(() => client.uploadContentImage(png(10))));
    expect(double.count('/cgi-bin/stable_token')).toBe(2);
  });

  it('reports a wrong AppSecret, an IP off the whitelist, the daily quota, unauthorised publishing', async () => {
    expect(await errcodeOf((await start({}, 'wrong-secret')).client.uploadContentImage(png(10)))).toBe(40125);
    await double?.stop();
    expect(await errcodeOf((await start({ whitelisted: false })).client.uploadContentImage(png(10)))).toBe(40164);
    await double?.stop();
    const quota = await start({ quota: { '/cgi-bin/media/uploadimg': 1 } });
    await quota.client.uploadContentImage(png(10));
    expect(await errcodeOf(quota.client.uploadContentImage(png(10)))).toBe(45009);
    await double?.stop();
    const unverified = await start({ mayPublish: false });
    const cover = await unverified.client.addCover(png(10));
    const draft = await unverified.client.addDraft({
      title: 't',
      author: '',
      digest: '',
      content: '<p>x</p>',
      contentSourceUrl: '',
      thumbMediaId: cover.mediaId,
    });
    expect(await errcodeOf(unverified.client.submitPublish(draft))).toBe(48001);
    expect(wechatErrorMessage(48001)).toContain('没有这个接口的权限');
  });

  it('refuses an image over 1 MB inside the content, a GIF, and content over the length limit', async () => {
    const { client } = await start();
    expect(await errcodeOf(client.uploadContentImage(png(1024 * 1024 + 1)))).toBe(40009);
    expect(
      await errcodeOf(
        client.uploadContentImage({ bytes: new Uint8Array(10), filename: 'a.gif', mime: 'image/gif' as 'image/png' }),
      ),
    ).toBe(40005);
    const cover = await client.addCover(png(10));
    const long = client.addDraft({
      title: 't',
      author: '',
      digest: '',
      content: 'x'.repeat(20_001),
      contentSourceUrl: '',
      thumbMediaId: cover.mediaId,
    });
    expect(await errcodeOf(long)).toBe(45002);
  });

  it('never puts the AppSecret into an error', async () => {
    const { client } = await start({}, 'wrong-secret-that-must-not-leak');
    const error = await client.uploadContentImage(png(10)).catch((caught: Error) => caught);
    expect(String(error)).not.toContain('wrong-secret-that-must-not-leak');
    expect(JSON.stringify(error)).not.toContain('wrong-secret-that-must-not-leak');
  });
});
