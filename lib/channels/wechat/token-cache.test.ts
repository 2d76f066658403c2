import { describe, expect, it } from 'vitest';

import { TokenCache, WechatError, withToken, type IssuedToken } from './token-cache';

/** A stable_token double: counts calls, answers after `delayMs`, a new token each time. */
function fakeFetcher(delayMs = 20) {
  const calls: boolean[] = [];
  const fetcher = async (force: boolean): Promise<IssuedToken> => {
    calls.push(force);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { accessToken: `token-${calls.length}`, expiresIn: 7200 };
  };
  return { fetcher, calls };
}

describe('the access_token cache', () => {
  it('fetches once for 20 concurrent sends and serves the cached token after', async () => {
    const { fetcher, calls } = fakeFetcher();
    const cache = new TokenCache(fetcher);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.token()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(await cache.token()).toBe('token-1');
    expect(calls).toEqual([false]);
  });

  it('renews five minutes before expires_in runs out, not later', async () => {
    let clock = 0;
    const { fetcher, calls } = fakeFetcher(0);
    const cache = new TokenCache(fetcher, () => clock);
    await cache.token();
    clock = (7200 - 301) * 1000;
    expect(await cache.token()).toBe('token-1');
    clock = (7200 - 299) * 1000;
    expect(await cache.token()).toBe('token-2');
    expect(calls).toHaveLength(2);
  });

  it('on 40001 or 42001 renews once for all concurrent sends, and each retries once', async () => {
    const { fetcher, calls } = fakeFetcher();
    const cache = new TokenCache(fetcher);
    await cache.token();
    const used: string[] = [];
    const send = () =>
      withToken<{ media_id: string }>(cache, async (token) => {
        used.push(token);
        return token === 'token-1' ? { errcode: 42001, errmsg: 'access_token expired' } : { media_id: 'm' };
      });
    const results = await Promise.all(Array.from({ length: 10 }, send));
    expect(results.every((result) => result.media_id === 'm')).toBe(true);
    // Normal mode gave a new token (another instance had renewed it): no force_refresh, which would end that one.
    expect(calls).toEqual([false, false]);
    expect(used.filter((token) => token === 'token-1')).toHaveLength(10);
    expect(used.filter((token) => token === 'token-2')).toHaveLength(10);
  });

  it('forces a refresh only when normal mode hands back the refused token', async () => {
    const calls: boolean[] = [];
    const cache = new TokenCache(async (force) => {
      calls.push(force);
      return { accessToken: force ? 'forced' : 'same', expiresIn: 7200 };
    });
    const used: string[] = [];
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        withToken<{ ok: true }>(cache, async (token) => {
          used.push(token);
          return token === 'same' ? { errcode: 40001, errmsg: 'invalid credential' } : { ok: true };
        }),
      ),
    );
    expect(results).toHaveLength(5);
    expect(calls).toEqual([false, false, true]);
    expect(used.filter((token) => token === 'forced')).toHaveLength(5);
  });

  it('gives up after one renewal and passes other errors through with their code', async () => {
    const { fetcher, calls } = fakeFetcher(0);
    const cache = new TokenCache(fetcher);
    await expect(withToken(cache, async () => ({ errcode: 40001, errmsg: 'invalid credential' }))).rejects.toEqual(
      new WechatError(40001, 'invalid credential'),
    );
    expect(calls).toHaveLength(2);
    await expect(
      withToken(cache, async () => ({ errcode: 45009, errmsg: 'reach max api daily quota limit' })),
    ).rejects.toMatchObject({
      errcode: 45009,
    });
  });

  it('lets a failed refresh be retried by the next send', async () => {
    let fail = true;
    const cache = new TokenCache(async () => {
      if (fail) throw new Error('timeout');
      return { accessToken: 'late', expiresIn: 7200 };
    });
    await expect(cache.token()).rejects.toThrow('timeout');
    fail = false;
    expect(await cache.token()).toBe('late');
  });
});
