// A readable diff between two versions of a story, with jsdiff: paragraphs are matched
// first, then a changed paragraph is compared character by character. Chinese has no spaces, so a
// word-level diff would mark the whole paragraph; characters show the one 的 that became 地.
import { diffArrays, diffChars } from 'diff';

import { ARTICLE_DIFF_FIELDS, ARTICLE_FIELDS, type ArticleDiffField } from '../content/fields';

export type Segment = { op: 'same' | 'add' | 'del'; text: string };
export type DiffLine =
  | { op: 'same' | 'add' | 'del'; text: string }
  | { op: 'change'; segments: Segment[] }
  /** Unchanged paragraphs left out between the changes. */
  | { op: 'skip'; count: number };

/** Below this share of characters in common, a paragraph reads as replaced rather than edited. */
const EDITED_SHARE = 0.4;

export function diffText(before: string, after: string): Segment[] {
  return diffChars(before, after).map((part) => ({
    op: part.added ? 'add' : part.removed ? 'del' : 'same',
    text: part.value,
  }));
}

/** The fields outside the body that differ between two revisions, each with its label and its character diff. */
export function diffFields(
  before: Record<ArticleDiffField, string | null>,
  after: Record<ArticleDiffField, string | null>,
): { label: string; segments: Segment[] }[] {
  return ARTICLE_DIFF_FIELDS.filter((field) => (before[field] ?? '') !== (after[field] ?? '')).map((field) => ({
    label: ARTICLE_FIELDS[field].label,
    segments: diffText(before[field] ?? '', after[field] ?? ''),
  }));
}

/** One changed paragraph: character changes inside it, or removed-and-added when little is left. */
function pairLines(before: string, after: string): DiffLine[] {
  const segments = diffText(before, after);
  const common = segments
    .filter((segment) => segment.op === 'same')
    .reduce((sum, segment) => sum + segment.text.length, 0);
  if (common >= EDITED_SHARE * Math.max(before.length, after.length)) return [{ op: 'change', segments }];
  return [
    { op: 'del', text: before },
    { op: 'add', text: after },
  ];
}

/** Removed paragraphs followed by added ones: the first of each are paired as edits, the rest stand alone. */
function changedBlock(removed: string[], added: string[]): DiffLine[] {
  const lines: DiffLine[] = [];
  const paired = Math.min(removed.length, added.length);
  for (let index = 0; index < paired; index += 1) lines.push(...pairLines(removed[index]!, added[index]!));
  for (const text of removed.slice(paired)) lines.push({ op: 'del', text });
  for (const text of added.slice(paired)) lines.push({ op: 'add', text });
  return lines;
}

type Block = { same: string[] } | { removed: string[]; added: string[] };

/** Paragraph blocks: unchanged runs, and removed-then-added runs between them. */
function paragraphBlocks(before: string, after: string): Block[] {
  const blocks: Block[] = [];
  for (const part of diffArrays(before.split('\n'), after.split('\n'))) {
    const last = blocks.at(-1);
    if (!part.added && !part.removed) blocks.push({ same: part.value });
    else if (last && 'removed' in last) (part.removed ? last.removed : last.added).push(...part.value);
    else blocks.push(part.removed ? { removed: part.value, added: [] } : { removed: [], added: part.value });
  }
  return blocks;
}

export type ParagraphLine = { op: 'same' | 'add' | 'del'; text: string };

/** Whole paragraphs, an edited one as removed then added: the conflict dialog's side-by-side reading. */
export function diffParagraphs(before: string, after: string): ParagraphLine[] {
  const lines: ParagraphLine[] = paragraphBlocks(before, after).flatMap((block): ParagraphLine[] =>
    'same' in block
      ? block.same.map((text) => ({ op: 'same', text }))
      : [
          ...block.removed.map((text) => ({ op: 'del' as const, text })),
          ...block.added.map((text) => ({ op: 'add' as const, text })),
        ],
  );
  return lines.filter((line) => line.text !== '' || line.op === 'same');
}

/** Paragraphs matched first, then the characters inside each edited paragraph: the history page's diff. */
export function diffRevisionText(before: string, after: string): DiffLine[] {
  const lines = paragraphBlocks(before, after).flatMap((block): DiffLine[] =>
    'same' in block ? block.same.map((text) => ({ op: 'same', text })) : changedBlock(block.removed, block.added),
  );
  // Empty paragraphs added or removed are noise; unchanged ones keep the layout.
  return lines.filter((line) => (line.op !== 'add' && line.op !== 'del') || line.text !== '');
}

/** Leaves `context` unchanged paragraphs around each change and folds longer unchanged stretches. */
export function foldUnchanged(lines: DiffLine[], context = 1): DiffLine[] {
  const changedAt = lines.flatMap((line, index) => (line.op === 'same' ? [] : [index]));
  const near = (index: number) => changedAt.some((at) => Math.abs(at - index) <= context);
  const out: DiffLine[] = [];
  let hidden: DiffLine[] = [];
  const flush = () => {
    // Folding a single paragraph would hide nothing worth the line that says so.
    out.push(...(hidden.length > 1 ? [{ op: 'skip' as const, count: hidden.length }] : hidden));
    hidden = [];
  };
  lines.forEach((line, index) => {
    if (line.op !== 'same' || near(index)) {
      flush();
      out.push(line);
    } else {
      hidden.push(line);
    }
  });
  flush();
  return out;
}
