// An issue as a structured, database-independent value: what the sample-issue fixture declares and
// what the print importer produces, so that the two can be compared field by field and loaded by
// one loader (seeds/load-issue.ts).
import type { Doc } from '../content/types';

export type StructuredAuthor = {
  name: string;
  /** How the byline names the role: 记者, 本报记者, 通讯员, 衢报传媒集团记者, 摄 … */
  label: string;
};

export type StructuredArticle = {
  /** The page the story starts on. */
  page: number;
  /** Pages the print story jumps to (下转2版), in order; the web shows the story whole. */
  continuedOn: number[];
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  /** 本报讯 and the like; null for features that open with a ■ byline. */
  dateline: string | null;
  /** The printed byline without its brackets or ■, e.g. "衢报传媒集团记者 徐敏 本报记者 严嘉慧". */
  byline: string | null;
  authors: StructuredAuthor[];
  body: Doc;
};

export type StructuredPublication = {
  name: string;
  /** 编印 line. */
  publisher: string;
  /** 采编热线. */
  hotline: string;
  address: string | null;
  postcode: string | null;
};

export type StructuredIssue = {
  publication: StructuredPublication;
  number: number;
  /** Calendar date in the publication's time zone, YYYY-MM-DD. */
  date: string;
  pageCount: number;
  pages: { number: number; name: string | null }[];
  /** In print order: page by page, top to bottom. */
  stories: StructuredArticle[];
};
