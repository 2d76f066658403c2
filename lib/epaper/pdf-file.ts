// Checks of an uploaded page PDF (pure): a real PDF by its first bytes, within the size limit, and
// with as many pages as it must cover. The messages are what the editor reads.
export const MAX_PDF_BYTES = 60 * 1024 * 1024;
export const PDF_TOO_LARGE = 'PDF 不能超过 60 MB';
export const NOT_A_PDF = '这不是 PDF 文件（文件开头没有 %PDF-），请上传印刷系统导出的 PDF';
export const EMPTY_PDF = '文件为空';

/** A PDF starts with %PDF- (some writers put a few bytes before it; the format allows 1024). */
export function looksLikePdf(head: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  return text.includes('%PDF-');
}

export function pdfFileProblem(size: number, head: Uint8Array): string | null {
  if (size === 0) return EMPTY_PDF;
  if (size > MAX_PDF_BYTES) return PDF_TOO_LARGE;
  return looksLikePdf(head) ? null : NOT_A_PDF;
}

/** What an upload covers: one page (版) of the issue, or the whole issue, page by page. */
export type PdfTarget = { kind: 'page'; page: number } | { kind: 'issue' };

/** Null when a PDF of `pdfPages` pages fits the target in an issue of `issuePages` pages. */
export function pageCountProblem(target: PdfTarget, pdfPages: number, issuePages: number): string | null {
  if (target.kind === 'issue') {
    if (pdfPages === issuePages) return null;
    return pdfPages < issuePages
      ? `这个 PDF 只有 ${pdfPages} 页，本期有 ${issuePages} 个版面：整期 PDF 须每版一页，或按版分别上传`
      : `这个 PDF 有 ${pdfPages} 页，本期只有 ${issuePages} 个版面：请上传本期的 PDF，或先调整版数`;
  }
  if (target.page < 1 || target.page > issuePages) return `本期没有第${target.page}版`;
  return pdfPages === 1 ? null : `这个 PDF 有 ${pdfPages} 页，单版 PDF 只能有 1 页；整期 PDF 请用“整期上传”`;
}

/**
 * How the PDF just imported can become the issue's 版面 PDF: the whole issue when it has a page per
 * 版; one 版 the editor chooses when it has one page (a page exported on its own), offered as the
 * page its stories were printed on when they all share one; otherwise the reason it cannot.
 */
export type ImportedPdfUse =
  { kind: 'issue' } | { kind: 'page'; suggested: number; pages: number } | { kind: 'unusable'; reason: string };

export function importedPdfUse(pdfPages: number, issuePages: number, articlePages: readonly number[]): ImportedPdfUse {
  if (pdfPages === issuePages) return { kind: 'issue' };
  if (pdfPages === 1) {
    const printed = [...new Set(articlePages)];
    const only = printed.length === 1 ? printed[0]! : null;
    return { kind: 'page', suggested: only !== null && only >= 1 && only <= issuePages ? only : 1, pages: issuePages };
  }
  return { kind: 'unusable', reason: pageCountProblem({ kind: 'issue' }, pdfPages, issuePages)! };
}
