import { describe, expect, it } from 'vitest';

import {
  passwordPolicyFromForm,
  passwordPolicySchema,
  sessionIdleFromForm,
  sessionIdleSchema,
  twoFactorRolesFromForm,
  twoFactorRolesSchema,
} from './schemas';

const valid = { minLength: '12', minClasses: '4', historyCount: '6', maxAgeDays: '90' };

function messages(input: Record<string, string>): string[] {
  const result = passwordPolicySchema.safeParse({ ...valid, ...input });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('账号安全 settings', () => {
  it('reads numbers, and an empty expiry as none', () => {
    expect(passwordPolicySchema.parse(valid)).toEqual({
      minLength: 12,
      minClasses: 4,
      historyCount: 6,
      maxAgeDays: 90,
    });
    expect(passwordPolicySchema.parse({ ...valid, maxAgeDays: '' }).maxAgeDays).toBe(0);
    expect(passwordPolicySchema.parse({ ...valid, maxAgeDays: '0' }).maxAgeDays).toBe(0);
  });

  it.each([
    [{ minLength: '9' }, '最短长度应为 10 到 64 的整数'],
    [{ minLength: '65' }, '最短长度应为 10 到 64 的整数'],
    [{ minLength: '12.5' }, '最短长度应为 10 到 64 的整数'],
    [{ minLength: 'abc' }, '最短长度应为 10 到 64 的整数'],
    [{ minClasses: '2' }, '字符种类应为 3 到 4 的整数'],
    [{ historyCount: '4' }, '不得重复的密码数应为 5 到 24 的整数'],
    [{ maxAgeDays: '29' }, '密码有效期应为 30 到 365 天，留空或填 0 表示不过期'],
    [{ maxAgeDays: '366' }, '密码有效期应为 30 到 365 天，留空或填 0 表示不过期'],
    [{ maxAgeDays: '-1' }, '密码有效期应为 30 到 365 天，留空或填 0 表示不过期'],
  ])('refuses %o with a Chinese message', (input, message) => {
    expect(messages(input)).toEqual([message]);
  });

  it('reads the form fields', () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(valid)) form.set(key, value);
    expect(passwordPolicyFromForm(form)).toEqual(valid);
  });
});

describe('two-factor roles', () => {
  it('reads the checked roles and the remember-device box, and refuses an unknown role', () => {
    const form = new FormData();
    form.append('roles', 'ADMIN');
    form.append('roles', 'REPORTER');
    form.append('rememberDevice', 'on');
    expect(twoFactorRolesSchema.parse(twoFactorRolesFromForm(form))).toEqual({
      roles: ['ADMIN', 'REPORTER'],
      rememberDevice: true,
    });
    expect(twoFactorRolesSchema.parse(twoFactorRolesFromForm(new FormData()))).toEqual({
      roles: [],
      rememberDevice: false,
    });
    expect(twoFactorRolesSchema.safeParse({ roles: ['ROOT'], rememberDevice: false }).error?.issues[0]?.message).toBe(
      '角色无效',
    );
  });
});

describe('the idle timeout', () => {
  it.each([
    ['30', 30, null],
    ['1', 1, null],
    ['720', 720, null],
    ['0', null, '空闲退出时间应为 1 到 720 的整数'],
    ['721', null, '空闲退出时间应为 1 到 720 的整数'],
    ['1.5', null, '空闲退出时间应为 1 到 720 的整数'],
    ['', null, '空闲退出时间应为 1 到 720 的整数'],
    ['三十', null, '空闲退出时间应为 1 到 720 的整数'],
  ])('%j → %j %j', (value, minutes, message) => {
    const form = new FormData();
    form.set('idleMinutes', value);
    const parsed = sessionIdleSchema.safeParse(sessionIdleFromForm(form));
    expect(parsed.success ? parsed.data.idleMinutes : null).toBe(minutes);
    expect(parsed.error?.issues[0]?.message ?? null).toBe(message);
  });
});
