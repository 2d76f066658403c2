// The PostgreSQL project's global setup: a throwaway cluster (test/support/scratch-postgres.ts), a
// template database migrated with the project's own runner, and per test file a fresh database copied
// from it (test/support/per-file-database.ts) by CREATE DATABASE … TEMPLATE.
import type { TestProject } from 'vitest/node';

import { migrationsDir } from '../../lib/database/migration-files';
import { withPostgres } from '../../lib/database/postgresql/connect';
import { migratePostgres } from '../../lib/database/postgresql/migrate';
import { postgresBin, startScratchPostgres } from './scratch-postgres';

export const TEMPLATE = 'newsroom_template';

export default async function setup(project: TestProject) {
  const bin = postgresBin();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); vitest.config.ts should have left this project out',
    );
  const cluster = await startScratchPostgres(bin);
  try {
    await withPostgres(cluster.url('postgres'), (client) => client.query(`CREATE DATABASE ${TEMPLATE}`));
    await withPostgres(cluster.url(TEMPLATE), (client) => migratePostgres(client, migrationsDir('postgresql')));
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide('postgresServer', cluster.url('postgres'));
  project.provide('templateDatabase', TEMPLATE);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServer: string;
  }
}
