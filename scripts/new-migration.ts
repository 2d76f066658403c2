// `npm run db:migration -- <name>`: writes the SQL that takes prisma/migrations to
// prisma/schema.prisma into a new migration folder. Refuses to write an empty migration.
import fs from 'node:fs';
import path from 'node:path';
import { runPrisma } from './lib/prisma-cli';
import { ensureDataDir } from '../lib/config/data-dir';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Give the migration a name in lower case, digits and underscores: npm run db:migration -- add_media_focus');
  process.exit(2);
}
ensureDataDir(process.env);
const result = runPrisma(
  ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { capture: true },
);
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
