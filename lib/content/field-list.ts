// The one list of a story's fields: what each is called in the newsroom, what kind of value it
// holds, its limits and whether it must be filled. What the code reads of it is in fields.ts; the
// list stands alone so a test can add a field and see each reader take it up (fields.test.ts).

/**
 * What a field holds. `line`: one line of plain text; `lines`: plain text that may run over lines;
 * `address`: the story's web address (kept when the text changes, so not part of a revision);
 * `rich`: the body, a ProseMirror document.
 */
export type FieldKind = 'line' | 'lines' | 'address' | 'rich';

export type FieldSpec = {
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
