// A signed-in session as tests and benchmarks need one without going through the sign-in form: the
// session's row (UserSession, which every request checks) and its claims or its token.
import { encode } from 'next-auth/jwt';

import type { SessionClaims } from '../../lib/auth/session-validity';
import { startSession } from '../../lib/auth/sessions';
import type { Db } from '../../lib/db-client';

export async function signedInClaims(
  db: Db,
  userId: string,
  sessionVersion = 0,
  now = new Date(),
): Promise<SessionClaims> {
  const sessionId = await startSession(db, userId, { ip: '127.0.0.1', userAgent: 'vitest' }, now);
  return { userId, sessionVersion, sessionId };
}

/** The session token a browser would hold, its session row started. */
export async function sessionToken(db: Db, userId: string, secret: string, sessionVersion = 0): Promise<string> {
  const claims = await signedInClaims(db, userId, sessionVersion);
  return encode({ token: { uid: userId, sv: sessionVersion, sid: claims.sessionId }, secret });
}
