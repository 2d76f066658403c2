// Audit events are written with the change they record, inside the caller's transaction.
import type { Prisma } from '../generated/prisma/client';

type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

export type AuditInput = {
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
};

export async function recordAudit(tx: AuditWriter, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      details: JSON.stringify(input.details ?? {}),
      ip: input.ip ?? null,
    },
  });
}
