// The 签发 gate (docs/architecture.md: Proofing). Pure: the workflow service counts the open hits and
// asks here. Earlier levels (初审, 复审) see the hits but are not stopped; 签发 over an open 禁止-level
// hit needs the chief editor's reason, which the sign-off keeps.
import { can } from '../access/capabilities';
import type { Role } from '../generated/prisma/enums';

export type GateAnswer = { ok: true; override: string | null } | { ok: false; error: string };

const MAX_REASON = 500;

export function signoffGate(input: { final: boolean; blocking: number; override: string; role: Role }): GateAnswer {
  const reason = input.override.trim();
  if (!input.final || input.blocking === 0) return { ok: true, override: null };
  if (!reason)
    return {
      ok: false,
      error: `稿件还有 ${input.blocking} 处“禁止”级审校问题，不能签发：请修改，或由总编写明理由后放行`,
    };
  if (!can(input.role, 'proofing:override')) return { ok: false, error: '只有总编可以放行“禁止”级审校问题' };
  if (reason.length > MAX_REASON) return { ok: false, error: `放行理由不能超过 ${MAX_REASON} 字` };
  return { ok: true, override: reason };
}
