// The refusal every guard throws; in its own module so services stay importable outside Next.js
// (scripts, benchmarks) without the server-only guard of require-user.ts.
export class AccessDenied extends Error {
  constructor(readonly reason: 'UNAUTHENTICATED' | 'FORBIDDEN') {
    super(reason === 'UNAUTHENTICATED' ? '请先登录' : '没有权限进行此操作');
    this.name = 'AccessDenied';
  }
}
