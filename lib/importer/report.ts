// What the importer tells the editor before anything is written: each field it found, how sure it
// is, and every line it could not place.
export type Confidence = 'high' | 'medium' | 'low';
export type FoundField = { value: string; confidence: Confidence; line: number };

export type ArticleReport = {
  headline: string;
  line: number;
  page: number;
  fields: Record<string, FoundField>;
  paragraphs: number;
  headings: number;
  tables: number;
  /** Indexes (in the body) of subheadings that may instead be the headline of a story of their own. */
  unsureHeadings: number[];
};

export type ImportReport = {
  masthead: Record<string, FoundField>;
  stories: ArticleReport[];
  unplaced: { line: number; text: string }[];
  warnings: string[];
};

export function field(value: string, confidence: Confidence, line: number): FoundField {
  return { value, confidence, line };
}
