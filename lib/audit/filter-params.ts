// Reading the audit filter from a query string (page and CSV export share it).
import type { AuditFilter } from './queries';

type Params = { get(name: string): string | null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function auditFilterFrom(params: Params): AuditFilter {
  const text = (name: string) => params.get(name)?.trim().slice(0, 100) || undefined;
  const date = (name: string) => {
    const value = text(name);
    return value && DATE.test(value) ? value : undefined;
  };
  const page = Number(params.get('page'));
  return {
    actorId: text('actor'),
    action: text('action'),
    from: date('from'),
    to: date('to'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function auditQueryString(filter: AuditFilter, page?: number): string {
  const query = new URLSearchParams();
  if (filter.actorId) query.set('actor', filter.actorId);
  if (filter.action) query.set('action', filter.action);
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  if (page) query.set('page', String(page));
  return query.toString();
}
