// Figures in a body that still lack alt text (required before publishing, for screen readers).
import { parseDoc, type DocNode } from './types';

export function figuresMissingAlt(node: DocNode): number {
  const own = node.type === 'figure' && !String(node.attrs?.alt ?? '').trim() ? 1 : 0;
  return own + (node.content ?? []).reduce((sum, child) => sum + figuresMissingAlt(child), 0);
}

/** How many figures (photos) a body holds (考核 counts them: lib/stats). */
export function countFigures(node: DocNode): number {
  const own = node.type === 'figure' ? 1 : 0;
  return own + (node.content ?? []).reduce((sum, child) => sum + countFigures(child), 0);
}

/**
 * The figures of a stored body (JSON), kept on each revision as it is written (Revision.figureCount), so
 * that 考核 reads a number instead of parsing every published body of a month.
 */
export function figureCountOf(body: string): number {
  return countFigures(parseDoc(body));
}
