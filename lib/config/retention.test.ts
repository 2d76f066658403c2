import { describe, expect, it } from 'vitest';

import { resolveRetention } from './retention';

const LEGAL = '《网络安全法》第二十一条要求网络日志留存不少于六个月';

describe('resolveRetention', () => {
  it('keeps audit events for good and sign-in attempts for 180 days unless told otherwise', () => {
    expect(resolveRetention({})).toEqual({ auditEventDays: null, loginAttemptDays: 180 });
    expect(resolveRetention({ AUDIT_RETENTION_DAYS: 'forever', LOGIN_ATTEMPT_RETENTION_DAYS: '400' })).toEqual({
      auditEventDays: null,
      loginAttemptDays: 400,
    });
    expect(resolveRetention({ AUDIT_RETENTION_DAYS: '3650' })).toEqual({ auditEventDays: 3650, loginAttemptDays: 180 });
    expect(resolveRetention({ AUDIT_RETENTION_DAYS: '180', LOGIN_ATTEMPT_RETENTION_DAYS: '180' })).toEqual({
      auditEventDays: 180,
      loginAttemptDays: 180,
    });
  });

  it('refuses fewer than 180 days with the legal reason, naming the setting', () => {
    for (const short of ['1', '30', '179']) {
      expect(() => resolveRetention({ LOGIN_ATTEMPT_RETENTION_DAYS: short })).toThrow(
        `LOGIN_ATTEMPT_RETENTION_DAYS "${short}" 太短：${LEGAL}`,
      );
      expect(() => resolveRetention({ AUDIT_RETENTION_DAYS: short })).toThrow(
        `AUDIT_RETENTION_DAYS "${short}" 太短：${LEGAL}`,
      );
    }
  });

  it('refuses anything that is not a whole number of days, naming the setting', () => {
    for (const bad of ['0', '-5', '1.5', 'abc', '99999']) {
      expect(() => resolveRetention({ LOGIN_ATTEMPT_RETENTION_DAYS: bad })).toThrow(
        /LOGIN_ATTEMPT_RETENTION_DAYS .* 无效/,
      );
      expect(() => resolveRetention({ AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS .* 无效/);
    }
  });
});
