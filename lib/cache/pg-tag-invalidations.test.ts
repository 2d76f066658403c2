// Runs against a real PostgreSQL: the vitest `postgresql` project's own database for this file
// (DATABASE_URL, test/support/per-file-database.ts), or one named by PG_TEST_URL (e.g.
// PG_TEST_URL=postgresql://newsroom@127.0.0.1:5434/postgres); skipped, with a message, without one.
import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';

import { PgTagInvalidations } from './pg-tag-invalidations';

const url =
  process.env.PG_TEST_URL ||
  (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined);
const opened: PgTagInvalidations[] = [];
const logs: string[] = [];
async function listening(): Promise<PgTagInvalidations> {
  const made = new PgTagInvalidations({ connectionString: url!, log: (message) => logs.push(message) });
  opened.push(made);
  await made.start();
  return made;
}
async function until(check: () => boolean, ms = 3000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - started;
}

afterEach(async () => {
  for (const made of opened.splice(0)) await made.close();
});

describe.skipIf(!url)('tag expiries broadcast with LISTEN/NOTIFY', () => {
  it('an expiry sent by one instance reaches another within milliseconds', async () => {
    const a = await listening();
    const b = await listening();
    const connectedAt = b.expiredAt(['article:x']);
    expect(connectedAt).toBeLessThanOrEqual(Date.now());
    await a.expire(['article:x', 'lists']);
    expect(a.expiredAt(['article:x'])).toBeGreaterThanOrEqual(connectedAt);
    const waited = await until(() => b.expiredAt(['article:x']) > connectedAt);
    expect(waited).toBeLessThan(1000);
    expect(b.expiredAt(['lists'])).toBeGreaterThan(connectedAt);
    expect(b.expiredAt(['article:y'])).toBe(connectedAt);
  });

  it('splits a long list of tags into notices PostgreSQL accepts', async () => {
    const a = await listening();
    const b = await listening();
    const tags = Array.from({ length: 500 }, (_, i) => `article:${'长'.repeat(20)}-${i}`);
    const floor = b.expiredAt([]);
    await a.expire(tags);
    await until(() => b.expiredAt([tags[499]!]) > floor);
  });

  it('while its connection is down an instance serves nothing cached, and it reconnects by itself', async () => {
    const b = await listening();
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
      );
    } finally {
      await admin.end();
    }
    await until(() => logs.some((line) => line.includes('中断')));
    expect(b.expiredAt(['anything'])).toBeGreaterThanOrEqual(Date.now() - 5);
    const before = Date.now();
    // Back after about a second; everything cached before the reconnect counts as expired.
    await until(() => b.expiredAt(['anything']) < Date.now() - 50, 5000);
    expect(b.expiredAt(['anything'])).toBeGreaterThanOrEqual(before);
  });

  it('a notice still goes out through a connection of its own while the listening one is down', async () => {
    const b = await listening();
    const a = new PgTagInvalidations({ connectionString: url!, log: (message) => logs.push(message) });
    opened.push(a);
    const floor = b.expiredAt([]);
    await a.expire(['issue:9']);
    await until(() => b.expiredAt(['issue:9']) > floor);
  });
});

describe.skipIf(Boolean(url))('tag expiries broadcast with LISTEN/NOTIFY (no PostgreSQL)', () => {
  it.skip('needs PG_TEST_URL pointing at a PostgreSQL server', () => undefined);
});
