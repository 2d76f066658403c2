// The one schema (prisma/schema.prisma) seen as PostgreSQL: the same models with the datasource's
// provider swapped and the client generated beside the SQLite one. Prisma bakes the provider into a
// generated client, so each database has its own client, both from this one source (lib/db-client.ts).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
/** Written next to the generated clients (git-ignored), so its relative output path lands beside them. */
export const POSTGRESQL_SCHEMA = path.join(ROOT, 'lib', 'generated', 'schema.postgresql.prisma');

export function postgresqlSchema(source: string): string {
  const swapped = source
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(datasource db \{[^}]*url\s*=\s*)"[^"]*"/, '$1"postgresql://localhost/newsroom"')
    .replace(/(generator client \{[^}]*output\s*=\s*)"[^"]*"/, '$1"./prisma-postgresql"');
  if (!swapped.includes('"postgresql"') || !swapped.includes('"./prisma-postgresql"')) {
    throw new Error('prisma/schema.prisma: could not find the datasource provider or the generator output to swap');
  }
  return swapped;
}

/** Writes the PostgreSQL view of the schema; returns its path. */
export function writePostgresqlSchema(): string {
  fs.mkdirSync(path.dirname(POSTGRESQL_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRESQL_SCHEMA, postgresqlSchema(fs.readFileSync(SCHEMA, 'utf8')));
  return POSTGRESQL_SCHEMA;
}
