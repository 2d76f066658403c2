// The one rule for whether a session still stands, used by every page request (current-user.ts) and
// by the co-editing socket (lib/collab/session.ts), so the two can never disagree about who is
// signed in: deactivation, a role taken away, an admin's reset or one's own password change
// (sessionVersion bumped) ends both at once.
//
// The token's own lifetime (12 hours, SESSION_MAX_AGE_S) is checked where it is decoded: next-auth
// refuses an expired token, for pages and for the socket's claimsOf alike. There is no idle rule.
import { isRole } from '../access/capabilities';
import type { Db } from '../db-client';
import type { Role } from '../generated/prisma/enums';

/** What a session token says: whose it is and which session version it was issued under. */
export type SessionClaims = { userId: string; sessionVersion: number };

/** A session token lasts this long (next-auth's maxAge); then the person signs in again. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

export type SessionAccount = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  sessionVersion: number;
};
export type ValidSessionAccount = Omit<SessionAccount, 'role' | 'active'> & { role: Role };

/**
 * A session is valid when its account exists, is active, has a role the app knows, and the token
 * was issued under the account's current session version (bumped to sign a person out everywhere).
 */
export function sessionAdmits(
  account: SessionAccount | null,
  claims: SessionClaims,
): account is SessionAccount & { role: Role } {
  return (
    account !== null &&
    account.id === claims.userId &&
    account.active &&
    isRole(account.role) &&
    account.sessionVersion === claims.sessionVersion
  );
}

/** The account a session names, re-read from the database, or null when the session no longer stands. */
export async function sessionAccount(db: Db, claims: SessionClaims): Promise<ValidSessionAccount | null> {
  const account = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!sessionAdmits(account, claims)) return null;
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    sessionVersion: account.sessionVersion,
  };
}
