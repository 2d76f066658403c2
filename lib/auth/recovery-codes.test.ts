import { describe, expect, it } from 'vitest';

import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('are ten distinct codes of two groups of five, without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it.each([
    ['abcde-fghjk', 'abcdefghjk'],
    ['ABCDE-FGHJK', 'abcdefghjk'],
    ['abcde fghjk', 'abcdefghjk'],
    ['abcdefghjk', 'abcdefghjk'],
    ['abcde-fghj', null],
    ['abcde-fghjl', null],
    ['abcde-fghj0', null],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(normaliseRecoveryCode(input)).toBe(expected);
  });

  it('hash the same code typed differently to the same value, and different codes apart', () => {
    const [a, b] = newRecoveryCodes(2) as [string, string];
    expect(hashRecoveryCode(normaliseRecoveryCode(a.toUpperCase())!)).toBe(hashRecoveryCode(normaliseRecoveryCode(a)!));
    expect(hashRecoveryCode(normaliseRecoveryCode(a)!)).not.toBe(hashRecoveryCode(normaliseRecoveryCode(b)!));
    expect(hashRecoveryCode('abcdefghjk')).toMatch(/^[0-9a-f]{64}$/);
  });
});
