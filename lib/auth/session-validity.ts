// The one rule for whether a session still stands, used by every page request, server action and
// route handler (current-user.ts → require-user.ts) and by the co-editing socket (lib/collab/session.ts),
// so the two can never disagree about who is signed in: deactivation, a role taken away, an admin's
// reset or one's own password change (sessionVersion bumped), a session ended (signed out, ended from
// 个人设置, signed out everywhere by an admin), idle too long or past its absolute lifetime ends both
// at once. The lifetimes are checked here, on the server, against the session's row (UserSession):
// the cookie's own expiry is only the browser's copy of the absolute one.
import { isRole } from '../access/capabilities';
import type { Db } from '../db-client';
import type { Role } from '../generated/prisma/enums';
import { readSessionPolicy } from './security-policy';

/** What a session token says: whose it is, which session (UserSession) and which session version. */
export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string | null };

/** The absolute lifetime: 12 hours after signing in the person signs in again, however active. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * A page request moves a session's last-seen time only when it is older than this: one write a minute
 * per person instead of one per request. The idle timeout is therefore kept to within a minute.
 */
export const LAST_SEEN_STEP_MS = 60_000;

export type SessionAccount = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  sessionVersion: number;
  totpEnabledAt: Date | null;
  totpResetNote: boolean;
};
export type SessionRow = { id: string; userId: string; createdAt: Date; lastSeenAt: Date; endedAt: Date | null };
export type SessionLimits = { idleMs: number; maxAgeMs: number };

export type ValidSessionAccount = Pick<SessionAccount, 'id' | 'email' | 'name' | 'sessionVersion'> & {
  role: Role;
  /**
   * The person's role must use two-factor sign-in (or an admin reset theirs) and they have not set it
   * up: the session admits them to setting it up and to nothing else (require-user.ts).
   */
  twoFactorPending: boolean;
};

/** Why a session no longer stands, or null while it does. */
export function sessionLapse(
  session: SessionRow | null,
  claims: SessionClaims,
  limits: SessionLimits,
  now: Date,
): 'missing' | 'ended' | 'idle' | 'expired' | null {
  if (!session || session.userId !== claims.userId) return 'missing';
  if (session.endedAt) return 'ended';
  if (now.getTime() - session.createdAt.getTime() >= limits.maxAgeMs) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return 'idle';
  return null;
}

/**
 * A session is valid when its account exists, is active, has a role the app knows, the token was
 * issued under the account's current session version (bumped to sign a person out everywhere), and
 * its session row has been neither ended nor left idle too long nor outlived the absolute lifetime.
 */
export function sessionAdmits(
  account: SessionAccount | null,
  session: SessionRow | null,
  claims: SessionClaims,
  limits: SessionLimits,
  now: Date,
): account is SessionAccount & { role: Role } {
  return (
    account !== null &&
    account.id === claims.userId &&
    account.active &&
    isRole(account.role) &&
    account.sessionVersion === claims.sessionVersion &&
    sessionLapse(session, claims, limits, now) === null
  );
}

/** Whether a person has still to set up the two-factor sign-in their role (or an admin's reset) asks for. */
export function twoFactorPending(
  account: Pick<SessionAccount, 'totpEnabledAt' | 'totpResetNote'> & { role: Role },
  requiredRoles: readonly Role[],
): boolean {
  return account.totpEnabledAt === null && (requiredRoles.includes(account.role) || account.totpResetNote);
}

export type SessionCheck = {
  now?: Date;
  /**
   * A request the person made counts as activity and moves the session's last-seen time (pages,
   * actions, route handlers; the socket when its person typed). The socket's periodic recheck does
   * not: an editor left open is idle like any other page.
   */
  touch?: boolean;
};

/** The account a session names, re-read from the database, or null when the session no longer stands. */
export async function sessionAccount(
  db: Db,
  claims: SessionClaims,
  check: SessionCheck = {},
): Promise<ValidSessionAccount | null> {
  if (!claims.sessionId) return null;
  const now = check.now ?? new Date();
  const [account, session, policy] = await Promise.all([
    db.user.findUnique({
      where: { id: claims.userId },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        active: true,
        sessionVersion: true,
        totpEnabledAt: true,
        totpResetNote: true,
      },
    }),
    db.userSession.findUnique({
      where: { id: claims.sessionId },
      select: { id: true, userId: true, createdAt: true, lastSeenAt: true, endedAt: true },
    }),
    readSessionPolicy(db),
  ]);
  const limits = { idleMs: policy.idleMinutes * 60_000, maxAgeMs: SESSION_MAX_AGE_S * 1000 };
  const lapse = sessionLapse(session, claims, limits, now);
  if (session && (lapse === 'idle' || lapse === 'expired')) {
    // Ended for good: a clock read later (another instance's) cannot bring it back, and the person's
    // list of sessions no longer shows it.
    await db.userSession.updateMany({ where: { id: session.id, endedAt: null }, data: { endedAt: now } });
  }
  if (!sessionAdmits(account, session, claims, limits, now) || !session) return null;
  if (check.touch && now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_STEP_MS) {
    await db.userSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    sessionVersion: account.sessionVersion,
    twoFactorPending: twoFactorPending({ ...account, role: account.role }, policy.twoFactorRoles),
  };
}
