// How long the audit log and the sign-in attempts are kept. The 网络安全法 (Article 21, as amended
// in force 2026-01-01) requires network logs to be kept at least six months, so both are kept 180
// days at the least: audit events for good unless a number of days is set, sign-in attempts 180 days
// unless more is set. A shorter setting stops start-up and says why.
import { ConfigError, type Env } from './database';

export const MIN_LOG_RETENTION_DAYS = 180;
export const DEFAULT_LOGIN_ATTEMPT_DAYS = MIN_LOG_RETENTION_DAYS;

/** Days to keep each kind of record; null keeps it for good. */
export type Retention = { auditEventDays: number | null; loginAttemptDays: number };

function days(name: string, raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 36_500) {
    throw new ConfigError(`${name} "${raw}" 无效：请设为 ${MIN_LOG_RETENTION_DAYS} 到 36500 之间的整数（天数）`);
  }
  if (value < MIN_LOG_RETENTION_DAYS) {
    throw new ConfigError(
      `${name} "${raw}" 太短：《网络安全法》第二十一条要求网络日志留存不少于六个月，请设为 ${MIN_LOG_RETENTION_DAYS} 到 36500 之间的整数（天数）`,
    );
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
