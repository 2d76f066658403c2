// Where a person stands with two-factor sign-in: whether they have it, whether their role must
// (账号安全), whether an admin reset it since they last set it up, and how many recovery codes are left.
import { readTwoFactorRoles } from '../auth/security-policy';
import type { Db } from '../db-client';
import type { Role } from '../generated/prisma/enums';

export type TwoFactorStatus = { enabled: boolean; required: boolean; resetNote: boolean; recoveryCodesLeft: number };

export async function twoFactorStatus(db: Db, userId: string, role: Role): Promise<TwoFactorStatus> {
  const [roles, user, recoveryCodesLeft] = await Promise.all([
    readTwoFactorRoles(db),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true, totpResetNote: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return {
    enabled: user.totpEnabledAt !== null,
    required: roles.includes(role),
    resetNote: user.totpResetNote,
    recoveryCodesLeft,
  };
}
