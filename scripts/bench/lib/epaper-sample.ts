// The sample issue (第1705期, four pages) printed as one PDF by Chromium from its own stories, and
// attached to it as its 版面 PDF: what bench:epaper times and bench:lighthouse's e-paper page shows.
import type { Db } from '../../../lib/db-client';
import { pagesPdf } from '../../../test/support/pdf-samples';

export const SAMPLE_NUMBER = 1705;

/** Each page's stories (headline and text) in page order. */
export async function samplePages(db: Db): Promise<{ id: string; pages: { headline: string; body: string }[][] }> {
  const issue = await db.issue.findFirstOrThrow({
    where: { number: SAMPLE_NUMBER },
    include: {
      pages: {
        orderBy: { number: 'asc' },
        include: {
          placements: {
            orderBy: { position: 'asc' },
            include: { article: { select: { headline: true, bodyText: true } } },
          },
        },
      },
    },
  });
  const all = issue.pages.flatMap((page) =>
    page.placements.filter((p) => !p.isContinuation).map(({ article }) => article),
  );
  // A story's opening on its page and the rest where it continues; a page the sample leaves empty is
  // filled with other text (a printed page is never blank), which matches no story placed there.
  const pages = issue.pages.map((page) =>
    page.placements.length
      ? page.placements.map(({ article, isContinuation }) => ({
          headline: isContinuation ? `（上接）${article.headline}` : article.headline,
          body: isContinuation ? article.bodyText.slice(400, 1400) : article.bodyText.slice(0, 400),
        }))
      : all.map((article) => ({ headline: '资料', body: article.bodyText.slice(0, 500) })),
  );
  return { id: issue.id, pages };
}

export async function samplePdf(db: Db): Promise<{ issueId: string; pdf: Uint8Array; stories: number }> {
  const sample = await samplePages(db);
  return { issueId: sample.id, pdf: await pagesPdf(sample.pages), stories: sample.pages.flat().length };
}
