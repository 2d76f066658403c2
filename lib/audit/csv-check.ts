// Checks an exported audit CSV (lib/audit/csv-export.ts) on its own: the checksum line against the
// text above it, each event's hash against its fields, and each event's link to the one before it
// where the two are consecutive. What it cannot tell alone (the database changed since, the whole
// file re-made) the chain and the daily digests tell: `npm run audit:verify` checks those too.
import { auditHash } from './chain';
import { AUDIT_CSV_HEADER, CHECKSUM_LABEL, csvChecksum } from './csv-export';

export type CsvCheck = { ok: true; events: number } | { ok: false; events: number; problem: string };

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** csvCell's apostrophe before a formula-like start, taken off again. */
function uncell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function checkAuditCsv(file: string): CsvCheck {
  const text = file.replace(/^\uFEFF/, '');
  const lastLineStart = text.lastIndexOf(`${CHECKSUM_LABEL},`);
  if (lastLineStart < 0)
    return { ok: false, events: 0, problem: '文件没有校验行：不是本系统导出的审计日志，或末尾被截掉' };
  const body = text.slice(0, lastLineStart);
  const checksumRow = parseCsv(text.slice(lastLineStart))[0] ?? [];
  const rows = parseCsv(body);
  const header = rows.shift() ?? [];
  if (header.join(',') !== AUDIT_CSV_HEADER.join(','))
    return { ok: false, events: 0, problem: '表头与本系统导出的审计日志不同' };
  if (checksumRow[2] !== csvChecksum(body))
    return { ok: false, events: rows.length, problem: '文件校验值不符：导出后文件被改动过' };
  const column = (name: (typeof AUDIT_CSV_HEADER)[number]) => AUDIT_CSV_HEADER.indexOf(name);
  let previous: { seq: number; hash: string } | null = null;
  for (const [index, row] of rows.entries()) {
    const cell = (name: (typeof AUDIT_CSV_HEADER)[number]) => uncell(row[column(name)] ?? '');
    const orNull = (value: string) => (value === '' ? null : value);
    const event = {
      seq: Number(cell('序号')),
      prevHash: cell('前一条哈希'),
      createdAt: new Date(cell('时间（UTC）')),
      actorId: orNull(cell('人员ID')),
      action: cell('动作代码'),
      subjectType: orNull(cell('对象类型')),
      subjectId: orNull(cell('对象')),
      details: cell('详情'),
      ip: orNull(cell('IP')),
    };
    const line = index + 2;
    if (!Number.isInteger(event.seq) || Number.isNaN(event.createdAt.getTime()))
      return { ok: false, events: rows.length, problem: `第 ${line} 行的序号或时间无法读取` };
    if (auditHash(event) !== cell('哈希'))
      return { ok: false, events: rows.length, problem: `第 ${line} 行（第 ${event.seq} 条记录）的内容与它的哈希不符` };
    if (previous && previous.seq + 1 === event.seq && previous.hash !== event.prevHash)
      return {
        ok: false,
        events: rows.length,
        problem: `第 ${line} 行（第 ${event.seq} 条记录）接不上上一行的第 ${previous.seq} 条`,
      };
    previous = { seq: event.seq, hash: cell('哈希') };
  }
  return { ok: true, events: rows.length };
}
