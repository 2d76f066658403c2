// The audit log for admins: newest first, filtered by person, action and date range, paged.
import 'server-only';

import { requireUser } from '../auth/require-user';
import { parseCalendarDate } from '../dates/calendar-date';
import { instantAt } from '../dates/time-zone';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { DIGEST_FILE, digestFilePath, readDigestFile, storedDigests } from './digest';
import { describeChainReport, verifyAuditChain } from './verify';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 100_000;

export type AuditFilter = { actorId?: string; action?: string; from?: string; to?: string; page?: number };

function whereOf(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  // Dates are calendar days in the publication's time zone; `to` includes the whole day.
  if (filter.from && parseCalendarDate(filter.from)) createdAt.gte = instantAt(filter.from, '00:00');
  if (filter.to && parseCalendarDate(filter.to))
    createdAt.lt = new Date(instantAt(filter.to, '00:00').getTime() + 86_400_000);
  return {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(createdAt.gte || createdAt.lt ? { createdAt } : {}),
  };
}

const SELECT = {
  id: true,
  action: true,
  subjectType: true,
  subjectId: true,
  details: true,
  ip: true,
  createdAt: true,
  actorId: true,
  seq: true,
  prevHash: true,
  hash: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

export async function listAuditEvents(filter: AuditFilter) {
  await requireUser('audit:read');
  const where = whereOf(filter);
  const page = Math.max(1, filter.page ?? 1);
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: SELECT,
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), events };
}

/** The newest AUDIT_EXPORT_LIMIT events of the filter (lib/audit/csv-export.ts writes them oldest first). */
export async function exportAuditEvents(filter: AuditFilter) {
  await requireUser('audit:read');
  return db.auditEvent.findMany({
    where: whereOf(filter),
    orderBy: { seq: 'desc' },
    take: AUDIT_EXPORT_LIMIT,
    select: SELECT,
  });
}

export async function auditFilterOptions() {
  await requireUser('audit:read');
  const [people, actions] = await Promise.all([
    db.user.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, email: true } }),
    // GROUP BY in SQL, answered from the (action, createdAt) index; Prisma's `distinct` would fetch
    // every event and drop the repeats in memory.
    db.auditEvent.groupBy({ by: ['action'], orderBy: { action: 'asc' } }),
  ]);
  return { people, actions: actions.map((row) => row.action) };
}

/**
 * The "校验日志完整性" check on the audit page: the chain and every digest this server holds (the
 * table and DATA_DIR/audit-digests.log). Asked for with a button, not on every page load: it reads
 * the whole log (100,000 events: 3.1 s on SQLite, 2.0 s on PostgreSQL, `npm run bench:audit` on a
 * shared 2-core machine).
 */
export async function checkAuditLog(): Promise<{ ok: boolean; summary: string }> {
  await requireUser('audit:read');
  const digests = [...(await storedDigests(db)), ...readDigestFile(digestFilePath(process.env), DIGEST_FILE)];
  const report = await verifyAuditChain(db, digests);
  return { ok: !report.problem, summary: describeChainReport(report) };
}
