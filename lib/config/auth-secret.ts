// The secret that signs session cookies: NEXTAUTH_SECRET when set, otherwise one made on first run and
// kept in the data directory (mode 0600) so that sessions survive restarts. Every instance must sign
// with the same secret: instances sharing DATA_DIR share the file, and two that start at the same
// moment on a fresh directory still end with one secret (the file appears whole, once, by link()).
// Instances on several machines get NEXTAUTH_SECRET from their shared configuration.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Env } from './database';

export const AUTH_SECRET_FILE = 'auth-secret';

export function ensureAuthSecret(dataDir: string, env: Env): { secret: string; source: 'env' | 'file' | 'created' } {
  if (env.NEXTAUTH_SECRET) return { secret: env.NEXTAUTH_SECRET, source: 'env' };
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return { secret: existing, source: 'file' };
  const secret = randomBytes(48).toString('base64url');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, secret + '\n', { mode: 0o600 });
  try {
    // A file too short to be a secret (damaged) is replaced; an existing good one wins the race.
    if (fs.existsSync(file) && !readSecret(file)) fs.rmSync(file);
    fs.linkSync(temp, file);
    return { secret, source: 'created' };
  } catch (error) {
    const winner = error instanceof Error && 'code' in error && error.code === 'EEXIST' ? readSecret(file) : null;
    if (!winner) throw error;
    return { secret: winner, source: 'file' };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readSecret(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  const secret = fs.readFileSync(file, 'utf8').trim();
  return secret.length >= 32 ? secret : null;
}
