// What the reader site shows, as plain JSON values (dates as ISO strings) so they can be cached.
import type { ReaderDate } from '../dates/reader-date';

export type PublicationView = { name: string; publisher: string; hotline: string; address: string; postcode: string };

export type IssueRef = { number: number; date: string };

export type PageTab = { number: number; name: string | null; articleCount: number };

/** A cover image in its two web sizes (800 and 1600 pixels wide, or the original if smaller). */
export type CoverImage = {
  src: string;
  large: string;
  width: number;
  height: number;
  largeWidth: number;
  largeHeight: number;
  alt: string;
  caption: string | null;
};

export type ArticleCard = {
  slug: string;
  /** Where the headline links; the reader's article page unless set (the newsroom preview links to its own). */
  href?: string;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  teaser: string;
  /** On a continuation page: the page the story starts on (（上接第1版）). */
  continuedFrom: number | null;
  /** On the story's first page: later pages it jumps to (（下转第2版）). */
  continuesOn: number[];
  cover?: CoverImage | null;
};

export type IssuePageView = {
  publication: PublicationView;
  issue: IssueRef & { pageCount: number; publishAt: string };
  pages: PageTab[];
  page: { number: number; name: string | null };
  stories: ArticleCard[];
  previousIssue: IssueRef | null;
  nextIssue: IssueRef | null;
};

export type ArticleView = {
  slug: string;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  dateline: string | null;
  byline: string | null;
  summary: string | null;
  teaser: string;
  bodyHtml: string;
  cover: CoverImage | null;
  authors: { name: string; label: string }[];
  /** When it went online, or its issue's date for a back issue put online later (lib/dates/reader-date.ts). */
  published: ReaderDate;
  modifiedAt: string;
  /** Where it appeared in print; null for web-only stories. */
  print: { issue: IssueRef; pages: number[] } | null;
  corrections: { note: string; createdAt: string }[];
  previousOnPage: { slug: string; headline: string } | null;
  nextOnPage: { slug: string; headline: string } | null;
  publication: PublicationView;
};

export type ArticleLookup =
  /** `pages`: the printed pages it is on, 版次 and name (the app feed's tags). */
  | { kind: 'visible'; article: ArticleView; pages: { number: number; name: string | null }[] }
  | { kind: 'retracted'; headline: string; note: string | null; retractedAt: string }
  | { kind: 'missing' };
