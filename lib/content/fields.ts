// The one list of a story's fields: what each is called in the newsroom, what kind of value it
// holds, its limits and whether it must be filled. The editor, the co-editing document, the
// revision log and diff, the import report and the save's validation all read it, so a field added
// here appears in each of them (or fails the type check where it must be handled by hand).
// It lives in lib/content, the folder every other one may import without an import cycle
// (lib/articles imports lib/revisions, which reads this list), and is browser-safe: components import it.

/**
 * What a field holds. `line`: one line of plain text; `lines`: plain text that may run over lines;
 * `address`: the story's web address (kept when the text changes, so not part of a revision);
 * `rich`: the body, a ProseMirror document.
 */
export type FieldKind = 'line' | 'lines' | 'address' | 'rich';

type FieldSpec = {
  /** The word the newsroom uses (and the form shows). */
  readonly label: string;
  readonly kind: FieldKind;
  /** Most characters a save may hold: of the trimmed text, or for the body of its document as JSON. */
  readonly max?: number;
  /** Must be filled before the story goes on (submitted, imported); drafts may be saved without it. */
  readonly required: boolean;
  /** The print importer finds it on the page, and the import report lets the editor correct it. */
  readonly printed: boolean;
};

export const ARTICLE_FIELDS = {
  kicker: { label: '引题', kind: 'line', max: 100, required: false, printed: true },
  headline: { label: '主题', kind: 'line', max: 100, required: true, printed: true },
  subheadline: { label: '副题', kind: 'line', max: 100, required: false, printed: true },
  dateline: { label: '电头', kind: 'line', max: 40, required: false, printed: true },
  byline: { label: '署名', kind: 'line', max: 200, required: false, printed: true },
  summary: { label: '摘要', kind: 'lines', max: 300, required: false, printed: false },
  slug: { label: '网址', kind: 'address', max: 80, required: false, printed: false },
  // A print export's longest story is far below this; a larger body is a paste gone wrong.
  body: { label: '正文', kind: 'rich', max: 2_000_000, required: false, printed: false },
} as const satisfies Record<string, FieldSpec>;

type Registry = typeof ARTICLE_FIELDS;
export type ArticleFieldKey = keyof Registry;

/** Every field, in the order the newsroom reads a story (引题 first, 正文 last). */
export const ARTICLE_FIELD_KEYS = Object.keys(ARTICLE_FIELDS) as ArticleFieldKey[];

type KeysWhere<Shape> = { [Key in ArticleFieldKey]: Registry[Key] extends Shape ? Key : never }[ArticleFieldKey];

/** The plain-text fields with a most length. */
export type ArticleLimitedField = KeysWhere<{ kind: 'line' | 'lines' | 'address'; max: number }>;

function keysOfKind<const Kinds extends readonly FieldKind[]>(...kinds: Kinds): KeysWhere<{ kind: Kinds[number] }>[] {
  return ARTICLE_FIELD_KEYS.filter((key): key is KeysWhere<{ kind: Kinds[number] }> => kinds.some((kind) => kind === ARTICLE_FIELDS[key].kind));
}

/** The fields held as plain text (each a shared text in the co-editing document). */
export const ARTICLE_TEXT_FIELDS = keysOfKind('line', 'lines', 'address');
export type ArticleTextField = (typeof ARTICLE_TEXT_FIELDS)[number];

/** The fields that make the story's text: a change to any is a new revision. */
export const ARTICLE_CONTENT_FIELDS = keysOfKind('line', 'lines', 'rich');
export type ArticleContentField = (typeof ARTICLE_CONTENT_FIELDS)[number];

/** The story's text outside the body: compared character by character between revisions. */
export const ARTICLE_DIFF_FIELDS = keysOfKind('line', 'lines');
export type ArticleDiffField = (typeof ARTICLE_DIFF_FIELDS)[number];

/** The fields the print importer reads from the page. */
export const ARTICLE_PRINTED_FIELDS = ARTICLE_FIELD_KEYS.filter((key): key is KeysWhere<{ printed: true }> => ARTICLE_FIELDS[key].printed);
export type ArticlePrintedField = (typeof ARTICLE_PRINTED_FIELDS)[number];

/** The label a form shows: the word, then 必填 for a required field or the note the form gives. */
export function fieldLabel(key: ArticleFieldKey, note?: string): string {
  const { label, required } = ARTICLE_FIELDS[key];
  const aside = required ? '必填' : note;
  return aside ? `${label}（${aside}）` : label;
}
