import { describe, expect, it } from 'vitest';

import { hashPassword, verifyPassword } from './password';

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
