import { describe, expect, it } from 'vitest';

import { resolveRetention } from './retention';

describe('resolveRetention', () => {
  it('keeps audit events for good and sign-in attempts for 30 days unless told otherwise', () => {
    expect(resolveRetention({})).toEqual({ auditEventDays: null, loginAttemptDays: 30 });
    expect(resolveRetention({ AUDIT_RETENTION_DAYS: 'forever', LOGIN_ATTEMPT_RETENTION_DAYS: '7' })).toEqual({
      auditEventDays: null,
      loginAttemptDays: 7,
    });
    expect(resolveRetention({ AUDIT_RETENTION_DAYS: '3650' })).toEqual({ auditEventDays: 3650, loginAttemptDays: 30 });
  });

  it('refuses anything that is not a whole number of days, naming the setting', () => {
    for (const bad of ['0', '-5', '1.5', 'abc', '99999']) {
      expect(() => resolveRetention({ LOGIN_ATTEMPT_RETENTION_DAYS: bad })).toThrow(/LOGIN_ATTEMPT_RETENTION_DAYS/);
      expect(() => resolveRetention({ AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS/);
    }
  });
});
