// Runs before each test file: points DATABASE_URL and DATA_DIR at a fresh copy of the migrated
// template, so database tests never see each other's rows. SQLite: a copy of the template file.
// PostgreSQL (the `postgresql` project): a database created from the template database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';

import { withPostgres } from '../../lib/database/postgresql/connect';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-file-'));
process.env.DATA_DIR = dir;
const server = inject('postgresServer');
let dropDatabase: (() => Promise<void>) | null = null;
if (server) {
  const name = `t_${crypto.randomUUID().replaceAll('-', '')}`;
  await withPostgres(server, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`),
  );
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = () =>
    withPostgres(server, async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
} else {
  const file = path.join(dir, 'newsroom.db');
  fs.copyFileSync(inject('templateDatabase'), file);
  process.env.DATABASE_URL = `file:${file}`;
}

afterAll(async () => {
  const holder = globalThis as { __newsroomDb?: { $disconnect(): Promise<void> } };
  await holder.__newsroomDb?.$disconnect();
  delete holder.__newsroomDb;
  fs.rmSync(dir, { recursive: true, force: true });
  await dropDatabase?.();
});
