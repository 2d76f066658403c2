// One-time recovery codes for a lost phone: ten at enrolment, each usable once, stored only as hashes.
// A code is 10 characters from a 31-character alphabet without look-alikes (no 0/o, 1/i/l): 49 random
// bits, shown as "xxxxx-xxxxx". That is far beyond guessing under the sign-in limits (5 tries per
// 15 minutes), so a fast hash (SHA-256, as the one-time links use) suffices; argon2 would add about
// 15 ms per stored code to every check (measured on the 2-core dev machine) for no gain.
import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'.split('');
const HALF = 5;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: HALF * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
    return `${chars.slice(0, HALF).join('')}-${chars.slice(HALF).join('')}`;
  });
}

/** The code as typed, in any case, with or without the hyphen or spaces; null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]+/g, '');
  if (code.length !== HALF * 2 || [...code].some((char) => !ALPHABET.includes(char))) return null;
  return code;
}

export function hashRecoveryCode(normalised: string): string {
  return createHash('sha256').update(`recovery:${normalised}`).digest('hex');
}
