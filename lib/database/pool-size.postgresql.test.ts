// DATABASE_POOL_SIZE bounds the connections one process opens to PostgreSQL: with one connection,
// two queries take turns; with the default, they run side by side.
import { describe, expect, inject, it } from 'vitest';

import { createPrismaClient } from '../db-client';

const server = inject('postgresServer');

async function twoSleeps(poolSize: string | undefined): Promise<number> {
  const db = createPrismaClient({ DATABASE_URL: server, DATABASE_POOL_SIZE: poolSize });
  try {
    await db.$queryRawUnsafe('SELECT 1');
    const started = performance.now();
    await Promise.all([
      db.$queryRawUnsafe('SELECT 1 AS n FROM pg_sleep(0.4)'),
      db.$queryRawUnsafe('SELECT 1 AS n FROM pg_sleep(0.4)'),
    ]);
    return performance.now() - started;
  } finally {
    await db.$disconnect();
  }
}

describe('the PostgreSQL pool size', () => {
  it('follows DATABASE_POOL_SIZE', async () => {
    expect(await twoSleeps('1')).toBeGreaterThanOrEqual(790);
    expect(await twoSleeps(undefined)).toBeLessThan(790);
  });
});
