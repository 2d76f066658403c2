// The daily digest: written once per ended day, to the table and to the file, and read back by the check.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { auditHash } from './chain';
import { digestFilePath, readDigestFile, storedDigests, writeDueDigests } from './digest';
import { recordAudit } from './record';
import { verifyAuditChain } from './verify';

const db = openTestDatabase();
afterAll(() => db.$disconnect());
const env = { DATA_DIR: process.env.DATA_DIR };

// Beijing time: 2026-12-01 10:00 and 23:30, 2026-12-02 09:00; "now" is 2026-12-04 08:00.
const at = (iso: string) => new Date(`${iso}+08:00`);

describe('daily digests', () => {
  it('records the head at the end of each ended day once, in the table and the file', async () => {
    await db.auditEvent.deleteMany();
    await recordAudit(db, { actorId: null, action: 'test.a', at: at('2026-12-01T10:00:00') });
    const endOfFirst = await recordAudit(db, { actorId: null, action: 'test.b', at: at('2026-12-01T23:30:00') });
    const endOfSecond = await recordAudit(db, { actorId: null, action: 'test.c', at: at('2026-12-02T09:00:00') });
    await recordAudit(db, { actorId: null, action: 'test.today', at: at('2026-12-04T07:00:00') });

    const written = await writeDueDigests(db, env, at('2026-12-04T08:00:00'));
    expect(written.map(({ day, seq, hash }) => ({ day, seq, hash }))).toEqual([
      { day: '2026-12-01', ...endOfFirst },
      { day: '2026-12-02', ...endOfSecond },
    ]);
    expect(await writeDueDigests(db, env, at('2026-12-04T09:00:00'))).toEqual([]);
    const file = digestFilePath(env);
    expect(path.dirname(file)).toBe(process.env.DATA_DIR);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      `2026-12-01 seq=${endOfFirst.seq} sha256=${endOfFirst.hash}\n2026-12-02 seq=${endOfSecond.seq} sha256=${endOfSecond.hash}\n`,
    );
    expect(readDigestFile(file)).toHaveLength(2);
    expect(await storedDigests(db)).toHaveLength(2);

    // Next day: only the new day is added.
    const written2 = await writeDueDigests(db, env, at('2026-12-05T08:00:00'));
    expect(written2.map((entry) => entry.day)).toEqual(['2026-12-04']);
  });

  it('catches a chain re-hashed as a whole against a copy of the file', async () => {
    const copy = readDigestFile(digestFilePath(env), 'copy');
    expect((await verifyAuditChain(db, copy)).problem).toBeNull();
    // Rewrite every event from the first on, re-hashing the chain so it walks clean.
    let prevHash = '';
    for (const event of await db.auditEvent.findMany({ orderBy: { seq: 'asc' } })) {
      const changed = { ...event, prevHash, ip: '10.1.1.1' };
      prevHash = auditHash(changed);
      await db.auditEvent.update({
        where: { id: event.id },
        data: { ip: changed.ip, prevHash: changed.prevHash, hash: prevHash },
      });
    }
    expect((await verifyAuditChain(db)).problem).toBeNull();
    expect((await verifyAuditChain(db, copy)).problem).toMatchObject({ seq: 2, kind: 'rewritten' });
  });
});
