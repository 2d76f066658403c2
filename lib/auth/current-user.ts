// The signed-in person, re-read from the database on every request so that deactivation, a role
// change or a bumped sessionVersion takes effect on the very next request (the rule itself:
// session-validity.ts, shared with the co-editing socket).
import 'server-only';

import { cache } from 'react';

import type { Actor } from '../access/actor';
import { db } from '../db';
import { readSessionClaims } from './session-claims';
import { sessionAccount } from './session-validity';

export type CurrentUser = Actor & { email: string };

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const account = await sessionAccount(db, claims);
  return account && { id: account.id, email: account.email, name: account.name, role: account.role };
});
