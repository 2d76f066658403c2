// Brute-force limits (pure): a run of `threshold` failures within `window` locks the account or the
// address for `lock` after the last failure of that run. Refused attempts are not failures, so a
// locked client cannot extend its own lock by knocking, and the lock ends on time.
export const ACCOUNT_THRESHOLD = 5;
export const IP_THRESHOLD = 20;
export const LOCK_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;

/** How far back failure history matters: one window to count the run plus one lock after it. */
export const LOCK_LOOKBACK_MS = LOCK_WINDOW_MS + LOCK_DURATION_MS;

export function lockedUntil(failures: readonly Date[], threshold: number, now: Date): Date | null {
  const times = failures.map((date) => date.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let end = threshold - 1; end < times.length; end += 1) {
    const last = times[end]!;
    const first = times[end - threshold + 1]!;
    if (last - first <= LOCK_WINDOW_MS && last + LOCK_DURATION_MS > now.getTime()) {
      until = Math.max(until ?? 0, last + LOCK_DURATION_MS);
    }
  }
  return until === null ? null : new Date(until);
}

/** The Chinese message for a refused attempt; names the time so nobody has to guess. */
export function lockoutMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，请 ${minutes} 分钟后再试`;
}
