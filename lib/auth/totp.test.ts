import { describe, expect, it } from 'vitest';

import { checkTotpCode, formatTotpKey, newTotpSecret, normaliseTotpCode, totpCodeAt, totpUri } from './totp';

// RFC 6238 Appendix B: the SHA-1 key is the ASCII "12345678901234567890"; at T = 59 s the 8-digit code
// is 94287082, so the 6-digit one is its last six digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP codes', () => {
  it('match RFC 6238’s test vector', async () => {
    expect(await totpCodeAt(RFC_SECRET, at(59))).toBe('287082');
    expect(await checkTotpCode(RFC_SECRET, '287082', null, at(59))).toEqual({ ok: true, timeStep: 1 });
    // RFC 6238 at T = 1111111109: 07081804.
    expect(await checkTotpCode(RFC_SECRET, '081804', null, at(1111111109))).toEqual({
      ok: true,
      timeStep: Math.floor(1111111109 / 30),
    });
  });

  it('accept a code one step either side (clock skew up to 30 s), and refuse two steps off', async () => {
    const secret = newTotpSecret();
    const now = at(1_800_000_015);
    const code = await totpCodeAt(secret, now);
    expect((await checkTotpCode(secret, code, null, at(1_800_000_015 + 30))).ok).toBe(true);
    expect((await checkTotpCode(secret, code, null, at(1_800_000_015 - 30))).ok).toBe(true);
    expect(await checkTotpCode(secret, code, null, at(1_800_000_015 + 60))).toEqual({ ok: false, reason: 'wrong' });
    expect(await checkTotpCode(secret, code, null, at(1_800_000_015 - 60))).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuse a code whose time step was already used (replay), and an earlier one', async () => {
    const secret = newTotpSecret();
    const now = at(1_800_000_100);
    const code = await totpCodeAt(secret, now);
    const first = await checkTotpCode(secret, code, null, now);
    if (!first.ok) throw new Error('expected the first use to pass');
    expect(await checkTotpCode(secret, code, first.timeStep, now)).toEqual({ ok: false, reason: 'reused' });
    const earlier = await totpCodeAt(secret, at(1_800_000_100 - 30));
    expect(await checkTotpCode(secret, earlier, first.timeStep, now)).toEqual({ ok: false, reason: 'reused' });
    const next = await totpCodeAt(secret, at(1_800_000_100 + 30));
    expect((await checkTotpCode(secret, next, first.timeStep, at(1_800_000_100 + 30))).ok).toBe(true);
  });

  it.each([
    ['', null],
    ['12345', null],
    ['1234567', null],
    ['12a456', null],
    ['123 456', '123456'],
    [' 123456 ', '123456'],
  ])('reads %j as %j', (input, code) => {
    expect(normaliseTotpCode(input)).toBe(code);
  });

  it('refuses a malformed code without checking it', async () => {
    expect(await checkTotpCode(newTotpSecret(), 'abcdef', null, at(0))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('makes 160-bit Base32 secrets, an otpauth address naming the newsroom and the account, and a typeable key', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'louyuxin@kecheng.example'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('今日柯城采编');
    expect(decodeURIComponent(uri.pathname)).toContain('louyuxin@kecheng.example');
    expect(formatTotpKey('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
