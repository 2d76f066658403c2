// A story as plain text (headline lines and body), to compare a local copy with the server's and to
// show two versions side by side in a conflict.
import { toPlainText } from '@/lib/content/plain-text';
import type { Doc } from '@/lib/content/types';
import type { ArticleInput } from '@/lib/articles/schemas';

type Heads = { kicker: string; headline: string; subheadline: string; byline: string };

export function articleText(fields: Heads, body: Doc): string {
  return [fields.kicker, fields.headline, fields.subheadline, fields.byline, toPlainText(body)].filter(Boolean).join('\n');
}

/** The same for a story input (fields may be missing). */
export function inputText(input: ArticleInput): string {
  return articleText({ kicker: input.kicker ?? '', headline: input.headline ?? '', subheadline: input.subheadline ?? '', byline: input.byline ?? '' }, input.body as Doc);
}
