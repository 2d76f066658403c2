// Highlighted snippets for search results (pure): a window of the text around the first hit, HTML
// escaped, with every occurrence of the query's words wrapped in <mark>.
import { foldRadicals } from '../text/pdf';

function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words to highlight: the query's runs of Han characters or of letters/digits, longest first. */
export function highlightTerms(query: string): string[] {
  const runs =
    foldRadicals(query)
      .normalize('NFKC')
      .match(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu) ?? [];
  return [...new Set(runs)].sort((a, b) => b.length - a.length).slice(0, 16);
}

export function snippet(text: string, query: string, width = 90): string {
  // The text keeps its own characters (full-width punctuation stays as written).
  const flat = text.replace(/\s+/g, ' ').trim();
  const terms = highlightTerms(query);
  if (terms.length === 0) return escapeHtml([...flat].slice(0, width).join(''));
  const pattern = new RegExp(terms.map(escapeRegExp).join('|'), 'giu');
  const first = flat.search(pattern);
  const chars = [...flat];
  // Start a little before the first hit so the reader sees its context.
  const hitIndex = first < 0 ? 0 : [...flat.slice(0, first)].length;
  const start = Math.max(0, hitIndex - Math.floor(width / 4));
  const window = chars.slice(start, start + width).join('');
  const marked = escapeHtml(window).replace(
    new RegExp(terms.map((t) => escapeRegExp(escapeHtml(t))).join('|'), 'giu'),
    (hit) => `<mark>${hit}</mark>`,
  );
  return `${start > 0 ? '…' : ''}${marked}${start + width < chars.length ? '…' : ''}`;
}
