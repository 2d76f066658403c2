import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';

import { claimsOf } from '../collab/session';
import { reissuedToken } from './reissue-token';
import { SESSION_MAX_AGE_S } from './session-validity';

const SECRET = 'reissue-test-secret-0123456789abcdef';

describe('re-issuing one’s own session under a new session version', () => {
  it('keeps who the token names and moves it to the new version, for a full session from now', async () => {
    const token = await encode({
      token: { uid: 'u1', sv: 2, sid: 's1', name: '记者甲', email: 'a@example.cn' },
      secret: SECRET,
      maxAge: 60,
    });
    const again = await reissuedToken(token, SECRET, 'u1', 3);
    expect(again).not.toBeNull();
    const payload = await decode({ token: again!, secret: SECRET });
    expect(payload).toMatchObject({ uid: 'u1', sv: 3, sid: 's1', name: '记者甲', email: 'a@example.cn' });
    expect(Number(payload!.exp) - Math.floor(Date.now() / 1000)).toBeGreaterThan(SESSION_MAX_AGE_S - 60);
    // The socket reads it as the pages do, still naming the same server-side session.
    expect(await claimsOf(again!, SECRET)).toEqual({ userId: 'u1', sessionVersion: 3, sessionId: 's1' });
  });

  it('issues nothing for another person’s token or a token this app did not sign', async () => {
    const someoneElse = await encode({ token: { uid: 'u2', sv: 0 }, secret: SECRET });
    expect(await reissuedToken(someoneElse, SECRET, 'u1', 3)).toBeNull();
    const forged = await encode({ token: { uid: 'u1', sv: 0 }, secret: 'another-secret-0123456789abcdefgh' });
    expect(await reissuedToken(forged, SECRET, 'u1', 3)).toBeNull();
    expect(await reissuedToken('garbage', SECRET, 'u1', 3)).toBeNull();
  });
});
