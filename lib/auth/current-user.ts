// The signed-in person, re-read from the database on every request so that deactivation, a role
// change or a bumped sessionVersion takes effect on the very next request.
import 'server-only';
import { cache } from 'react';
import { db } from '../db';
import { isRole, type Role } from '../access/capabilities';
import { readSessionClaims } from './session-claims';

export type CurrentUser = { id: string; email: string; name: string; role: Role };

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
