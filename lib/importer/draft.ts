// The import as the editor sees and fixes it on the report page before anything is saved: masthead
// and story fields as plain strings, each story's body as blocks that can be moved, the lines the
// importer could not place, and the fields it is unsure of. Pure and browser-safe: the page edits it,
// the server turns it back into a StructuredIssue (and checks it again) on confirm.
import { z } from 'zod';

import { doc, paragraph } from '../content/builders';
import { ARTICLE_FIELDS, ARTICLE_PRINTED_FIELDS } from '../content/fields';
import { toPlainText } from '../content/plain-text';
import type { DocNode } from '../content/types';
import type { StructuredIssue, StructuredPublication } from '../issues/structured';
import { parseByline } from './bylines';
import type { ImportResult } from './parse-issue';
import type { LaidArea } from './pdf-layout';

// The story's printed fields (from the field list), and the page it was printed on, which the
// importer finds for the issue's page plan rather than for the story's text.
export const DRAFT_FIELDS = [...ARTICLE_PRINTED_FIELDS, 'page'] as const;
export type ArticleField = (typeof DRAFT_FIELDS)[number];

/** What the report page calls a field. */
export function draftFieldLabel(field: ArticleField): string {
  return field === 'page' ? '版次' : ARTICLE_FIELDS[field].label;
}

export const MASTHEAD_FIELDS = ['number', 'date', 'pageCount'] as const;
export type MastheadField = (typeof MASTHEAD_FIELDS)[number];

export type DraftBlock = {
  key: string;
  node: DocNode;
  text: string;
  kind: 'paragraph' | 'heading' | 'table' | 'caption' | 'figure';
  unsure: boolean;
};
export type DraftArticle = {
  key: string;
  line: number;
  continuedOn: number[];
  fields: Record<ArticleField, string>;
  /** Fields the importer is unsure of (or could not find) and the editor has not looked at yet. */
  check: ArticleField[];
  blocks: DraftBlock[];
  /** From a PDF: where the story was read from on each page (its 版面 areas). */
  areas: LaidArea[];
};
export type ImportDraft = {
  masthead: Record<MastheadField, string>;
  check: MastheadField[];
  publication: StructuredPublication;
  pageNames: Record<string, string>;
  stories: DraftArticle[];
  unplaced: { key: string; line: number; text: string }[];
  warnings: string[];
  /** The imported PDF's SHA-256 (null for a text file): its stories' areas go to the 版面 when that PDF is attached. */
  pdfSha256: string | null;
};

function blockKind(node: DocNode): DraftBlock['kind'] {
  if (node.type === 'heading') return 'heading';
  if (node.type === 'table') return 'table';
  if (node.type === 'figure') return 'figure';
  if (node.type === 'paragraph' && node.content?.[0]?.marks?.some((mark) => mark.type === 'bold')) return 'caption';
  return 'paragraph';
}

export function draftBlock(key: string, node: DocNode, unsure = false): DraftBlock {
  return { key, node, text: toPlainText(node), kind: blockKind(node), unsure };
}

/**
 * `areas`: each story's areas from the PDF's page analysis (pdf-layout.ts), by story; `pdfSha256`: the
 * PDF's, which the areas belong to.
 */
