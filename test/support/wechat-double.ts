// A local double of the 公众号 API (WeChat is not reachable from these machines), following WeChat's
// documents for the calls lib/channels/wechat/client.ts makes: request shapes, answers and errcodes
// (40013 wrong AppID, 40125 wrong AppSecret, 40164 IP not whitelisted, 40001 unknown token, 42001
// expired token, 45009 daily quota, 40009 image too large, 40005 not JPG/PNG, 45002 content too long,
// 40007 unknown media_id, 48001 API not authorized), stable_token's normal and force-refresh modes,
// and an optional delay on every answer (WeChat's slow answers).
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type WechatDoubleOptions = {
  appId: string;
  secret: string;
  whitelisted?: boolean;
  /** Whether the account may call freepublish (an unverified account may not: 48001). */
  mayPublish?: boolean;
  /** Calls allowed per API path per day before 45009. */
  quota?: Partial<Record<string, number>>;
  delayMs?: number;
  /** freepublish/get answers "publishing" this many times before "published". */
  publishPolls?: number;
  /** The size limit of an image inside the content (WeChat's: 1 MB), lowered to show the refusal. */
  contentImageLimit?: number;
};

type Token = { value: string; expiresAt: number };

const CONTENT_IMAGE_LIMIT = 1024 * 1024;
const MATERIAL_IMAGE_LIMIT = 10 * 1024 * 1024;
const CONTENT_CHAR_LIMIT = 20_000;

export class WechatDouble {
  readonly calls: string[] = [];
  readonly drafts = new Map<string, { title: string; content: string; thumbMediaId: string }>();
  readonly materials = new Set<string>();
  readonly contentImages: string[] = [];
  private token: Token | null = null;
  private readonly publishes = new Map<string, number>();
  private server: http.Server | null = null;
  base = '';

  constructor(readonly options: WechatDoubleOptions) {}

  /** Listens on 127.0.0.1 at `port` (0: any free port); the base address to give the client. */
  async start(port = 0): Promise<string> {
    this.server = http.createServer((request, response) => {
      void this.answer(request).then((body) => {
        setTimeout(() => {
          response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          response.end(JSON.stringify(body));
        }, this.options.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** WeChat ends the current token early (as a force refresh elsewhere would): the next call gets 42001. */
  expireToken(): void {
    if (this.token) this.token.expiresAt = 0;
  }

  count(path: string): number {
    return this.calls.filter((call) => call === path).length;
  }

  private async answer(request: http.IncomingMessage): Promise<object> {
    const url = new URL(request.url ?? '/', 'http://double');
    const path = url.pathname;
    this.calls.push(path);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const limit = this.options.quota?.[path];
    if (limit !== undefined && this.count(path) > limit)
      return { errcode: 45009, errmsg: 'reach max api daily quota limit' };
    if (path === '/cgi-bin/stable_token')
      return this.stableToken(JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
    const refused = this.checkToken(url.searchParams.get('access_token'));
    if (refused) return refused;
    if (path === '/cgi-bin/media/uploadimg' || path === '/cgi-bin/material/add_material') {
      const form = await new Request('http://double', {
        method: 'POST',
        headers: { 'content-type': request.headers['content-type'] ?? '' },
        body: raw,
      }).formData();
      const media = form.get('media');
      if (!(media instanceof Blob)) return { errcode: 41005, errmsg: 'media data missing' };
      if (!['image/jpeg', 'image/png'].includes(media.type)) return { errcode: 40005, errmsg: 'invalid file type' };
      const material = path.endsWith('add_material');
      const sizeLimit = material ? MATERIAL_IMAGE_LIMIT : (this.options.contentImageLimit ?? CONTENT_IMAGE_LIMIT);
      if (media.size > sizeLimit) return { errcode: 40009, errmsg: 'invalid image size' };
      const id = crypto.randomBytes(8).toString('hex');
      const imageUrl = `http://mmbiz.qpic.cn/mmbiz_jpg/${id}/0`;
      if (!material) {
        this.contentImages.push(imageUrl);
        return { url: imageUrl };
      }
      this.materials.add(id);
      return { media_id: id, url: imageUrl };
    }
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
    if (path === '/cgi-bin/material/del_material') {
      if (!this.materials.delete(String(body.media_id))) return { errcode: 40007, errmsg: 'invalid media_id' };
      return { errcode: 0, errmsg: 'ok' };
    }
    if (path === '/cgi-bin/draft/add') {
      const [article] = (body.articles as Record<string, string>[] | undefined) ?? [];
      if (!article) return { errcode: 44003, errmsg: 'empty news data' };
      if (!this.materials.has(article.thumb_media_id ?? '')) return { errcode: 40007, errmsg: 'invalid media_id' };
      if ((article.content ?? '').length > CONTENT_CHAR_LIMIT)
        return { errcode: 45002, errmsg: 'content size out of limit' };
      const id = crypto.randomBytes(8).toString('hex');
      this.drafts.set(id, {
        title: article.title ?? '',
        content: article.content ?? '',
        thumbMediaId: article.thumb_media_id ?? '',
      });
      return { media_id: id };
    }
    if (path === '/cgi-bin/freepublish/submit') {
      if (this.options.mayPublish === false) return { errcode: 48001, errmsg: 'api unauthorized' };
      if (!this.drafts.has(String(body.media_id))) return { errcode: 40007, errmsg: 'invalid media_id' };
      const id = String(2247483647 + this.publishes.size + 1);
      this.publishes.set(id, this.options.publishPolls ?? 1);
      return { errcode: 0, errmsg: 'ok', publish_id: id, msg_data_id: id };
    }
    if (path === '/cgi-bin/freepublish/get') {
      const id = String(body.publish_id);
      const left = this.publishes.get(id);
      if (left === undefined) return { errcode: 40007, errmsg: 'invalid publish_id' };
      if (left > 0) {
        this.publishes.set(id, left - 1);
        return { publish_id: id, publish_status: 1 };
      }
      return {
        publish_id: id,
        publish_status: 0,
        article_id: `article-${id}`,
        article_detail: { count: 1, item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${id}` }] },
        fail_idx: [],
      };
    }
    return { errcode: 404, errmsg: 'no such api in the double' };
  }

  private stableToken(body: Record<string, unknown>): object {
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (body.appid !== this.options.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (body.secret !== this.options.secret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (this.options.whitelisted === false) return { errcode: 40164, errmsg: 'invalid ip 127.0.0.1, not in whitelist' };
    const now = Date.now();
    // Normal mode returns the current token while it lives (WeChat renews it in its last 5 minutes);
    // force_refresh ends it and issues a new one.
    if (body.force_refresh !== true && this.token && this.token.expiresAt - 300_000 > now)
      return { access_token: this.token.value, expires_in: Math.floor((this.token.expiresAt - now) / 1000) };
    this.token = { value: crypto.randomBytes(16).toString('hex'), expiresAt: now + 7_200_000 };
    return { access_token: this.token.value, expires_in: 7200 };
  }

  private checkToken(value: string | null): object | null {
    if (!value || !this.token || value !== this.token.value)
      return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (this.token.expiresAt <= Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    return null;
  }
}
