// The secret that signs session cookies: NEXTAUTH_SECRET when set, otherwise one made on first run and
// kept in the data directory (mode 0600) so that sessions survive restarts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from './database';

export const AUTH_SECRET_FILE = 'auth-secret';

export function ensureAuthSecret(dataDir: string, env: Env): { secret: string; source: 'env' | 'file' | 'created' } {
  if (env.NEXTAUTH_SECRET) return { secret: env.NEXTAUTH_SECRET, source: 'env' };
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  if (fs.existsSync(file)) {
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return { secret, source: 'file' };
  }
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return { secret, source: 'created' };
}