export function toDraft(
  { issue, report }: ImportResult,
  areas: LaidArea[][] = [],
  pdfSha256: string | null = null,
): ImportDraft {
  const check: MastheadField[] = [];
  if (!issue.number || report.masthead.number?.confidence === 'low') check.push('number');
  if (!issue.date || report.masthead.date?.confidence === 'low') check.push('date');
  return {
    masthead: {
      number: issue.number ? String(issue.number) : '',
      date: issue.date,
      pageCount: String(issue.pageCount),
    },
    check,
    publication: issue.publication,
    pageNames: Object.fromEntries(
      issue.pages.filter((page) => page.name).map((page) => [String(page.number), page.name!]),
    ),
    stories: issue.stories.map((story, index) => {
      const found = report.stories[index]!;
      const low = DRAFT_FIELDS.filter((name) => found.fields[name]?.confidence === 'low');
      if (!story.headline && !low.includes('headline')) low.push('headline');
      return {
        key: `s${index}`,
        line: found.line,
        continuedOn: story.continuedOn,
        fields: {
          kicker: story.kicker ?? '',
          headline: story.headline,
          subheadline: story.subheadline ?? '',
          dateline: story.dateline ?? '',
          byline: story.byline ?? '',
          page: String(story.page),
        },
        check: low,
        blocks: story.body.content.map((node, position) =>
          draftBlock(`s${index}b${position}`, node, found.unsureHeadings.includes(position)),
        ),
        areas: areas[index] ?? [],
      };
    }),
    unplaced: report.unplaced.map((line) => ({ key: `u${line.line}`, line: line.line, text: line.text })),
    warnings: report.warnings,
    pdfSha256,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const positiveInteger = (value: string) => /^\d{1,6}$/u.test(value.trim()) && Number(value) > 0;

/** What must be given before the issue can be saved; empty when it can. */
export function needsBeforeSave(draft: ImportDraft): string[] {
  const needs: string[] = [];
  if (!positiveInteger(draft.masthead.number)) needs.push('期号');
  if (!ISO_DATE.test(draft.masthead.date.trim()) || Number.isNaN(Date.parse(draft.masthead.date)))
    needs.push('出版日期（如 2020-08-24）');
  if (draft.stories.length === 0) needs.push('至少一篇稿件');
  draft.stories.forEach((story, index) => {
    for (const field of ARTICLE_PRINTED_FIELDS) {
      if (ARTICLE_FIELDS[field].required && !story.fields[field].trim())
        needs.push(`稿件${index + 1}的${draftFieldLabel(field)}`);
    }
    if (!positiveInteger(story.fields.page)) needs.push(`稿件${index + 1}的${draftFieldLabel('page')}`);
  });
  return needs;
}

/** What the editor may still want to look at: unsure fields, subheadings that may be headlines, unplaced lines. */
export function stillToCheck(draft: ImportDraft): { fields: number; headings: number; unplaced: number } {
  return {
    fields: draft.check.length + draft.stories.reduce((sum, story) => sum + story.check.length, 0),
    headings: draft.stories.reduce((sum, story) => sum + story.blocks.filter((block) => block.unsure).length, 0),
    unplaced: draft.unplaced.length,
  };
}

export function fromDraft(draft: ImportDraft): StructuredIssue {
  const text = (value: string) => value.trim() || null;
  const stories = draft.stories.map((story) => {
    const byline = text(story.fields.byline);
    return {
      page: Number(story.fields.page),
      continuedOn: story.continuedOn.filter((page) => page > Number(story.fields.page)),
      kicker: text(story.fields.kicker),
      headline: story.fields.headline.trim(),
      subheadline: text(story.fields.subheadline),
      dateline: text(story.fields.dateline),
      byline: byline ? parseByline(byline).byline : null,
      authors: byline ? parseByline(byline).authors : [],
      body: doc(...story.blocks.map((block) => block.node)),
    };
  });
  const highest = Math.max(1, ...stories.flatMap((story) => [story.page, ...story.continuedOn]));
  const pageCount = Math.max(Number(draft.masthead.pageCount) || 0, highest);
  return {
    publication: draft.publication,
    number: Number(draft.masthead.number),
    date: draft.masthead.date.trim(),
    pageCount,
    pages: Array.from({ length: pageCount }, (_, index) => ({
      number: index + 1,
      name: draft.pageNames[String(index + 1)] ?? null,
    })),
    stories,
  };
}

/** A line of text put into a story by the editor. */
export function paragraphBlock(key: string, value: string): DraftBlock {
  return draftBlock(key, paragraph(value));
}

const short = z.string().max(200);
// A print export may hold one very long story (a 10 MB text is about 80,000 paragraphs); the posted
// draft's byte limit (actions.ts) is what bounds it, this only refuses absurd counts.
const MAX_BLOCKS_PER_ARTICLE = 200_000;
/** A photo the PDF held travels in the draft as a JPEG data URL until the confirm stores it. */
export const DRAFT_PHOTO_SRC = /^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/u;
const nodeSchema = z
  .record(z.string(), z.unknown())
  .refine(
    (node) =>
      ['paragraph', 'heading', 'table'].includes(String(node.type)) ||
      (node.type === 'figure' &&
        DRAFT_PHOTO_SRC.test(String((node.attrs as { src?: unknown } | undefined)?.src ?? ''))),
    '正文只能是段落、小标题、表格或 PDF 中的图片',
  );
const fraction = z.number().finite().min(0).max(1);
const areaSchema = z.object({
  pdfPage: z.number().int().min(1).max(999),
  rects: z.array(z.object({ x: fraction, y: fraction, w: fraction, h: fraction })).max(12),
});
export const draftSchema = z.object({
  masthead: z.object({ number: short, date: short, pageCount: short }),
  check: z.array(z.enum(MASTHEAD_FIELDS)).max(3),
  publication: z.object({
    name: short,
    publisher: short,
    hotline: short,
    address: short.nullable(),
    postcode: short.nullable(),
  }),
  pageNames: z.record(z.string().max(3), short),
  stories: z
    .array(
      z.object({
        key: z.string().max(40),
        line: z.number().int(),
        continuedOn: z.array(z.number().int().min(1).max(999)).max(20),
        fields: z.object(
          Object.fromEntries(DRAFT_FIELDS.map((field) => [field, short])) as Record<ArticleField, typeof short>,
        ),
        check: z.array(z.enum(DRAFT_FIELDS)).max(DRAFT_FIELDS.length),
        blocks: z
          .array(
            z.object({
              key: z.string().max(40),
              node: nodeSchema,
              text: z.string(),
              kind: z.enum(['paragraph', 'heading', 'table', 'caption', 'figure']),
              unsure: z.boolean(),
            }),
          )
          .max(MAX_BLOCKS_PER_ARTICLE),
        areas: z.array(areaSchema).max(50).default([]),
      }),
    )
    .max(500),
  unplaced: z
    .array(z.object({ key: z.string().max(40), line: z.number().int(), text: z.string().max(5000) }))
    .max(5000),
  warnings: z.array(z.string().max(500)).max(500),
  pdfSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/u)
    .nullable()
    .default(null),
});

/** What the confirm button says: what must still be filled in (and then it cannot be pressed), or what still deserves a look. */
export function confirmState(draft: ImportDraft): { disabled: boolean; label: string } {
  const needs = needsBeforeSave(draft);
  if (needs.length) return { disabled: true, label: `还需填写：${needs.join('、')}` };
  const { fields, headings, unplaced } = stillToCheck(draft);
  const open = [
    fields ? `${fields}处待核对` : '',
    headings ? `${headings}个小标题待确认` : '',
    unplaced ? `${unplaced}行未归类` : '',
  ].filter(Boolean);
  return { disabled: false, label: open.length ? `确认导入为草稿（仍有${open.join('、')}）` : '确认导入为草稿' };
}
