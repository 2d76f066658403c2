// The pieces of a story the check reads: its one-line and summary fields, and the body block by block
// (a paragraph, heading, list item or table cell; a hit never runs from one block into the next, as
// the editor underlines within a block). Pure, shared by the server check and the editor.
import { ARTICLE_FIELDS } from '../content/fields';
import type { DocNode } from '../content/types';

export const CHECKED_FIELDS = ['kicker', 'headline', 'subheadline', 'summary'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

export type ArticlePiece = { field: CheckedField | 'body'; label: string; text: string };

export type CheckedArticle = Partial<Record<CheckedField, string | null>> & { body: DocNode };

/** A block's text as the editor holds it: text nodes joined, any other inline node one character. */
export function blockTexts(doc: DocNode): string[] {
  const out: string[] = [];
  const walk = (node: DocNode) => {
    const children = node.content ?? [];
    if (children.length && children.every((child) => child.type === 'text' || !child.content)) {
      out.push(children.map((child) => (child.type === 'text' ? (child.text ?? '') : '\ufffc')).join(''));
      return;
    }
    for (const child of children) walk(child);
  };
  walk(doc);
  return out.filter((text) => text.trim() !== '');
}

export function articlePieces(story: CheckedArticle): ArticlePiece[] {
  const pieces: ArticlePiece[] = CHECKED_FIELDS.map((field) => ({
    field,
    label: ARTICLE_FIELDS[field].label,
    text: story[field] ?? '',
  }));
  for (const text of blockTexts(story.body)) pieces.push({ field: 'body', label: ARTICLE_FIELDS.body.label, text });
  return pieces.filter((piece) => piece.text.trim() !== '');
}
