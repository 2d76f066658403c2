// The 公众号 API calls the desk's 推送到草稿箱 and 发布 need, as WeChat documents them (base
// https://api.weixin.qq.com, or WECHAT_API_BASE for the local double): stable_token, media/uploadimg
// (images inside the content), material/add_material (the cover, a permanent image), material/del_material
// (taking a cover back when the draft fails), draft/add, freepublish/submit and freepublish/get.
// The AppSecret only ever travels in stable_token's body; no error or log line carries it or a token.
import { TokenCache, WechatError, withToken, type WechatAnswer } from './token-cache';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

export type WechatCredentials = { appId: string; secret: string };
export type WechatDraft = {
  title: string;
  author: string;
  digest: string;
  content: string;
  contentSourceUrl: string;
  thumbMediaId: string;
};
export type PublishState =
  | { state: 'published'; articleId: string; url: string | null }
  | { state: 'publishing' }
  | { state: 'failed'; reason: string };

export type WechatImage = { bytes: Uint8Array<ArrayBuffer>; filename: string; mime: 'image/jpeg' | 'image/png' };

type Options = { base?: string; fetch?: typeof fetch; timeoutMs?: number };

export class WechatClient {
  readonly tokens: TokenCache;
  private readonly base: string;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;

  constructor(credentials: WechatCredentials, options: Options = {}) {
    this.base = (options.base ?? WECHAT_API_BASE).replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.tokens = new TokenCache(async (forceRefresh) => {
      const answer = await this.post<{ access_token: string; expires_in: number }>('/cgi-bin/stable_token', null, {
        grant_type: 'client_credential',
        appid: credentials.appId,
        secret: credentials.secret,
        force_refresh: forceRefresh,
      });
      if ('errcode' in answer && answer.errcode) throw new WechatError(answer.errcode, answer.errmsg ?? '');
      const issued = answer as { access_token: string; expires_in: number };
      return { accessToken: issued.access_token, expiresIn: issued.expires_in };
    });
  }

  private async request<T>(path: string, token: string | null, init: RequestInit): Promise<WechatAnswer<T>> {
    const url = `${this.base}${path}${token ? `${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}` : ''}`;
    const response = await this.fetchFn(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new WechatError(-1, `HTTP ${response.status}`);
    return (await response.json()) as WechatAnswer<T>;
  }

  private post<T>(path: string, token: string | null, body: object): Promise<WechatAnswer<T>> {
    return this.request<T>(path, token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private upload<T>(path: string, token: string, image: WechatImage): Promise<WechatAnswer<T>> {
    const form = new FormData();
    form.set('media', new Blob([image.bytes], { type: image.mime }), image.filename);
    return this.request<T>(path, token, { method: 'POST', body: form });
  }

  /** An image for inside the content (JPG/PNG under 1 MB): its URL on WeChat's own domain. */
  async uploadContentImage(image: WechatImage): Promise<string> {
    const answer = await withToken<{ url: string }>(this.tokens, (token) =>
      this.upload('/cgi-bin/media/uploadimg', token, image),
    );
    return answer.url;
  }

  /** The cover, as a permanent image material. */
  async addCover(image: WechatImage): Promise<{ mediaId: string; url: string }> {
    const answer = await withToken<{ media_id: string; url: string }>(this.tokens, (token) =>
      this.upload('/cgi-bin/material/add_material?type=image', token, image),
    );
    return { mediaId: answer.media_id, url: answer.url };
  }

  async deleteMaterial(mediaId: string): Promise<void> {
    await withToken<object>(this.tokens, (token) =>
      this.post('/cgi-bin/material/del_material', token, { media_id: mediaId }),
    );
  }

  /** Creates the draft; its media_id. */
  async addDraft(draft: WechatDraft): Promise<string> {
    const answer = await withToken<{ media_id: string }>(this.tokens, (token) =>
      this.post('/cgi-bin/draft/add', token, {
        articles: [
          {
            title: draft.title,
            author: draft.author,
            digest: draft.digest,
            content: draft.content,
            content_source_url: draft.contentSourceUrl,
            thumb_media_id: draft.thumbMediaId,
            need_open_comment: 0,
            only_fans_can_comment: 0,
          },
        ],
      }),
    );
    return answer.media_id;
  }

  /** 发布 a draft; the publish_id whose result freepublish/get reports later. */
  async submitPublish(draftMediaId: string): Promise<string> {
    const answer = await withToken<{ publish_id: string | number }>(this.tokens, (token) =>
      this.post('/cgi-bin/freepublish/submit', token, { media_id: draftMediaId }),
    );
    return String(answer.publish_id);
  }

  async publishState(publishId: string): Promise<PublishState> {
    const answer = await withToken<{
      publish_status: number;
      article_id?: string;
      article_detail?: { item?: { article_url?: string }[] };
      fail_idx?: number[];
    }>(this.tokens, (token) => this.post('/cgi-bin/freepublish/get', token, { publish_id: publishId }));
    // publish_status: 0 success, 1 publishing, 2 original-content check failed, 3 regular failure,
    // 4 rejected by the platform, 5 deleted after success, 6 banned after success (WeChat's document).
    if (answer.publish_status === 0)
      return {
        state: 'published',
        articleId: answer.article_id ?? '',
        url: answer.article_detail?.item?.[0]?.article_url ?? null,
      };
    if (answer.publish_status === 1) return { state: 'publishing' };
    return {
      state: 'failed',
      reason: PUBLISH_FAILURES[answer.publish_status] ?? `发布失败（状态 ${answer.publish_status}）`,
    };
  }
}

const PUBLISH_FAILURES: Record<number, string> = {
  2: '原创声明审核未通过',
  3: '发布失败：请在公众号后台查看原因后重新发布',
  4: '被微信平台审核驳回',
  5: '发布成功后已被删除',
  6: '发布成功后已被封禁',
};
