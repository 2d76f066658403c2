// What a page of the PDF import corpus prints, derived from its hand-written expected structure
// (test/fixtures/import-pdf/NAME.expected.json): the masthead or inner-page header line, and each
// story's lines as a print layout sets them (本报讯（记者 某某）at the head of the first paragraph, a
// byline line of its own otherwise, the jump line at the end, tables and photo captions).
import type { ExpectedArticle, ExpectedIssue } from '../../lib/importer/corpus-score';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'caption'; text: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'photo'; caption: string };

/** A story's text as one frame on the page prints it. */
export type PrintedArticle = {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  byline: string | null;
  blocks: Block[];
};

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const HAN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function printedDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  return `${year}年${month}月${day}日 ${weekday}`;
}

/** The front page's masthead lines, the title first. */
export function mastheadLines(issue: ExpectedIssue): string[] {
  return [
    issue.name!,
    printedDate(issue.date!),
    `第${issue.number}期 本期${HAN[issue.pageCount]}版`,
    ...(issue.publisher ? [issue.publisher] : []),
    ...(issue.hotline ? [`采编热线：${issue.hotline}`] : []),
  ];
}

/** The page line under the masthead (第1版 要闻) or an inner page's header line, which holds it all. */
export function pageLine(issue: ExpectedIssue, page: number): string {
  return `第${page}版 ${issue.pages[String(page)] ?? ''}`.trim();
}

export function innerHeader(issue: ExpectedIssue, page: number): string {
  return `${printedDate(issue.date!)} ${pageLine(issue, page)} ${issue.name} 第${issue.number}期`;
}

const BOX_LABEL = /^(?:短评|记者手记|相关链接|链接|背景链接|小贴士|延伸阅读|记者观察|编后|编后语)$/u;

function blocksOf(story: ExpectedArticle, body: string[], dateline: boolean): Block[] {
  const credit = story.byline ? new RegExp(`（${story.byline} 摄）$`, 'u') : null;
  return body.map((text, index): Block => {
    if (text.startsWith('**')) return { kind: 'caption', text: text.slice(2) };
    if (text.startsWith('[表格] '))
      return {
        kind: 'table',
        rows: text
          .slice(5)
          .split(' / ')
          .map((row) => row.split('|')),
      };
    if (credit?.test(text)) return { kind: 'photo', caption: text };
    return {
      kind: 'paragraph',
      text: index === 0 && dateline && story.dateline ? `${story.dateline}（${story.byline}）${text}` : text,
    };
  });
}

/**
 * The parts of a story the page prints in frames of their own: `main` (titles and text), `box` (a
 * 短评 / 相关链接 printed boxed beside it: in the structure, "## 短评", "## its title" and its
 * paragraphs at the end of the body) and `note` (an 编者按 boxed above it: the body's first paragraph).
 */
export function printedArticle(story: ExpectedArticle, part: 'main' | 'box' | 'note' = 'main'): PrintedArticle {
  const note = story.body[0]?.startsWith('编者按：') ? story.body[0] : null;
  const labelAt = story.body.findIndex((text) => text.startsWith('## ') && BOX_LABEL.test(text.slice(3)));
  const main = story.body.slice(note ? 1 : 0, labelAt < 0 ? undefined : labelAt);
  if (part === 'note')
    return {
      kicker: null,
      headline: '',
      subheadline: null,
      byline: null,
      blocks: note ? [{ kind: 'paragraph', text: note }] : [],
    };
  if (part === 'box') {
    const [label, title, ...rest] = labelAt < 0 ? [] : story.body.slice(labelAt);
    return {
      kicker: label?.slice(3) ?? null,
      headline: title?.slice(3) ?? '',
      subheadline: null,
      byline: null,
      blocks: blocksOf(story, rest, false),
    };
  }
  const blocks = blocksOf(story, main, true);
  const last = blocks.at(-1);
  if (story.continuedOn.length && last?.kind === 'paragraph')
    last.text += story.continuedOn.map((page) => `（下转第${page}版）`).join('');
  const photo = blocks.some((block) => block.kind === 'photo');
  return {
    kicker: story.kicker,
    headline: story.headline,
    subheadline: story.subheadline,
    byline: story.dateline || photo ? null : story.byline,
    blocks,
  };
}
