// The audit log as CSV for an assessor: what a person reads (local time, names, labels) and, per
// event, the fields its hash covers exactly as hashed (seq, UTC instant, actor id, action code …,
// prevHash, hash), oldest first. The last line is a SHA-256 of everything above it, so a copy can
// be checked on its own: `npm run audit:verify -- --csv <file>` recomputes each event's hash, the
// links between consecutive events and that checksum (lib/audit/csv-check.ts).
import { createHash } from 'node:crypto';

import { formatDateTime } from '../dates/format';
import type { ChainedEvent } from './chain';
import { toCsv } from './csv';
import { auditActionLabel } from './labels';

export type ExportedEvent = ChainedEvent & { hash: string; actor: { name: string; email: string } | null };

export const AUDIT_CSV_HEADER = [
  '序号',
  '时间',
  '人员',
  '邮箱',
  '动作',
  '动作代码',
  '对象类型',
  '对象',
  '详情',
  'IP',
  '时间（UTC）',
  '人员ID',
  '前一条哈希',
  '哈希',
] as const;

export const CHECKSUM_LABEL = '文件校验';

/** `events` in any order; written oldest first. */
export function auditCsv(events: readonly ExportedEvent[]): string {
  const rows = [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((event) => [
      event.seq,
      formatDateTime(event.createdAt),
      event.actor?.name ?? '',
      event.actor?.email ?? '',
      auditActionLabel(event.action),
      event.action,
      event.subjectType ?? '',
      event.subjectId ?? '',
      event.details,
      event.ip ?? '',
      event.createdAt.toISOString(),
      event.actorId ?? '',
      event.prevHash,
      event.hash,
    ]);
  const body = toCsv([AUDIT_CSV_HEADER, ...rows]);
  return body + toCsv([[CHECKSUM_LABEL, 'SHA-256', csvChecksum(body), `${rows.length} 条`]]).slice(1);
}

/** SHA-256 of the text above the checksum line, without the BOM. */
export function csvChecksum(body: string): string {
  return createHash('sha256')
    .update(body.replace(/^\uFEFF/, ''), 'utf8')
    .digest('hex');
}
