// Who the session cookie says the visitor is. The one place that talks to next-auth's session, so
// tests can substitute a visitor without a cookie.
import { getServerSession } from 'next-auth';

import { authOptions } from './options';
import type { SessionClaims } from './session-validity';

export type { SessionClaims };

export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = (await getServerSession(authOptions)) as { uid?: unknown; sv?: unknown; sid?: unknown } | null;
  if (!session || typeof session.uid !== 'string') return null;
  return {
    userId: session.uid,
    sessionVersion: typeof session.sv === 'number' ? session.sv : -1,
    sessionId: typeof session.sid === 'string' ? session.sid : null,
  };
}
