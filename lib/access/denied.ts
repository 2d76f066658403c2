// The refusal every guard throws. Beside the access rules (capabilities, story access) and free of
// Next.js, so services stay importable outside it (scripts, benchmarks).
export class AccessDenied extends Error {
  constructor(readonly reason: 'UNAUTHENTICATED' | 'FORBIDDEN') {
    super(reason === 'UNAUTHENTICATED' ? '请先登录' : '没有权限进行此操作');
    this.name = 'AccessDenied';
  }
}
