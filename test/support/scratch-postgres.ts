// A throwaway PostgreSQL cluster in a temporary directory, for the tests (test/support/), CI and
// `npm run db:migration` (Prisma's diff for PostgreSQL wants a server to talk to). Uses Debian's
// server binaries (/usr/lib/postgresql/<version>/bin); initdb refuses to run as root, so as root the
// cluster is run by the `postgres` system user. Durability is switched off: it is thrown away.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort } from './free-port';

export type ScratchPostgres = { url: (database: string) => string; stop: () => void; port: number };

/** The superuser's password on the scratch cluster (TCP connections must give it, as on a real server). */
export const SCRATCH_PASSWORD = 'scratch-only';

/** The newest installed server's bin directory (or PG_BIN), or null when PostgreSQL is not installed. */
export function postgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PG_BIN) return fs.existsSync(path.join(env.PG_BIN, 'initdb')) ? env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

function run(bin: string, args: string[], asPostgres: boolean): void {
  const command = asPostgres ? 'runuser' : bin;
  const result = spawnSync(command, asPostgres ? ['-u', 'postgres', '--', bin, ...args] : args, {
    encoding: 'utf8',
    cwd: os.tmpdir(),
  });
  if (result.status !== 0)
    throw new Error(`${path.basename(bin)} failed: ${result.error?.message ?? ''}${result.stderr}${result.stdout}`);
}

export async function startScratchPostgres(bin: string): Promise<ScratchPostgres> {
  const asPostgres = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pg-'));
  if (asPostgres) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pwfile');
  fs.writeFileSync(pwfile, `${SCRATCH_PASSWORD}\n`);
  if (asPostgres) spawnSync('chown', ['postgres:postgres', pwfile]);
  run(
    path.join(bin, 'initdb'),
    [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      `--pwfile=${pwfile}`,
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '-N',
    ],
    asPostgres,
  );
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'], asPostgres);
  return {
    port,
    url: (database) => `postgresql://postgres:${SCRATCH_PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], asPostgres);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
