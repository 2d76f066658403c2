// What the 410 lookup reads, whichever database it reads it from.
export type RetractedArticle = { headline: string; note: string | null; retractedAt: Date };

export type RetractedRow = {
  status: string;
  retractedAt: string | number | Date | null;
  retractionNote: string | null;
  headline: string | null;
};

export type RetractedLookup = (slug: string) => Promise<RetractedArticle | null>;

export function noticeOf(row: RetractedRow | undefined): RetractedArticle | null {
  if (row?.status !== 'RETRACTED' || row.retractedAt === null || row.headline === null) return null;
  return { headline: row.headline, note: row.retractionNote, retractedAt: new Date(row.retractedAt) };
}
