// The newsroom's import, as the import process runs it (server/import-worker.ts; never on the web
// server's thread, lib/importer/import-process.ts): first a preview (the report as an editable draft,
// nothing written), then the import of the draft as the editor fixed it. The caller has checked the
// user and the capability and read the body within its limit.
import { createHash } from 'node:crypto';

import { UserFacingError, type ActionResult } from '../actions/result';
import { sanitizeDoc } from '../content/sanitize';
import type { Db } from '../db-client';
import { importedAreasJson } from '../epaper/imported-areas';
import { MAX_IMPORT_BYTES } from './decode';
import { draftSchema, fromDraft, needsBeforeSave, toDraft, type ImportDraft } from './draft';
import { storeImportedPhotos } from './import-photos';
import { saveImportedIssue } from './import-service';
import { refusal } from './needs';
import { parseIssue } from './parse-issue';
import { articleAreas, withLayout } from './pdf-layout';
import { readImportFile } from './read-file';
import { reportPages } from './report-pages';
import type { ReportPage } from './unsure-regions';

export type ImportPreview = {
  stage: 'preview';
  fileName: string;
  encoding: string;
  draft: ImportDraft;
  /** Masthead items that are shown but not edited here (name, publisher, lunar date …). */
  found: Record<string, string>;
  existing: 'none' | 'draft' | 'published';
  /** The PDF's page count (null for a text file): after the import it can become the 版面 PDF. */
  pdfPages: number | null;
  /** The PDF's pages (images, paragraph rectangles) for the report; empty for a text file. */
  pages: ReportPage[];
  /** Why the pages have no images (pdftoppm missing or failing), or null. */
  pagesError: string | null;
};
export type ImportDone = {
  stage: 'done';
  number: number;
  stories: number;
  replaced: boolean;
  /** The issue's 版 count and the 版 each story starts on, for attaching the imported PDF. */
  pageCount: number;
  articlePages: number[];
};
export type ImportOutcomeResult = ActionResult<ImportPreview | ImportDone>;

/**
 * The edited draft holds a whole issue's text as JSON: a 10 MB text makes about 28 MB (measured), so
 * 3.5 times the file limit. The import route reads at most this much.
 */
export const MAX_DRAFT_BYTES = MAX_IMPORT_BYTES * 3.5;
export const FILE_TOO_LARGE = '文件过大（上限 10 MB）';
export const DRAFT_TOO_LARGE = '导入内容过大（上限 10 MB 的文件）';

export async function previewImport(db: Db, bytes: Uint8Array, fileName: string): Promise<ImportOutcomeResult> {
  if (bytes.length === 0) return { ok: false, error: '请选择要导入的文件' };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: FILE_TOO_LARGE };
  const decoded = await readImportFile(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const result = withLayout(parseIssue(decoded.text, { titleRoles: decoded.titleRoles }), decoded.layout);
  const refused = refusal(result.issue, result.report);
  if (refused) return { ok: false, error: refused };
  const sha256 = decoded.pdfPages === null ? null : createHash('sha256').update(bytes).digest('hex');
  const draft = toDraft(result, articleAreas(result, decoded.layout), sha256);
  const shown = decoded.pdfPages === null ? { pages: [], error: null } : await reportPages(bytes, decoded.layout);
  const existing = result.issue.number
    ? await db.issue.findFirst({ where: { number: result.issue.number }, select: { status: true } })
    : null;
  const found = ['name', 'publisher', 'hotline', 'lunar', 'weekday', 'address', 'postcode', 'qrLabels'];
  return {
    ok: true,
    stage: 'preview',
    fileName,
    encoding: decoded.encoding,
    draft,
    found: Object.fromEntries(
      found.flatMap((name) => (result.report.masthead[name] ? [[name, result.report.masthead[name]!.value]] : [])),
    ),
    existing: !existing ? 'none' : existing.status === 'PUBLISHED' ? 'published' : 'draft',
    pdfPages: decoded.pdfPages,
    pages: shown.pages,
    pagesError: shown.error,
  };
}

export async function confirmImport(
  db: Db,
  raw: string,
  options: { actorId: string; replace: boolean; mediaDir: string },
): Promise<ImportOutcomeResult> {
  if (raw === '') return { ok: false, error: '请先上传文件并预览' };
  if (Buffer.byteLength(raw) > MAX_DRAFT_BYTES) return { ok: false, error: DRAFT_TOO_LARGE };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: '导入内容已损坏，请重新上传文件' };
  }
  const parsed = draftSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: '导入内容无效，请重新上传文件' };
  // Validated by the schema above; the body nodes are cleaned by the content pipeline below.
  const draft = parsed.data as ImportDraft;
  const needs = needsBeforeSave(draft);
  if (needs.length) return { ok: false, error: `还需填写：${needs.join('、')}` };
  let structured;
  try {
    structured = await storeImportedPhotos(db, fromDraft(draft), options);
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, error: `图片未能导入：${error.message}` };
    throw error;
  }
  const issue = {
    ...structured,
    stories: structured.stories.map((story) => ({ ...story, body: sanitizeDoc(story.body) })),
  };
  const outcome = await saveImportedIssue(db, issue, { actorId: options.actorId, replace: options.replace });
  if (!outcome.ok)
    return {
      ok: false,
      error: outcome.error,
      fieldErrors: outcome.conflict === 'draft-exists' ? { replace: outcome.error } : undefined,
    };
  // The areas the report shows go with the issue, for when its PDF is attached as the 版面 PDF. Written
  // after the import's transaction: should this write fail, the render job finds them from the text
  // layer instead, as for a page of stories written in the newsroom.
  const kept = draft.pdfSha256
    ? importedAreasJson(
        draft.pdfSha256,
        draft.stories.map((story, index) => ({ articleId: outcome.articleIds[index]!, areas: story.areas })),
      )
    : '';
  // Written even when empty: a draft this import replaced may have kept another PDF's.
  await db.issue.update({ where: { id: outcome.issueId }, data: { importedAreas: kept } });
  return {
    ok: true,
    stage: 'done',
    number: outcome.number,
    stories: outcome.stories,
    replaced: outcome.replaced,
    pageCount: issue.pageCount,
    articlePages: issue.stories.map((story) => story.page),
  };
}
