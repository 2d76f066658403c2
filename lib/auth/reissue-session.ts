// Writes the re-issued session token (reissue-token.ts) into the browser that asked, from a server
// action: the cookie it already holds, under the same name and with next-auth's cookie options.
import 'server-only';

import { cookies } from 'next/headers';

import { reissuedToken, SESSION_COOKIE_NAMES } from './reissue-token';
import { SESSION_MAX_AGE_S } from './session-validity';

/** Keeps this browser signed in under the account's new session version; false if it held no session. */
export async function reissueOwnSession(userId: string, sessionVersion: number): Promise<boolean> {
  const secret = process.env.NEXTAUTH_SECRET;
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    // next-auth splits a token over 4 kB into name.0, name.1 …; they are read back in order.
    const chunks = jar
      .getAll()
      .filter((cookie) => cookie.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    const current = jar.get(name)?.value ?? (chunks.length ? chunks.map((cookie) => cookie.value).join('') : null);
    if (!current || !secret) continue;
    const token = await reissuedToken(current, secret, userId, sessionVersion);
    if (!token) return false;
    // One cookie again: next-auth would join a whole cookie and stale chunks into one broken token.
    for (const chunk of chunks) jar.delete(chunk.name);
    jar.set(name, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: name.startsWith('__Secure-'),
      maxAge: SESSION_MAX_AGE_S,
    });
    return true;
  }
  return false;
}
