// The fixture corpus (test/fixtures/import-corpus): each issue text has a hand-checked expected
// structure. `scoreIssue` compares the importer's result with it field by field (masthead fields, each
// story's fields and body blocks, the lines left unplaced) and says which wrong fields the report
// flagged (low confidence, warning, unplaced) and which were silently wrong.
import { ARTICLE_FIELDS } from '../content/fields';
import { toPlainText } from '../content/plain-text';
import type { DocNode } from '../content/types';
import type { ImportResult } from './parse-issue';

export type ExpectedArticle = {
  page: number;
  continuedOn: number[];
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  dateline: string | null;
  byline: string | null;
  authors: string[];
  /** Body blocks: a paragraph's text, "## " + a subheading, "**" + a table caption, "[表格] " + rows joined by " / ". */
  body: string[];
};
export type ExpectedIssue = {
  number: number | null;
  date: string | null;
  pageCount: number;
  name: string | null;
  publisher: string | null;
  hotline: string | null;
  pages: Record<string, string | null>;
  stories: ExpectedArticle[];
  unplaced: string[];
  warnings: number;
};

export type FieldResult = { field: string; expected: unknown; actual: unknown; flagged: boolean };
export type IssueScore = { right: number; total: number; wrong: FieldResult[]; wrongHeadlines: string[] };

export function blockSummary(node: DocNode): string {
  if (node.type === 'heading') return `## ${toPlainText(node)}`;
  if (node.type === 'table')
    return `[表格] ${(node.content ?? []).map((row) => (row.content ?? []).map((cell) => toPlainText(cell)).join('|')).join(' / ')}`;
  if (node.type === 'paragraph' && node.content?.[0]?.marks?.some((mark) => mark.type === 'bold'))
    return `**${toPlainText(node)}`;
  return toPlainText(node);
}

/** The importer's result in the expected shape (used to draft an expected file, which is then checked by hand). */
export function summarise({ issue, report }: ImportResult): ExpectedIssue {
  return {
    number: issue.number || null,
    date: issue.date || null,
    pageCount: issue.pageCount,
    name: issue.publication.name || null,
    publisher: issue.publication.publisher || null,
    hotline: issue.publication.hotline || null,
    pages: Object.fromEntries(issue.pages.filter((page) => page.name).map((page) => [String(page.number), page.name])),
    stories: issue.stories.map((story) => ({
      page: story.page,
      continuedOn: story.continuedOn,
      kicker: story.kicker,
      headline: story.headline,
      subheadline: story.subheadline,
      dateline: story.dateline,
      byline: story.byline,
      authors: story.authors.map((author) => `${author.label}:${author.name}`),
      body: story.body.content.map(blockSummary),
    })),
    unplaced: report.unplaced.map((line) => line.text),
    warnings: report.warnings.length,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function scoreIssue(expected: ExpectedIssue, result: ImportResult): IssueScore {
  const actual = summarise(result);
  const { report } = result;
  const score: IssueScore = { right: 0, total: 0, wrong: [], wrongHeadlines: [] };
  const check = (name: string, want: unknown, got: unknown, flagged: boolean) => {
    score.total += 1;
    if (same(want, got)) score.right += 1;
    else score.wrong.push({ field: name, expected: want, actual: got, flagged });
  };
  const mastheadFlag = (name: string) => report.masthead[name]?.confidence === 'low' || report.warnings.length > 0;
  check('期号', expected.number, actual.number, !actual.number || mastheadFlag('number'));
  check('日期', expected.date, actual.date, !actual.date || mastheadFlag('date'));
  check('版数', expected.pageCount, actual.pageCount, report.warnings.length > 0);
  check('刊名', expected.name, actual.name, true);
  check('编印', expected.publisher, actual.publisher, false);
  check('热线', expected.hotline, actual.hotline, false);
  check('版名', expected.pages, actual.pages, false);

  const used = new Set<number>();
  expected.stories.forEach((want, index) => {
    let at = actual.stories.findIndex(
      (story, position) => !used.has(position) && story.headline === want.headline && story.page === want.page,
    );
    if (at < 0)
      at = actual.stories.findIndex((story, position) => !used.has(position) && story.headline === want.headline);
    const label = `稿件${index + 1}「${want.headline}」`;
    if (at < 0) {
      score.wrongHeadlines.push(`缺少或标题不对：${want.headline}`);
      const fields = 8 + want.body.length;
      score.total += fields;
      score.wrong.push({
        field: `${label}（整篇）`,
        expected: want.headline,
        actual: null,
        flagged: report.warnings.length > 0 || report.unplaced.length > 0,
      });
      return;
    }
    used.add(at);
    const got = actual.stories[at]!;
    const fields = report.stories[at]!.fields;
    const low = (name: string) =>
      fields[name]?.confidence === 'low' || (fields[name]?.confidence === 'medium' && name !== 'byline');
    check(`${label} 版`, want.page, got.page, false);
    check(`${label} 转版`, want.continuedOn, got.continuedOn, false);
    check(`${label} ${ARTICLE_FIELDS.kicker.label}`, want.kicker, got.kicker, low('kicker') || low('headline'));
    check(`${label} ${ARTICLE_FIELDS.headline.label}`, want.headline, got.headline, low('headline'));
    check(
      `${label} ${ARTICLE_FIELDS.subheadline.label}`,
      want.subheadline,
      got.subheadline,
      low('subheadline') || low('headline'),
    );
    check(`${label} ${ARTICLE_FIELDS.dateline.label}`, want.dateline, got.dateline, false);
    check(`${label} ${ARTICLE_FIELDS.byline.label}`, want.byline, got.byline, fields.byline?.confidence !== 'high');
    check(`${label} 作者`, want.authors, got.authors, fields.byline?.confidence !== 'high');
    const remaining = [...got.body];
    want.body.forEach((block, position) => {
      const found = remaining.indexOf(block);
      if (found >= 0) remaining.splice(found, 1);
      check(
        `${label} 正文第${position + 1}段`,
        block,
        found >= 0 ? block : null,
        report.stories[at]!.unsureHeadings.length > 0 || report.unplaced.length > 0,
      );
    });
  });
  actual.stories.forEach((story, position) => {
    if (!used.has(position)) score.wrongHeadlines.push(`多出或标题不对：${story.headline || '（无标题）'}`);
  });
  check('未能归类的行', expected.unplaced, actual.unplaced, true);
  return score;
}
