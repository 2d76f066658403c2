// The planner's view of an issue's page PDFs (pure shaping of rows into what components show).
import { parseAreas, type ArticleArea } from './areas';
import { imageUrl } from './files';
import { isUnfinished, scanStatusLabel } from './status';

type ScanRow = {
  id: string;
  pdfSha256: string;
  pdfPage: number;
  pdfPages: number;
  pdfSize: number;
  status: string;
  progress: number;
  error: string | null;
  width: number;
  height: number;
  hasText: boolean;
  areas: string;
  updatedAt: Date;
};

export type ScanView = {
  id: string;
  status: string;
  label: string;
  unfinished: boolean;
  error: string | null;
  hasText: boolean;
  progress: number;
  pdfPage: number;
  pdfPages: number;
  pdfSize: number;
  sha256: string;
  width: number;
  height: number;
  image: string | null;
  large: string | null;
  thumb: string | null;
  areas: ArticleArea[];
};

export function scanView(row: ScanRow): ScanView {
  const ready = row.status === 'READY';
  return {
    id: row.id,
    status: row.status,
    label: scanStatusLabel(row.status, row.progress, row.error),
    unfinished: isUnfinished(row.status),
    error: row.error,
    hasText: row.hasText,
    progress: row.progress,
    pdfPage: row.pdfPage,
    pdfPages: row.pdfPages,
    pdfSize: row.pdfSize,
    sha256: row.pdfSha256,
    width: row.width,
    height: row.height,
    image: ready ? imageUrl(row.pdfSha256, row.pdfPage, 1200) : null,
    large: ready ? imageUrl(row.pdfSha256, row.pdfPage, 2400) : null,
    thumb: ready ? imageUrl(row.pdfSha256, row.pdfPage, 240) : null,
    areas: parseAreas(row.areas),
  };
}

/** Whether readers see something other than the draft: a page needs 发布本版 (or the publishing). */
export function draftDiffers(draft: ScanRow | null, live: ScanRow | null): boolean {
  if (!draft) return live !== null;
  if (!live) return true;
  return draft.pdfSha256 !== live.pdfSha256 || draft.pdfPage !== live.pdfPage || draft.areas !== live.areas;
}
