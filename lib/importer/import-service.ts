// Putting an imported issue into the database: always as a PLANNING issue of draft stories (the
// importer never publishes). A number already in use stops the import unless the caller chose to
// replace that draft; a published issue is never replaced. One transaction: all or nothing.
import { parseCalendarDate } from '../dates/calendar-date';
import type { Db } from '../db-client';
import { loadStructuredIssue } from '../issues/load-structured';
import type { StructuredIssue } from '../issues/structured';
import { findPublication } from '../publication/lookup';

export type ImportOutcome =
  | { ok: true; issueId: string; articleIds: string[]; number: number; stories: number; replaced: boolean }
  | { ok: false; error: string; conflict?: 'draft-exists' | 'published' };

export async function saveImportedIssue(
  db: Db,
  issue: StructuredIssue,
  options: { actorId: string | null; replace: boolean; auditAction?: string },
): Promise<ImportOutcome> {
  // The page and the command line ask for these first; this is the last guard before writing.
  if (!Number.isInteger(issue.number) || issue.number < 1) return { ok: false, error: '缺少期号，没有写入' };
  if (!parseCalendarDate(issue.date)) return { ok: false, error: '缺少有效的出版日期，没有写入' };
  if (issue.stories.some((story) => !story.headline.trim())) return { ok: false, error: '有稿件没有主题，没有写入' };
  const publication = await findPublication(db, { slug: true, id: true });
  const slug = publication?.slug ?? 'jinri-kecheng';
  const existing = publication
    ? await db.issue.findUnique({
        where: { publicationId_number: { publicationId: publication.id, number: issue.number } },
        select: { status: true },
      })
    : null;
  if (existing?.status === 'PUBLISHED')
    return { ok: false, error: `第${issue.number}期已出版，导入不能覆盖已出版的期次`, conflict: 'published' };
  if (existing && !options.replace)
    return { ok: false, error: `第${issue.number}期已有草稿。要用这个文件替换它吗？`, conflict: 'draft-exists' };
  const result = await loadStructuredIssue(db, issue, {
    publicationSlug: slug,
    mode: { kind: 'draft' },
    actorId: options.actorId,
    auditAction: options.auditAction ?? 'issue.import',
    replaceDraft: options.replace,
  });
  if (!result.created) return { ok: false, error: `第${issue.number}期已存在`, conflict: 'draft-exists' };
  return {
    ok: true,
    issueId: result.issueId,
    articleIds: result.articleIds,
    number: issue.number,
    stories: result.articleIds.length,
    replaced: Boolean(existing),
  };
}
