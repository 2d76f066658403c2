import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { makeActor } from '../../test/support/users';
import { Prisma } from '../generated/prisma/client';
import { jsonArray, jsonList, utcIso } from './json-lists';

const db = openTestDatabase();
const AT = new Date('2026-11-03T03:04:05.678Z');

beforeAll(async () => {
  for (const [name, at] of [
    ['记者“甲”', AT],
    ['记者乙', new Date(AT.getTime() + 3_600_000)],
  ] as const) {
    const { id } = await makeActor(db, 'REPORTER', { name });
    await db.user.update({ where: { id }, data: { createdAt: at, department: '采访部\\一组' } });
  }
});
afterAll(() => db.$disconnect());

describe('lists as JSON text, instants as UTC ISO text, on either database', () => {
  it('gathers a group’s rows into one JSON array of arrays, instants to the millisecond in UTC', async () => {
    const rows = await db.$queryRaw<{ list: string }[]>`SELECT ${jsonList(
      db,
      jsonArray(db, [Prisma.sql`u.name`, utcIso(db, Prisma.sql`u."createdAt"`), Prisma.sql`u.department`]),
      Prisma.sql`FROM "User" u WHERE u.department = ${'采访部\\一组'}`,
    )} AS list`;
    const list = (JSON.parse(rows[0]!.list) as [string, string, string][]).sort();
    expect(list).toEqual([
      ['记者“甲”', '2026-11-03T03:04:05.678Z', '采访部\\一组'],
      ['记者乙', '2026-11-03T04:04:05.678Z', '采访部\\一组'],
    ]);
    expect(new Date(list[0]![1]).getTime()).toBe(AT.getTime());
  });

  it('gives an empty array for no rows', async () => {
    const rows = await db.$queryRaw<{ list: string }[]>`SELECT ${jsonList(
      db,
      utcIso(db, Prisma.sql`u."createdAt"`),
      Prisma.sql`FROM "User" u WHERE u.department = 'nobody'`,
    )} AS list`;
    expect(JSON.parse(rows[0]!.list)).toEqual([]);
  });
});
