// The refusal every guard throws. Beside the access rules (capabilities, story access) and free of
// Next.js, so services stay importable outside it (scripts, benchmarks).
//
// TWO_FACTOR_REQUIRED: signed in, but the person's role must use two-factor sign-in (or an admin reset
// theirs) and they have not set it up; only setting it up is open to them (lib/auth/require-user.ts).
export type DeniedReason = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'TWO_FACTOR_REQUIRED';

const MESSAGES: Record<DeniedReason, string> = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  TWO_FACTOR_REQUIRED: '请先设置两步验证',
};

export class AccessDenied extends Error {
  constructor(readonly reason: DeniedReason) {
    super(MESSAGES[reason]);
    this.name = 'AccessDenied';
  }
}
