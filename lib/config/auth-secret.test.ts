import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AUTH_SECRET_FILE, ensureAuthSecret } from './auth-secret';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-secret-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');

function secretFromAnotherProcess(): Promise<string> {
  const script = `import { ensureAuthSecret } from ${JSON.stringify(path.join(import.meta.dirname, 'auth-secret.ts'))};
process.stdout.write(ensureAuthSecret(${JSON.stringify(dir)}, {}).secret);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, '--eval', script]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
  });
}

describe('the auth secret every instance signs with', () => {
  it('NEXTAUTH_SECRET wins; otherwise one is made once and kept (mode 0600)', () => {
    expect(ensureAuthSecret(dir, { NEXTAUTH_SECRET: 'from-config' })).toEqual({ secret: 'from-config', source: 'env' });
    const made = ensureAuthSecret(dir, {});
    expect(made.source).toBe('created');
    expect(made.secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, AUTH_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret(dir, {})).toEqual({ secret: made.secret, source: 'file' });
  });

  it('instances starting together on a fresh data directory all end with the same secret', async () => {
    const secrets = await Promise.all(Array.from({ length: 6 }, () => secretFromAnotherProcess()));
    expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
    expect(new Set(secrets).size).toBe(1);
    expect(fs.readFileSync(path.join(dir, AUTH_SECRET_FILE), 'utf8').trim()).toBe(secrets[0]);
    expect(fs.readdirSync(dir)).toEqual([AUTH_SECRET_FILE]);
  });

  it('replaces a damaged (too short) secret file', () => {
    fs.writeFileSync(path.join(dir, AUTH_SECRET_FILE), 'short\n');
    const made = ensureAuthSecret(dir, {});
    expect(made.source).toBe('created');
    expect(made.secret).not.toBe('short');
  });
});
