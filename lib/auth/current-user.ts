// The signed-in person, re-read from the database on every request so that deactivation, a role
// change, a bumped sessionVersion, an ended session or the idle timeout takes effect on the very next
// request (the rule itself: session-validity.ts, shared with the co-editing socket). Each request
// counts as activity for the idle timeout.
import 'server-only';

import { cache } from 'react';

import type { Actor } from '../access/actor';
import { db } from '../db';
import { readSessionClaims } from './session-claims';
import { sessionAccount } from './session-validity';

export type CurrentUser = Actor & { email: string };

/** The person and whether they still owe a two-factor set-up (require-user.ts decides what that admits). */
export const getCurrentSession = cache(
  async (): Promise<{ user: CurrentUser; twoFactorPending: boolean; sessionId: string } | null> => {
    const claims = await readSessionClaims();
    if (!claims?.sessionId) return null;
    const account = await sessionAccount(db, claims, { touch: true });
    if (!account) return null;
    return {
      user: { id: account.id, email: account.email, name: account.name, role: account.role },
      twoFactorPending: account.twoFactorPending,
      sessionId: claims.sessionId,
    };
  },
);

/** The signed-in person, or null (also for one who owes a two-factor set-up: see require-user.ts). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getCurrentSession();
  return session && !session.twoFactorPending ? session.user : null;
});
