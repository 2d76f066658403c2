// Accounts for database tests: one per role, with a known password.
import type { Actor } from '../../lib/access/actor';
import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../../lib/db-client';
import type { Role } from '../../lib/generated/prisma/enums';

export const TEST_PASSWORD = 'correct-horse-battery';
let hashed: Promise<string> | null = null;

export async function makeUser(
  db: Db,
  role: Role,
  overrides: { email?: string; name?: string; active?: boolean; twoFactor?: boolean } = {},
) {
  hashed ??= hashPassword(TEST_PASSWORD);
  const suffix = Math.random().toString(36).slice(2, 8);
  return db.user.create({
    data: {
      email: (overrides.email ?? `${role.toLowerCase()}-${suffix}@test.example`).toLowerCase(),
      name: overrides.name ?? `${role}-${suffix}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await hashed,
      // Set up as if enrolled (lib/users/two-factor-service.ts): an admin or chief editor, whom the
      // default policy requires to use it, is otherwise admitted only to /two-factor.
      ...(overrides.twoFactor ? { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() } : {}),
    },
  });
}

/** A user as the services take it: the acting person (id, name, role). */
export async function makeActor(
  db: Db,
  role: Role,
  overrides: { name?: string; twoFactor?: boolean } = {},
): Promise<Actor> {
  const user = await makeUser(db, role, overrides);
  return { id: user.id, name: user.name, role };
}
