// The person behind a socket: the same session cookie the pages read, decoded with the same secret,
// then held to the same rule as every page request (lib/auth/session-validity.ts), so deactivation,
// a role change or a signed-out-everywhere takes effect on the socket too.
import { decode } from 'next-auth/jwt';

import type { Actor } from '../access/actor';
import { sessionAccount, type SessionCheck, type SessionClaims } from '../auth/session-validity';
import type { Db } from '../db-client';

export type SocketUser = Actor & { sessionVersion: number };

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The session token in a Cookie header (next-auth may split a large token into .0, .1 … chunks). */
export function sessionTokenOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const cookies = new Map<string, string>();
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  for (const name of SESSION_COOKIES) {
    if (cookies.has(name)) return decodeURIComponent(cookies.get(name)!);
    const chunks: string[] = [];
    for (let index = 0; cookies.has(`${name}.${index}`); index += 1) chunks.push(cookies.get(`${name}.${index}`)!);
    if (chunks.length) return decodeURIComponent(chunks.join(''));
  }
  return null;
}

export type { SessionClaims };

/** The claims of a token this app signed, or null for a forged, expired or foreign one. */
export async function claimsOf(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const payload = await decode({ token, secret });
    if (!payload || typeof payload.uid !== 'string') return null;
    return {
      userId: payload.uid,
      sessionVersion: typeof payload.sv === 'number' ? payload.sv : -1,
      sessionId: typeof payload.sid === 'string' ? payload.sid : null,
    };
  } catch {
    return null;
  }
}

/**
 * The active person the claims name, as long as the session still stands (not revoked, ended, idle or
 * expired) and they owe no two-factor set-up (that admits only /two-factor, never a story).
 * `touch`: the person did something on the socket since the last check (typed), which keeps the
 * session from going idle as a page request would.
 */
export async function socketUser(db: Db, claims: SessionClaims, check: SessionCheck = {}): Promise<SocketUser | null> {
  const account = await sessionAccount(db, claims, check);
  if (!account || account.twoFactorPending) return null;
  return { id: account.id, name: account.name, role: account.role, sessionVersion: account.sessionVersion };
}
