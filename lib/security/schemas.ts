// Input rules for 账号安全 (the admin's password policy), with the messages the form shows.
import { z } from 'zod';

import { formText } from '../actions/form-fields';
import { PASSWORD_POLICY_BOUNDS as B } from '../auth/password-rules';
import { SESSION_IDLE_BOUNDS } from '../auth/security-policy';
import { Role } from '../generated/prisma/enums';

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label}应为 ${min} 到 ${max} 的整数` })
    .int(`${label}应为 ${min} 到 ${max} 的整数`)
    .min(min, `${label}应为 ${min} 到 ${max} 的整数`)
    .max(max, `${label}应为 ${min} 到 ${max} 的整数`);

export const passwordPolicySchema = z.object({
  minLength: whole('最短长度', B.minLength.min, B.minLength.max),
  minClasses: whole('字符种类', B.minClasses.min, B.minClasses.max),
  historyCount: whole('不得重复的密码数', B.historyCount.min, B.historyCount.max),
  // Empty or 0: passwords do not expire.
  maxAgeDays: z
    .string()
    .trim()
    .transform((value) => (value === '' ? 0 : Number(value)))
    .refine(
      (days) => days === 0 || (Number.isInteger(days) && days >= B.maxAgeDays.min && days <= B.maxAgeDays.max),
      `密码有效期应为 ${B.maxAgeDays.min} 到 ${B.maxAgeDays.max} 天，留空或填 0 表示不过期`,
    ),
});

export function passwordPolicyFromForm(form: FormData): Record<string, string> {
  return Object.fromEntries(
    ['minLength', 'minClasses', 'historyCount', 'maxAgeDays'].map((name) => [name, formText(form, name)]),
  );
}

export const twoFactorRolesSchema = z.object({
  roles: z.array(z.enum(Role, { message: '角色无效' })),
  rememberDevice: z.boolean(),
});

export function twoFactorRolesFromForm(form: FormData): { roles: string[]; rememberDevice: boolean } {
  return {
    roles: form.getAll('roles').filter((value) => typeof value === 'string'),
    rememberDevice: form.get('rememberDevice') === 'on',
  };
}

export const sessionIdleSchema = z.object({
  idleMinutes: whole('空闲退出时间', SESSION_IDLE_BOUNDS.min, SESSION_IDLE_BOUNDS.max),
});

export function sessionIdleFromForm(form: FormData): { idleMinutes: string } {
  return { idleMinutes: formText(form, 'idleMinutes') };
}
