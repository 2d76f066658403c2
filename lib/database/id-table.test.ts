import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { Prisma } from '../generated/prisma/client';
import { idTable } from './id-table';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

describe('a list of ids as one parameter', () => {
  it('reads back every id once, joinable like a table, whatever the ids hold', async () => {
    const ids = ['a1', "it's", '引号"和\\反斜杠', ...Array.from({ length: 3_000 }, (_, n) => `id-${n}`)];
    const rows = await db.$queryRaw<{ id: string }[]>`WITH listed AS (${idTable(db, ids)}) SELECT id FROM listed`;
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    const joined = await db.$queryRaw<{ n: number | bigint }[]>(
      Prisma.sql`WITH listed AS (${idTable(db, ['x', 'y'])}) SELECT count(*) AS n FROM listed l JOIN listed m ON m.id = l.id`,
    );
    expect(Number(joined[0]!.n)).toBe(2);
  });

  it('reads an empty list as no rows', async () => {
    const rows = await db.$queryRaw<{ id: string }[]>`WITH listed AS (${idTable(db, [])}) SELECT id FROM listed`;
    expect(rows).toEqual([]);
  });
});
