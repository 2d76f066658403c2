import { describe, expect, it } from 'vitest';

import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('柯城新闻中心2020!');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, '柯城新闻中心2020!')).toBe(true);
    expect(await verifyPassword(stored, '柯城新闻中心2020')).toBe(false);
  });

  it('treats a corrupt stored hash as a failed check', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever-123')).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('asks for at least 10 characters, in Chinese', () => {
    expect(passwordProblem('short-pw1')).toBe('密码至少需要 10 个字符');
    expect(passwordProblem('long-enough-1')).toBeNull();
    expect(passwordProblem(' '.repeat(12))).toBe('密码不能全是空格');
    expect(passwordProblem('x'.repeat(201))).toMatch(/不能超过/);
  });
});
