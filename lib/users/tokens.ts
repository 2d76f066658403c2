// One-time links (invitation, password reset). Only a hash is stored, so a database leak does not
// leak usable links; the raw token exists once, in the link shown to the admin.
import { createHash, randomBytes } from 'node:crypto';

export const INVITE_TTL_MS = 72 * 60 * 60_000;
export const RESET_TTL_MS = 24 * 60 * 60_000;

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenPath(token: string): string {
  return `/invite/${token}`;
}
