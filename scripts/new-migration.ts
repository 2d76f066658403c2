// `npm run db:migration -- <name>`: writes the SQL that takes each database's migration history to
// prisma/schema.prisma, as a new folder of the same name in prisma/migrations (SQLite) and
// prisma/migrations-postgresql. Refuses to write an empty migration.
//
// SQLite: `migrate diff --from-migrations` needs a shadow database, which the driver adapter cannot
// give, so the migrations are applied to a scratch database, read back with `db pull` and diffed from
// there. PostgreSQL: `db pull` through the adapter fails (prisma/orm#27403), so the history keeps the
// schema it reaches (prisma/migrations-postgresql/schema.snapshot.prisma) and the diff is taken from
// it; the CLI insists on a server, so a throwaway cluster is started (or PRISMA_POSTGRES_URL used).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureDataDir } from '../lib/config/data-dir';
import { migrationsDir } from '../lib/database/migration-files';
import { writePostgresqlSchema } from '../server/postgresql-schema';
import { runPrisma } from '../server/prisma-cli';
import { postgresBin, startScratchPostgres } from '../test/support/scratch-postgres';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error(
    'Give the migration a name in lower case, digits and underscores: npm run db:migration -- add_media_focus',
  );
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const SNAPSHOT = path.join(migrationsDir('postgresql'), 'schema.snapshot.prisma');

function fail(run: { stderr: string; status: number | null }): never {
  process.stderr.write(run.stderr);
  process.exit(run.status ?? 1);
}

function isEmpty(sql: string): boolean {
  return !sql || sql === '-- This is an empty migration.';
}

function write(kind: 'sqlite' | 'postgresql', sql: string): void {
  const dir = path.join(migrationsDir(kind), `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

function sqliteMigration(): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-migration-'));
  const scratchEnv = { ...process.env, DATA_DIR: scratch, DATABASE_URL: '' };
  ensureDataDir(scratchEnv);
  const mustRun = (args: string[]): string => {
    const run = runPrisma(args, { env: scratchEnv, capture: true });
    if (run.status !== 0) fail(run);
    return run.stdout;
  };
  try {
    mustRun(['migrate', 'deploy']);
    const applied = path.join(scratch, 'applied.prisma');
    // The CLI prints a warning about the schema's url before the schema itself.
    const pulled = mustRun(['db', 'pull', '--print']);
    // `db pull` on SQLite quotes enum defaults (`@default("DRAFT")`), which its own parser refuses.
    const unquoted = pulled
      .slice(pulled.indexOf('generator '))
      // [ \t], not \s: a match must not run on from one field's line into the next.
      .replace(/^([ \t]+\w+[ \t]+(?!String)\w+\??[ \t].*@default\()"(\w+)"\)/gm, '$1$2)');
    fs.writeFileSync(applied, unquoted);
    return mustRun([
      'migrate',
      'diff',
      '--from-schema-datamodel',
      applied,
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--script',
    ]).trim();
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function postgresqlMigration(): Promise<{ sql: string; schema: string }> {
  const schema = writePostgresqlSchema();
  let url = process.env.PRISMA_POSTGRES_URL;
  let stop = () => undefined as void;
  if (!url) {
    const bin = postgresBin();
    if (!bin) {
      console.error(
        "PostgreSQL is not installed here (no /usr/lib/postgresql/*/bin/initdb): install Debian's postgresql, or set PRISMA_POSTGRES_URL to a scratch server, to write the PostgreSQL migration.",
      );
      process.exit(1);
    }
    const cluster = await startScratchPostgres(bin);
    url = cluster.url('postgres');
    stop = cluster.stop;
  }
  try {
    const run = runPrisma(
      [
        'migrate',
        'diff',
        '--config',
        'prisma/postgresql.config.ts',
        '--from-schema-datamodel',
        SNAPSHOT,
        '--to-schema-datamodel',
        schema,
        '--script',
      ],
      { env: { ...process.env, PRISMA_POSTGRES_URL: url }, capture: true },
    );
    if (run.status !== 0) fail(run);
    return { sql: run.stdout.trim(), schema };
  } finally {
    stop();
  }
}

const sqlite = sqliteMigration();
const postgresql = await postgresqlMigration();
if (isEmpty(sqlite) && isEmpty(postgresql.sql)) {
  console.log('The schema matches the migrations already: nothing to write.');
  process.exit(0);
}
if (!isEmpty(sqlite)) write('sqlite', sqlite);
if (!isEmpty(postgresql.sql)) {
  write('postgresql', postgresql.sql);
  fs.copyFileSync(postgresql.schema, SNAPSHOT);
}
