// An issue with its stories as JSON (npm run export), in the same StructuredIssue shape the importer
// and the sample issue use, so the file can be imported back (npm run import -- issue.json).
import { z } from 'zod';

import { parseDoc } from '../content/types';
import type { Db } from '../db-client';
import type { StructuredIssue } from './structured';

export const EXPORT_FORMAT = 'jinri-kecheng.issue';
export const EXPORT_VERSION = 1;

export type IssueExport = {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  status: string;
  publishAt: string | null;
  issue: StructuredIssue;
};

export async function exportIssue(db: Db, number: number, now = new Date()): Promise<IssueExport | null> {
  const issue = await db.issue.findFirst({
    where: { number },
    orderBy: { createdAt: 'asc' },
    include: {
      publication: true,
      pages: {
        orderBy: { number: 'asc' },
        include: {
          placements: {
            orderBy: { position: 'asc' },
            include: {
              article: {
                include: { authors: { orderBy: { position: 'asc' } }, placements: { include: { page: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!issue) return null;
  const stories = issue.pages.flatMap((page) =>
    page.placements
      .filter((placement) => !placement.isContinuation && !placement.article.deletedAt)
      .map(({ article }) => ({
        page: page.number,
        continuedOn: article.placements
          .filter((p) => p.isContinuation && p.page.issueId === issue.id)
          .map((p) => p.page.number)
          .sort((a, b) => a - b),
        kicker: article.kicker,
        headline: article.headline,
        subheadline: article.subheadline,
        dateline: article.dateline,
        byline: article.byline,
        authors: article.authors.map((author) => ({ name: author.name, label: author.label })),
        body: parseDoc(article.body),
      })),
  );
  const { publication } = issue;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    status: issue.status,
    publishAt: issue.publishAt?.toISOString() ?? null,
    issue: {
      publication: {
        name: publication.name,
        publisher: publication.publisher,
        hotline: publication.hotline,
        address: publication.address || null,
        postcode: publication.postcode || null,
      },
      number: issue.number,
      date: issue.date,
      pageCount: issue.pageCount,
      pages: issue.pages.map((page) => ({ number: page.number, name: page.name })),
      stories,
    },
  };
}

const docSchema = z
  .object({ type: z.literal('doc'), content: z.array(z.record(z.string(), z.unknown())) })
  .passthrough();
const articleSchema = z.object({
  page: z.number().int().min(1),
  continuedOn: z.array(z.number().int().min(1)),
  kicker: z.string().nullable(),
  headline: z.string().min(1),
  subheadline: z.string().nullable(),
  dateline: z.string().nullable(),
  byline: z.string().nullable(),
  authors: z.array(z.object({ name: z.string().min(1), label: z.string() })),
  body: docSchema,
});
const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  issue: z.object({
    publication: z.object({
      name: z.string(),
      publisher: z.string(),
      hotline: z.string(),
      address: z.string().nullable(),
      postcode: z.string().nullable(),
    }),
    number: z.number().int().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    pageCount: z.number().int().min(1).max(200),
    pages: z.array(z.object({ number: z.number().int().min(1), name: z.string().nullable() })),
    stories: z.array(articleSchema),
  }),
});

/** Reads an export file back; a message in Chinese when it is not one. */
export function readIssueExport(text: string): { ok: true; issue: StructuredIssue } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: '不是有效的 JSON 文件' };
  }
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      error:
        `不是本系统导出的期次文件：${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    };
  return { ok: true, issue: parsed.data.issue as StructuredIssue };
}
