import { describe, expect, it } from 'vitest';

import { commonPasswords } from './common-passwords';
import {
  characterClasses,
  DEFAULT_PASSWORD_POLICY,
  passwordExpired,
  passwordExpiresAt,
  passwordRuleProblem,
  passwordRulesHint,
  type PasswordPolicy,
} from './password-rules';

const owner = { name: '楼郁馨', email: 'louyuxin@kecheng.example' };
const common = new Set(['password123!', 'qwerty12345!']);
const strict: PasswordPolicy = { minLength: 14, minClasses: 4, historyCount: 10, maxAgeDays: 90 };

const LENGTH = '密码至少需要 10 个字符';
const CLASSES = '密码需要包含小写字母、大写字母、数字、符号中的至少 3 种';
const OWNER = '密码不能包含姓名或邮箱';
const COMMON = '这个密码太常见，已出现在泄露密码列表中，请换一个';

describe('passwordRuleProblem under the default policy', () => {
  it.each([
    ['a password with 3 classes and 10 characters', 'kecheng-20', null],
    ['4 classes', 'Kecheng-News-2026', null],
    ['Chinese characters count as the fourth class', '柯城新闻kecheng20', null],
    ['9 characters', 'kecheng-2', LENGTH],
    ['10 characters, Chinese ones counted one each', '柯城新闻中心报社a1', null],
    ['9 characters where an emoji is two UTF-16 units', '柯城新闻中心报😀1', LENGTH],
    ['only spaces', ' '.repeat(12), '密码不能全是空格'],
    ['201 characters', `Aa1${'x'.repeat(198)}`, '密码不能超过 200 个字符'],
    ['two classes: lower case and digits', 'kecheng2026news', CLASSES],
    ['two classes: lower and upper case', 'KechengNewsroom', CLASSES],
    ['one class', 'kechengnewsroom', CLASSES],
    ['contains the e-mail local part', 'louyuxin-2026', OWNER],
    ['contains the e-mail local part in upper case', 'LOUYUXIN-2026', OWNER],
    ['contains the whole e-mail', 'x1-louyuxin@kecheng.example', OWNER],
    ['contains the name', '楼郁馨的密码Ab12', OWNER],
    ['on the compromised list, whatever the case', 'PASSWORD123!', COMMON],
  ])('%s', (_label, password, expected) => {
    expect(passwordRuleProblem(password, DEFAULT_PASSWORD_POLICY, owner, common)).toBe(expected);
  });

  it('leaves out parts of an account too short to matter (a 2-letter local part)', () => {
    expect(
      passwordRuleProblem('li-kecheng-2026', DEFAULT_PASSWORD_POLICY, { name: 'Li', email: 'li@x.cn' }, common),
    ).toBe(null);
    expect(
      passwordRuleProblem('LiMing-2026', DEFAULT_PASSWORD_POLICY, { name: 'Li Ming', email: 'lm@x.cn' }, common),
    ).toBe(OWNER);
  });

  it('checks no owner when none is known yet', () => {
    expect(passwordRuleProblem('louyuxin-2026', DEFAULT_PASSWORD_POLICY, null, common)).toBeNull();
  });
});

describe('passwordRuleProblem under a stricter policy', () => {
  it.each([
    ['13 characters', 'Kecheng-20261', '密码至少需要 14 个字符'],
    [
      'three classes where four are asked',
      'kecheng-news-2026',
      '密码需要包含小写字母、大写字母、数字、符号中的至少 4 种',
    ],
    ['four classes and 14 characters', 'Kecheng-News-26', null],
  ])('%s', (_label, password, expected) => {
    expect(passwordRuleProblem(password, strict, owner, common)).toBe(expected);
  });
});

describe('characterClasses', () => {
  it.each([
    ['abc', 1],
    ['abcABC', 2],
    ['abcABC123', 3],
    ['abcABC123!', 4],
    ['新闻 2026', 2],
  ])('%s has %i', (password, classes) => {
    expect(characterClasses(password)).toBe(classes);
  });
});

describe('expiry', () => {
  const setAt = new Date('2026-01-01T00:00:00Z');
  it('never expires with 0 days', () => {
    expect(passwordExpiresAt(setAt, DEFAULT_PASSWORD_POLICY)).toBeNull();
    expect(passwordExpired(setAt, DEFAULT_PASSWORD_POLICY, new Date('2036-01-01T00:00:00Z'))).toBe(false);
  });
  it('expires exactly maxAgeDays after it was set', () => {
    expect(passwordExpiresAt(setAt, strict)).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(passwordExpired(setAt, strict, new Date('2026-03-31T23:59:59Z'))).toBe(false);
    expect(passwordExpired(setAt, strict, new Date('2026-04-01T00:00:00Z'))).toBe(true);
  });
});

describe('the shipped compromised-password list', () => {
  it('holds the 100,000 most common passwords, lower-cased', async () => {
    const list = await commonPasswords();
    // 100,000 lines; 96,518 once case is folded (Password and password are one entry).
    expect(list.size).toBe(96_518);
    expect(list.has('password')).toBe(true);
    expect(list.has('1qaz2wsx')).toBe(true);
    expect(list.has('kecheng-news-2026')).toBe(false);
  });
  it('refuses a listed password whatever its case, where the case alone would meet the classes', async () => {
    const list = await commonPasswords();
    // e.g. Password123, Q1w2e3r4t5: upper-casing one letter of a listed password is the usual dodge.
    const dodges = [...list]
      .map((entry) => entry.charAt(0).toUpperCase() + entry.slice(1))
      .filter((entry) => passwordRuleProblem(entry, DEFAULT_PASSWORD_POLICY, null, new Set()) === null);
    expect(dodges.length).toBeGreaterThan(100);
    for (const entry of dodges) expect(passwordRuleProblem(entry, DEFAULT_PASSWORD_POLICY, null, list)).toBe(COMMON);
  });
});

describe('passwordRulesHint', () => {
  it('says the policy in one line', () => {
    expect(passwordRulesHint(DEFAULT_PASSWORD_POLICY)).toBe(
      '至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少 3 种；不能包含姓名或邮箱，不能是常见密码或最近 5 次用过的密码',
    );
    expect(passwordRulesHint(strict)).toContain('小写字母、大写字母、数字、符号都要有');
  });
});
