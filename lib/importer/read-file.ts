// Any file the importer is given → text for the parser: a PDF through its text layer, anything else
// through decode.ts (UTF-8, GB18030, UTF-16). Size and content are refused with a Chinese sentence.
import { decodeImportFile, MAX_IMPORT_BYTES } from './decode';
import type { PdfPageLayout } from './pdf-layout';
import { isPdf, pdfToText } from './pdf-text';
import type { TitleRoles } from './title-block';

/**
 * `pdfPages`: the page count when the file is a PDF (the import page offers it as the 版面 PDF);
 * `titleRoles`: the title lines whose role the PDF's type sizes tell, for parseIssue.
 */
export type ReadFile =
  | {
      ok: true;
      text: string;
      encoding: string;
      pdfPages: number | null;
      titleRoles: TitleRoles;
      /** A PDF's pages as analysed (paragraph boxes, photos); empty for a text file. */
      layout: PdfPageLayout[];
    }
  | { ok: false; error: string };

export async function readImportFile(bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return { ok: false, error: `文件过大（上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）` };
  if (isPdf(bytes)) {
    const read = await pdfToText(bytes);
    return read.ok
      ? {
          ok: true,
          text: read.text,
          encoding: `PDF 文字层（${read.pages}页）`,
          pdfPages: read.pages,
          titleRoles: read.titleRoles,
          layout: read.layout,
        }
      : read;
  }
  const decoded = decodeImportFile(bytes);
  return decoded.ok ? { ...decoded, pdfPages: null, titleRoles: new Map(), layout: [] } : decoded;
}
