// A story as plain text (its heading lines and body): what the editor offers back when a stored
// browser copy belongs to another history of the story and cannot be merged (collab-session.ts).
import { toPlainText } from '@/lib/content/plain-text';
import type { Doc } from '@/lib/content/types';

type Heads = { kicker: string; headline: string; subheadline: string; byline: string };

export function articleText(fields: Heads, body: Doc): string {
  return [fields.kicker, fields.headline, fields.subheadline, fields.byline, toPlainText(body)]
    .filter(Boolean)
    .join('\n');
}
