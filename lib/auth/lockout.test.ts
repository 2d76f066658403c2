import { describe, expect, it } from 'vitest';

import { ACCOUNT_THRESHOLD, lockedUntil, lockoutMessage } from './lockout';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8, 0) + minutes * 60_000);

describe('lockedUntil', () => {
  it('does not lock below the threshold', () => {
    expect(lockedUntil([at(0), at(1), at(2), at(3)], ACCOUNT_THRESHOLD, at(4))).toBeNull();
  });

  it('locks for 15 minutes after the fifth failure in 15 minutes', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4)];
    expect(lockedUntil(failures, ACCOUNT_THRESHOLD, at(5))).toEqual(at(19));
    expect(lockedUntil(failures, ACCOUNT_THRESHOLD, at(18.9))).toEqual(at(19));
    expect(lockedUntil(failures, ACCOUNT_THRESHOLD, at(19))).toBeNull();
  });

  it('does not count failures spread wider than the window', () => {
    expect(lockedUntil([at(0), at(5), at(10), at(15), at(20)], ACCOUNT_THRESHOLD, at(21))).toBeNull();
  });

  it('uses the latest qualifying run', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4), at(10)];
    expect(lockedUntil(failures, ACCOUNT_THRESHOLD, at(11))).toEqual(at(25));
  });

  it('applies any threshold (per IP)', () => {
    const failures = Array.from({ length: 20 }, (_, i) => at(i * 0.5));
    expect(lockedUntil(failures, 20, at(10))).toEqual(at(24.5));
    expect(lockedUntil(failures.slice(1), 20, at(10))).toBeNull();
  });
});

describe('lockoutMessage', () => {
  it('rounds the wait up to whole minutes', () => {
    expect(lockoutMessage(at(15), at(0.5))).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(lockoutMessage(at(1), at(0.99))).toBe('登录失败次数过多，请 1 分钟后再试');
  });
});
