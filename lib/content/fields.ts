// A story's fields as the code reads them: the one list of them (field-list.ts: label, kind, limits,
// required, printed) and the sets of it each part needs. The editor, the co-editing document, the
// revision log and diff, the import report and the save's validation all read it, so a field added to
// the list appears in each of them (or fails the type check where it must be handled by hand).
// It lives in lib/content, the folder every other one may import without an import cycle
// (lib/articles imports lib/revisions, which reads it), and is browser-safe: components import it.
import { ARTICLE_FIELDS, type FieldKind } from './field-list';

export { ARTICLE_FIELDS, type FieldKind } from './field-list';

type Registry = typeof ARTICLE_FIELDS;
export type ArticleFieldKey = keyof Registry;

/** Every field, in the order the newsroom reads a story (引题 first, 正文 last). */
export const ARTICLE_FIELD_KEYS = Object.keys(ARTICLE_FIELDS) as ArticleFieldKey[];

type KeysWhere<Shape> = { [Key in ArticleFieldKey]: Registry[Key] extends Shape ? Key : never }[ArticleFieldKey];

const TEXT_KINDS = ['line', 'lines', 'address'] as const;

/** The plain-text fields with a most length. */
export type ArticleLimitedField = KeysWhere<{ kind: (typeof TEXT_KINDS)[number]; max: number }>;

function keysOfKind<const Kinds extends readonly FieldKind[]>(...kinds: Kinds): KeysWhere<{ kind: Kinds[number] }>[] {
  return ARTICLE_FIELD_KEYS.filter((key): key is KeysWhere<{ kind: Kinds[number] }> =>
    kinds.some((kind) => kind === ARTICLE_FIELDS[key].kind),
  );
}

/** The fields held as plain text (each a shared text in the co-editing document). */
export const ARTICLE_TEXT_FIELDS = keysOfKind(...TEXT_KINDS);
export type ArticleTextField = (typeof ARTICLE_TEXT_FIELDS)[number];

/** The fields that make the story's text: a change to any is a new revision. */
export const ARTICLE_CONTENT_FIELDS = keysOfKind('line', 'lines', 'rich');
export type ArticleContentField = (typeof ARTICLE_CONTENT_FIELDS)[number];

/** The story's text outside the body: compared character by character between revisions. */
export const ARTICLE_DIFF_FIELDS = keysOfKind('line', 'lines');
export type ArticleDiffField = (typeof ARTICLE_DIFF_FIELDS)[number];

/** The fields the print importer reads from the page. */
export const ARTICLE_PRINTED_FIELDS = ARTICLE_FIELD_KEYS.filter(
  (key): key is KeysWhere<{ printed: true }> => ARTICLE_FIELDS[key].printed,
);

/** The label a form shows: the word, then 必填 for a required field or the note the form gives. */
export function fieldLabel(key: ArticleFieldKey, note?: string): string {
  const { label, required } = ARTICLE_FIELDS[key];
  const aside = required ? '必填' : note;
  return aside ? `${label}（${aside}）` : label;
}
