// Putting an imported issue into the database: always as a PLANNING issue of draft stories (the
// importer never publishes). A number already in use stops the import unless the caller chose to
// replace that draft; a published issue is never replaced. One transaction: all or nothing.
import type { Db } from '../db-client';
import type { StructuredIssue } from '../issues/structured';
import { loadStructuredIssue } from '../issues/load-structured';
import type { ImportReport } from './report';

export type ImportOutcome =
  | { ok: true; issueId: string; number: number; stories: number; replaced: boolean }
  | { ok: false; error: string; conflict?: 'draft-exists' | 'published' };

/** Problems that make an issue unfit to import at all (shown with the report). */
export function blockingProblems(issue: StructuredIssue, report: ImportReport): string[] {
  const problems: string[] = [];
  if (!issue.number) problems.push('没有找到期号，无法导入');
  if (!issue.date) problems.push('没有找到出版日期，无法导入');
  if (issue.stories.length === 0) problems.push('没有找到任何稿件，无法导入');
  if (issue.stories.some((story) => !story.headline)) problems.push('有稿件没有标题，请先修正文件');
  void report;
  return problems;
}

export async function saveImportedIssue(
  db: Db,
  issue: StructuredIssue,
  options: { actorId: string | null; replace: boolean; auditAction?: string },
): Promise<ImportOutcome> {
  const publication = await db.publication.findFirst({ orderBy: { createdAt: 'asc' }, select: { slug: true, id: true } });
  const slug = publication?.slug ?? 'jinri-kecheng';
  const existing = publication
    ? await db.issue.findUnique({ where: { publicationId_number: { publicationId: publication.id, number: issue.number } }, select: { status: true } })
    : null;
  if (existing?.status === 'PUBLISHED') return { ok: false, error: `第${issue.number}期已出版，导入不能覆盖已出版的期次`, conflict: 'published' };
  if (existing && !options.replace) return { ok: false, error: `第${issue.number}期已有草稿。要用这个文件替换它吗？`, conflict: 'draft-exists' };
  const result = await loadStructuredIssue(db, issue, {
    publicationSlug: slug,
    mode: { kind: 'draft' },
    actorId: options.actorId,
    auditAction: options.auditAction ?? 'issue.import',
    replaceDraft: options.replace,
  });
  if (!result.created) return { ok: false, error: `第${issue.number}期已存在`, conflict: 'draft-exists' };
  return { ok: true, issueId: result.issueId, number: issue.number, stories: result.articleIds.length, replaced: Boolean(existing) };
}
