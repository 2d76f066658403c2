// `npm run test:e2e:postgresql` (the last step of `npm test`): the two-instance journey
// (e2e/instances.spec.ts) again with both instances on PostgreSQL, where the reader cache's
// expiries travel by LISTEN/NOTIFY instead of SQLite's shared file. A throwaway cluster from
// Debian's server binaries (test/support/scratch-postgres.ts), stopped at the end. Reuses the build
// `npm run test:e2e` just made (E2E_SKIP_BUILD=1; it builds when there is none). Without PostgreSQL
// installed, or with NEWSROOM_TEST_POSTGRESQL=0, it says so and passes. Extra arguments go to
// Playwright; E2E_DATABASE_URL=postgresql://… uses that (emptied) database instead of a cluster.
// --no-deps: the spec alone, not the reader projects the `chromium` project depends on.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { withPostgres } from '../lib/database/postgresql/connect';
import { postgresBin, startScratchPostgres } from '../test/support/scratch-postgres';

const ROOT = path.resolve(import.meta.dirname, '..');
const PLAYWRIGHT = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
const SPECS = ['e2e/instances.spec.ts'];

async function main(): Promise<number> {
  let url = process.env.E2E_DATABASE_URL;
  let stop = () => undefined as void;
  if (!url) {
    const bin = process.env.NEWSROOM_TEST_POSTGRESQL === '0' ? null : postgresBin();
    if (!bin) {
      console.log(
        'PostgreSQL journeys skipped: PostgreSQL is not installed here (no /usr/lib/postgresql/*/bin/initdb) or NEWSROOM_TEST_POSTGRESQL=0.',
      );
      return 0;
    }
    const cluster = await startScratchPostgres(bin);
    stop = cluster.stop;
    await withPostgres(cluster.url('postgres'), (client) => client.query('CREATE DATABASE e2e'));
    url = cluster.url('e2e');
  }
  try {
    console.log(`Two instances on PostgreSQL: ${SPECS.join(' ')}`);
    const run = spawnSync(process.execPath, [PLAYWRIGHT, 'test', '--no-deps', ...SPECS, ...process.argv.slice(2)], {
      cwd: ROOT,
      env: { ...process.env, E2E_DATABASE_URL: url, E2E_SKIP_BUILD: process.env.E2E_SKIP_BUILD ?? '1' },
      stdio: 'inherit',
    });
    return run.status ?? 1;
  } finally {
    stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
