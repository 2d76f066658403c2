// Two instances started together on one empty PostgreSQL database: both start, and the start-up work
// (sample issue, first admin, search tables and index) is done once. Without the start-up lock one of
// them failed creating the search tables the other was creating.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { prepare } from '../../server/prepare';
import { createPostgresClient } from '../db-client';
import { withPostgres } from './postgresql/connect';

const server = inject('postgresServer');
const name = `s_${crypto.randomUUID().replaceAll('-', '')}`;
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  await withPostgres(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

describe('instances starting together on PostgreSQL', () => {
  it('both start, and the start-up work is done once', async () => {
    await withPostgres(server, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(server);
    url.pathname = `/${name}`;
    const env = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-lock-'));
      dirs.push(dir);
      return { ...process.env, DATABASE_URL: url.toString(), DATA_DIR: dir, ADMIN_PASSWORD: 'Startup-lock-pass-1' };
    };
    const started = await Promise.allSettled([prepare(env()), prepare(env())]);
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual([
      'started',
      'started',
    ]);
    const db = createPostgresClient(url.toString());
    try {
      expect(await db.user.count()).toBe(1);
      expect(await db.issue.count()).toBe(1);
      const [indexed] = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM search_newsroom');
      expect(Number(indexed!.n)).toBe(await db.article.count());
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
