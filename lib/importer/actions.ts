'use server';
// The newsroom's import page: first a preview (the report, nothing written), then the import itself.
import { db } from '../db';
import { requireUser } from '../auth/require-user';
import { guarded, type ActionResult } from '../actions/result';
import { decodeImportFile, MAX_IMPORT_BYTES } from './decode';
import { parseIssue } from './parse-issue';
import { blockingProblems, saveImportedIssue } from './import-service';
import type { ImportReport } from './report';

export type ImportPreview = {
  stage: 'preview';
  fileName: string;
  encoding: string;
  number: number;
  date: string;
  pageCount: number;
  stories: { headline: string; kicker: string | null; subheadline: string | null; page: number; byline: string | null; blocks: number }[];
  report: ImportReport;
  problems: string[];
  existing: 'none' | 'draft' | 'published';
};
export type ImportDone = { stage: 'done'; number: number; stories: number; replaced: boolean };

export async function importIssueAction(_prev: unknown, formData: FormData): Promise<ActionResult<ImportPreview | ImportDone>> {
  return guarded<ActionResult<ImportPreview | ImportDone>>(async (): Promise<ActionResult<ImportPreview | ImportDone>> => {
    const user = await requireUser('issue:import');
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return { ok: false, error: '请选择要导入的文件' };
    if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: '文件过大（上限 10 MB）' };
    const decoded = decodeImportFile(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return { ok: false, error: decoded.error };
    const { issue, report } = parseIssue(decoded.text);
    const problems = blockingProblems(issue, report);

    if (formData.get('intent') !== 'confirm') {
      const existing = issue.number ? await db.issue.findFirst({ where: { number: issue.number }, select: { status: true } }) : null;
      return {
        ok: true,
        stage: 'preview',
        fileName: file.name,
        encoding: decoded.encoding,
        number: issue.number,
        date: issue.date,
        pageCount: issue.pageCount,
        stories: issue.stories.map((story) => ({
          headline: story.headline, kicker: story.kicker, subheadline: story.subheadline, page: story.page, byline: story.byline, blocks: story.body.content.length,
        })),
        report,
        problems,
        existing: !existing ? 'none' : existing.status === 'PUBLISHED' ? 'published' : 'draft',
      };
    }
    if (problems.length) return { ok: false, error: problems.join('；') };
    const outcome = await saveImportedIssue(db, issue, { actorId: user.id, replace: formData.get('replace') === 'yes' });
    if (!outcome.ok) return { ok: false, error: outcome.error };
    return { ok: true, stage: 'done', number: outcome.number, stories: outcome.stories, replaced: outcome.replaced };
  });
}
