// The 公众号 access_token as WeChat documents it (stable_token): valid expires_in seconds (7200 today),
// one refresh at a time however many sends need it, renewed a little before it runs out, and renewed at
// once when a call answers 40001 (invalid credential) or 42001 (expired). Pure: the fetch and the clock
// are passed in, so the rules are tested without a network.

export type IssuedToken = { accessToken: string; expiresIn: number };
/** Asks WeChat for a token: POST /cgi-bin/stable_token (force_refresh only when normal mode returns a refused one). */
export type TokenFetcher = (forceRefresh: boolean) => Promise<IssuedToken>;

/** errcodes after which a token must be renewed before retrying the call. */
export const TOKEN_REFUSED = new Set([40001, 42001]);

// stable_token renews its token 5 minutes before the end in normal mode (WeChat's documents): asking again
// inside that window gets the new one, so the cache renews then instead of using a token about to die.
const RENEW_BEFORE_MS = 5 * 60 * 1000;

export class TokenCache {
  private current: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  /** The token WeChat last refused, until the next refresh. */
  private stale: string | null = null;

  constructor(
    private readonly fetcher: TokenFetcher,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token: the cached one, or the one refresh in flight, or a new refresh. */
  token(): Promise<string> {
    if (this.current && this.current.expiresAt - RENEW_BEFORE_MS > this.now())
      return Promise.resolve(this.current.token);
    this.pending ??= this.refresh();
    return this.pending;
  }

  /**
   * WeChat refused `stale` (40001/42001). Only the first send to report a given token drops it; the
   * others find a newer token already cached or being fetched, so one refusal costs one refresh.
   */
  refused(stale: string): void {
    if (this.current?.token !== stale) return;
    this.current = null;
    this.stale = stale;
  }

  private async refresh(): Promise<string> {
    const stale = this.stale;
    this.stale = null;
    try {
      // Normal mode first: when another process or instance has renewed the token, WeChat hands out that
      // one, and forcing would end it under the other's feet (every instance shares the account's token).
      // Force only when WeChat still hands out the token it refused.
      let issued = await this.fetcher(false);
      if (stale !== null && issued.accessToken === stale) issued = await this.fetcher(true);
      this.current = { token: issued.accessToken, expiresAt: this.now() + issued.expiresIn * 1000 };
      return issued.accessToken;
    } finally {
      this.pending = null;
    }
  }
}

export type WechatAnswer<T> = ({ errcode?: 0; errmsg?: string } & T) | { errcode: number; errmsg: string };

export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat errcode ${errcode}: ${errmsg}`);
    this.name = 'WechatError';
  }
}

/** Calls WeChat with a token; on 40001/42001 renews the token once and calls again. */
export async function withToken<T extends object>(
  cache: TokenCache,
  call: (token: string) => Promise<WechatAnswer<T>>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const token = await cache.token();
    const answer = await call(token);
    const errcode = 'errcode' in answer && typeof answer.errcode === 'number' ? answer.errcode : 0;
    if (errcode === 0) return answer as T;
    if (TOKEN_REFUSED.has(errcode) && attempt === 0) {
      cache.refused(token);
      continue;
    }
    throw new WechatError(errcode, String((answer as { errmsg?: string }).errmsg ?? ''));
  }
}
