// The fields that make a story's content (ARTICLE_CONTENT_FIELDS, from the field list): a change to
// any of them is a new revision, and a revision holding the same values is the story's current text.
import { ARTICLE_CONTENT_FIELDS, type ArticleContentField } from '../content/fields';

export type ArticleContent = Record<ArticleContentField, string | null>;

export function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return ARTICLE_CONTENT_FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}
