// The exported CSV carries each event's seq and hashes and a checksum line, and checks on its own.
import { describe, expect, it } from 'vitest';

import { chainNext, GENESIS_HASH, type ChainLink } from './chain';
import { checkAuditCsv, parseCsv } from './csv-check';
import { auditCsv, type ExportedEvent } from './csv-export';

function events(count: number): ExportedEvent[] {
  let head: ChainLink = { seq: 0, hash: GENESIS_HASH };
  return Array.from({ length: count }, (_, n) => {
    const event = chainNext(head, {
      createdAt: new Date(Date.UTC(2026, 11, 1, 8, n)),
      actorId: n % 2 ? 'u1' : null,
      action: n % 2 ? 'article.publish' : 'auth.sign-in-failed',
      subjectType: 'Article',
      subjectId: `a${n}`,
      // A detail a spreadsheet would run as a formula, and one with a quote and a comma.
      details: n === 1 ? '-1' : JSON.stringify({ note: '说"好",再见' }),
      ip: '10.0.0.1',
    });
    head = event;
    return { ...event, actor: n % 2 ? { name: '王敏', email: 'wang@example.com' } : null };
  });
}

describe('the audit CSV', () => {
  const file = auditCsv(events(5).reverse());

  it('lists events oldest first with seq, hashes and a checksum line', () => {
    const rows = parseCsv(file.replace(/^\uFEFF/, ''));
    expect(rows[0]).toContain('哈希');
    expect(rows.slice(1, 6).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[6]?.[0]).toBe('文件校验');
    expect(rows[6]?.[3]).toBe('5 条');
    expect(checkAuditCsv(file)).toEqual({ ok: true, events: 5 });
  });

  it('fails when a cell is changed, even with the checksum recomputed by hand', () => {
    expect(checkAuditCsv(file.replace('10.0.0.1', '10.0.0.2'))).toMatchObject({ ok: false, problem: /文件校验值不符/ });
  });

  it('fails when a line is removed or the checksum line is cut off', () => {
    const lines = file.split('\r\n');
    expect(checkAuditCsv([...lines.slice(0, 2), ...lines.slice(3)].join('\r\n'))).toMatchObject({ ok: false });
    expect(checkAuditCsv(lines.slice(0, -2).join('\r\n') + '\r\n')).toMatchObject({
      ok: false,
      problem: /没有校验行/,
    });
  });

  it('names the event whose hash no longer holds when the whole file was re-made', () => {
    const tampered = events(5);
    tampered[2] = { ...tampered[2]!, ip: '10.9.9.9' };
    expect(checkAuditCsv(auditCsv(tampered))).toMatchObject({
      ok: false,
      problem: /第 4 行（第 3 条记录）的内容与它的哈希不符/,
    });
  });
});
