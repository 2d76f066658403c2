// The one schema, two providers: PostgreSQL's view swaps only the provider, url and client output,
// and PostgreSQL's migration history has been brought up to the current schema (a schema change
// followed by `npm run db:migration` writes both histories; one written by hand for SQLite alone
// fails here).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { migrationsDir } from '../lib/database/migration-files';
import { postgresqlSchema, SCHEMA } from './postgresql-schema';

describe('the PostgreSQL schema', () => {
  const source = fs.readFileSync(SCHEMA, 'utf8');
  it('differs from the SQLite one only in its datasource and client output', () => {
    const swapped = postgresqlSchema(source);
    expect(swapped).toContain('provider = "postgresql"');
    expect(swapped).toContain('output     = "./prisma-postgresql"');
    const models = (text: string) => text.slice(text.indexOf('enum Role'));
    expect(models(swapped)).toBe(models(source));
  });

  it('is what the PostgreSQL migration history reaches', () => {
    const snapshot = fs.readFileSync(path.join(migrationsDir('postgresql'), 'schema.snapshot.prisma'), 'utf8');
    expect(snapshot, 'run npm run db:migration -- <name> to write the PostgreSQL migration').toBe(
      postgresqlSchema(source),
    );
  });
});
