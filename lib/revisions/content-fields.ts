// The fields that make a story's content: a change to any of them is a new revision, and a revision
// holding the same values is the story's current text.
export const CONTENT_FIELDS = ['kicker', 'headline', 'subheadline', 'dateline', 'byline', 'summary', 'body'] as const;

export type ArticleContent = Record<(typeof CONTENT_FIELDS)[number], string | null>;

export function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return CONTENT_FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}
