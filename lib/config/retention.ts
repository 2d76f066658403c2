// How long the audit log and the sign-in attempts are kept. Audit events are the
// newsroom's record and are kept unless a number of days is set; sign-in attempts only serve the
// brute-force limits (a 30-minute look-back) and are pruned after LOGIN_ATTEMPT_RETENTION_DAYS.
import { ConfigError, type Env } from './database';

export const DEFAULT_LOGIN_ATTEMPT_DAYS = 30;

/** Days to keep each kind of record; null keeps it for good. */
export type Retention = { auditEventDays: number | null; loginAttemptDays: number };

function days(name: string, raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 36_500) {
    throw new ConfigError(`${name} "${raw}" 无效：请设为 1 到 36500 之间的整数（天数）`);
  }
  return value;
}

export function resolveRetention(env: Env): Retention {
  const audit = env.AUDIT_RETENTION_DAYS?.trim().toLowerCase();
  const login = env.LOGIN_ATTEMPT_RETENTION_DAYS?.trim();
  return {
    auditEventDays: !audit || audit === 'forever' ? null : days('AUDIT_RETENTION_DAYS', audit),
    loginAttemptDays: login ? days('LOGIN_ATTEMPT_RETENTION_DAYS', login) : DEFAULT_LOGIN_ATTEMPT_DAYS,
  };
}
