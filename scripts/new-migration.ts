// `npm run db:migration -- <name>`: writes the SQL that takes prisma/migrations to
// prisma/schema.prisma into a new migration folder. Refuses to write an empty migration.
// `migrate diff --from-migrations` needs a shadow database, which the driver adapter cannot give, so
// the migrations are applied to a scratch database, read back with `db pull` and diffed from there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPrisma } from './lib/prisma-cli';
import { ensureDataDir } from '../lib/config/data-dir';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Give the migration a name in lower case, digits and underscores: npm run db:migration -- add_media_focus');
  process.exit(2);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-migration-'));
const scratchEnv = { ...process.env, DATA_DIR: scratch, DATABASE_URL: '' };
ensureDataDir(scratchEnv);
function mustRun(args: string[]): string {
  const run = runPrisma(args, { env: scratchEnv, capture: true });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(run.status ?? 1);
  }
  return run.stdout;
}
mustRun(['migrate', 'deploy']);
const applied = path.join(scratch, 'applied.prisma');
// The CLI prints a warning about the schema's url before the schema itself.
const pulled = mustRun(['db', 'pull', '--print']);
// `db pull` on SQLite quotes enum defaults (`@default("DRAFT")`), which its own parser refuses.
const unquoted = pulled
  .slice(pulled.indexOf('generator '))
  .replace(/^(\s+\w+\s+(?!String)\w+\??\s.*@default\()"(\w+)"\)/gm, '$1$2)');
fs.writeFileSync(applied, unquoted);
const result = runPrisma(
  ['migrate', 'diff', '--from-schema-datamodel', applied, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { env: scratchEnv, capture: true },
);
fs.rmSync(scratch, { recursive: true, force: true });
if (result.status !== 0) {
  process.stderr.write(result.stderr);
  process.exit(result.status ?? 1);
}
const sql = result.stdout.trim();
if (!sql || sql === '-- This is an empty migration.') {
  console.log('The schema matches the migrations already: nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
console.log(`Wrote ${dir}/migration.sql`);
