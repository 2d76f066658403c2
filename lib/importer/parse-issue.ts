// Plain-text issue (as the print system exports it) → a structured draft issue plus a report.
// Pure: no database, no Next. It reads structure (blocks, punctuation, line lengths, print patterns),
// not wording, so it works on issues it has never seen. Nothing it is unsure of stops it: an unsure
// field is flagged in the report and a line it cannot place is listed, for the editor to decide.
import { doc, heading, paragraph, table } from '../content/builders';
import { toPlainText } from '../content/plain-text';
import type { DocNode } from '../content/types';
import type { StructuredArticle, StructuredIssue } from '../issues/structured';
import { blockText, toBlocks, type Block, type Line } from './blocks';
import { parseByline } from './bylines';
import { readMasthead, type Masthead } from './masthead';
import { hasItems, mastheadItems, MAX_HEAD_LINE_CHARS } from './masthead-items';
import { chineseNumber, structural } from './normalise';
import { readPageHeader } from './page-header';
import {
  charLength,
  CONTACT_LINE,
  CONTINUED_FROM,
  CONTINUED_ON,
  CONTINUES,
  DATELINE,
  EDITORS_NOTE,
  EDITORS_NOTE_LABEL,
  PHOTO_CREDIT,
  PHOTO_LABEL,
  SENTENCE_END,
  SIDEBAR_LABEL,
  TRAILING_BYLINE,
} from './patterns';
import { field, type ArticleReport, type ImportReport } from './report';
import { isBylineLine, splitBlocks } from './split-blocks';
import { isTableBlock, readTable } from './tables';
import { readTitles, type TitleRoles } from './title-block';

export type ImportResult = { issue: StructuredIssue; report: ImportReport };

/** Title lines are short and are not sentences. */
const TITLE_MAX_CHARS = 32;
/** A paragraph this long that stops without punctuation was cut by a print column. */
const BROKEN_LINE_MIN_CHARS = 18;
/** A paragraph that opens like a news story (a time) under a one-line title: the title is a headline. */
const ARTICLE_OPENING =
  /^(?:近日|日前|昨日|昨天|今天|今日|今年以来|连日来|本周|上周|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日)/u;
/** A byline line that names a role (记者, 通讯员 …), not only a name. */
const BYLINE_LABEL = /记者|通讯员|实习生|摄影|编译|撰稿/u;
/** Subheadings inside a story are often numbered. */
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/u;

/** `resumedOn`: pages where a 上接 part of the story has been found. */
type Draft = StructuredArticle & {
  report: ArticleReport;
  content: DocNode[];
  jumped: boolean;
  photo: boolean;
  resumedOn: number[];
};

function isTitleLine(text: string): boolean {
  return (
    charLength(text) <= TITLE_MAX_CHARS &&
    !/[。；;]/u.test(text) &&
    (text.match(/[，,]/gu) ?? []).length <= 1 &&
    !CONTINUED_ON.test(text) &&
    !CONTINUED_FROM.test(text) &&
    !PHOTO_CREDIT.test(text) &&
    !text.includes('\t')
  );
}

function isTitleBlock(block: Block): boolean {
  if (block.lines.length === 1 && CONTINUES.test(block.lines[0]!.text)) return false;
  // Titles are short and are not sentences: no full stop anywhere, at most one comma, no jump marker.
  return block.lines.length <= 3 && block.lines.every((line) => isTitleLine(line.text));
}

function isBylineBlock(block: Block): boolean {
  return block.lines.every((line) => isBylineLine(line.text));
}

/** A running head repeated on a page (date, issue number, nothing else). */
function isRunningHead(block: Block): boolean {
  if (block.lines.length !== 1 || block.lines[0]!.text.length > MAX_HEAD_LINE_CHARS) return false;
  const items = mastheadItems(block.lines[0]!.text);
  return hasItems(items) && charLength(items.rest) <= 4 && (items.date !== undefined || items.number !== undefined);
}

function pageNumber(text: string): number {
  const value = structural(text).replace(/^[A-H]\s*/u, '');
  return chineseNumber(value) ?? Number(value);
}

function boldParagraph(value: string): DocNode {
  return { type: 'paragraph', content: [{ type: 'text', text: value, marks: [{ type: 'bold' }] }] };
}

const toUnplaced = (lines: Line[]) => lines.map((line) => ({ line: line.number, text: line.text }));

/** `titleRoles`: from a PDF, the title lines whose role their type size tells (page-analysis.ts). */
export function parseIssue(text: string, options: { titleRoles?: TitleRoles } = {}): ImportResult {
  const blocks = splitBlocks(toBlocks(text));
  const masthead = readMasthead(blocks);
  const report: ImportReport = {
    masthead: masthead.fields,
    stories: [],
    unplaced: [],
    warnings: [...masthead.warnings],
  };
  const stories: Draft[] = [];
  // The stories begun on each page, in order: what sidebars and tables look among, without walking
  // every story of the issue for each (quadratic in a multi-megabyte text, issue 29).
  const articlesOnPage = new Map<number, Draft[]>();
  const pageNames = new Map<number, string | null>();
  let page = 1;
  let pending: Line[][] = [];
  let current: Draft | null = null;
  let address: { value: string; line: number } | null = null;
  let postcode: { value: string; line: number } | null = null;
  let editorsNote: { text: string; line: number } | null = null;

  const startArticle = (titleGroups: Line[][], line: number): Draft => {
    const titles = titleGroups.length ? readTitles(titleGroups, options.titleRoles) : null;
    const draft: Draft = {
      page,
      continuedOn: [],
      kicker: titles?.kicker ?? null,
      headline: titles?.headline ?? '',
      subheadline: titles?.subheadline ?? null,
      dateline: null,
      byline: null,
      authors: [],
      body: doc(),
      content: [],
      jumped: false,
      photo: false,
      resumedOn: [],
      report: {
        headline: titles?.headline ?? '',
        line,
        page,
        fields: { ...(titles?.fields ?? {}) },
        paragraphs: 0,
        headings: 0,
        tables: 0,
        unsureHeadings: [],
      },
    };
    if (!titles) {
      report.warnings.push(`第${line}行：稿件没有标题`);
      draft.report.fields.headline = field('', 'low', line);
    }
    if (editorsNote) {
      draft.content.push(paragraph(editorsNote.text));
      draft.report.fields.editorsNote = field(editorsNote.text, 'high', editorsNote.line);
      editorsNote = null;
    }
    stories.push(draft);
    const onPage = articlesOnPage.get(page);
    if (onPage) onPage.push(draft);
    else articlesOnPage.set(page, [draft]);
    pending = [];
    return draft;
  };

  const setByline = (story: Draft, value: string, line: number, confidence: 'high' | 'medium') => {
    const { byline, authors } = parseByline(value);
    story.byline = byline;
    story.authors = authors;
    story.report.fields.byline = field(byline, confidence, line);
  };

  /** A paragraph that stops mid-sentence: the next block continues it (a photo caption ends in its credit, not mid-sentence). */
  const unfinished = (value: string | null): boolean =>
    value !== null &&
    (CONTINUES.test(value) ||
      (!SENTENCE_END.test(value) && charLength(value) >= BROKEN_LINE_MIN_CHARS && !PHOTO_CREDIT.test(value)));

  const lastParagraphText = (story: Draft | null): string | null => {
    const last = story?.content.at(-1);
    return last?.type === 'paragraph' && !last.content?.[0]?.marks ? toPlainText(last) : null;
  };

  /** `resumed`: the text after 上接; the part before the jump stopped wherever the column ended. */
  const addParagraph = (story: Draft, value: string, line: number, resumed = false) => {
    let textValue = value;
    const marker = CONTINUED_ON.exec(textValue);
    if (marker) {
      const to = pageNumber(marker[1]!);
      story.continuedOn.push(to);
      story.report.fields.continuedOn = field(
        story.continuedOn.map((number) => `${number}版`).join('、'),
        'high',
        line,
      );
      story.jumped = true;
      textValue = textValue.slice(0, marker.index).trimEnd();
    }
    // （记者 王一鸣）at the end of the story: its byline, when it has none above.
    const trailing = TRAILING_BYLINE.exec(textValue);
    if (trailing && !story.byline) {
      setByline(story, trailing[1]!, line, 'medium');
      textValue = textValue.slice(0, trailing.index).trimEnd();
    }
    const previous = lastParagraphText(story);
    if ((unfinished(previous) || (resumed && previous !== null && !SENTENCE_END.test(previous))) && textValue) {
      // The print column cut a sentence: rejoin it.
      story.content[story.content.length - 1] = paragraph(previous + textValue);
      return;
    }
    if (textValue) {
      story.content.push(paragraph(textValue));
      story.report.paragraphs += 1;
    }
  };

  /** 短评 / 记者手记 / 相关链接 under a story belong to it, whatever titles they carry. */
  const sidebarOwner = (): Draft | null => current ?? articlesOnPage.get(page)?.at(-1) ?? null;

  for (const block of blocks.filter((_, index) => !masthead.blocks.has(index))) {
    const text = blockText(block, '');
    const first = block.lines[0]!;

    const header = block.lines.length === 1 ? readPageHeader(first.text) : null;
    if (header) {
      page = header.page;
      if (header.name || !pageNames.has(page)) pageNames.set(page, header.name);
      if (pending.length) report.unplaced.push(...toUnplaced(pending.flat()));
      pending = [];
      current = null;
      continue;
    }
    if (isRunningHead(block)) continue;

    if (isTableBlock(block.lines)) {
      // A short title line right above a table is its caption, never the next story's kicker.
      const captionGroup = pending.at(-1);
      const caption = captionGroup && captionGroup.length === 1 ? captionGroup[0]! : null;
      if (caption) pending = pending.slice(0, -1);
      const parsed = readTable(block.lines);
      const owner = tableOwner(articlesOnPage.get(page) ?? [], current, parsed.rows[0] ?? []);
      if (!owner) {
        report.unplaced.push(...toUnplaced(caption ? [caption, ...block.lines] : block.lines));
        continue;
      }
      if (caption) owner.content.push(boldParagraph(caption.text));
      owner.content.push(table(parsed.rows, { headerRow: parsed.headerRow }));
      owner.report.tables += 1;
      for (const line of parsed.after) {
        owner.content.push(paragraph(line));
        ({ address, postcode } = contactDetails(line, first.number, address, postcode));
      }
      continue;
    }

    // A sentence cut by the print column continues in the next block, whatever it looks like.
    if (current && !current.jumped && !current.photo && !pending.length && unfinished(lastParagraphText(current))) {
      addParagraph(current, text, first.number);
      continue;
    }

    const dateline = DATELINE.exec(text);
    if (dateline && text.length > dateline[0].length) {
      const reuse =
        current &&
        !pending.length &&
        !current.jumped &&
        !current.photo &&
        current.content.length === (current.report.fields.editorsNote ? 1 : 0) &&
        !current.dateline;
      const story: Draft = reuse ? current! : startArticle(pending, first.number);
      story.dateline = dateline[1]!;
      story.report.fields.dateline = field(story.dateline, 'high', first.number);
      if (dateline[2]) setByline(story, dateline[2], first.number, 'high');
      addParagraph(story, text.slice(dateline[0].length), first.number);
      current = story;
      continue;
    }

    if (isBylineBlock(block)) {
      const value = blockText(block, ' ');
      if (pending.length || !current || current.jumped || current.photo || current.content.length > 0 || current.byline)
        current = startArticle(pending, first.number);
      // ■郑霞: a name without a label; the label (记者) is a guess.
      setByline(current, value, first.number, 'high');
      if (!BYLINE_LABEL.test(value))
        current.report.fields.byline = { ...current.report.fields.byline!, confidence: 'low' };
      continue;
    }

    const photoCaption = PHOTO_CREDIT.test(text) && !isTitleBlock(block);
    if (photoCaption && (pending.length || !current || current.jumped)) {
      // A photo item (图片新闻): a story of its own, never a subheading of the story before.
      const label = pending[0]?.[0] && PHOTO_LABEL.test(pending[0][0].text) ? pending[0][0] : null;
      const titleGroups = label
        ? pending.map((group) => group.filter((line) => line !== label)).filter((group) => group.length)
        : pending;
      const story = startArticle(titleGroups, first.number);
      story.photo = true;
      if (label) {
        if (story.kicker && !story.subheadline) story.subheadline = null;
        story.kicker = label.text;
        story.report.fields.kicker = field(label.text, 'high', label.number);
      }
      const credit = PHOTO_CREDIT.exec(text)?.[1];
      if (credit) setByline(story, credit, first.number, 'medium');
      story.content.push(paragraph(text));
      story.report.paragraphs += 1;
      story.report.fields.photo = field(text, 'high', first.number);
      current = story;
      continue;
    }

    if (isTitleBlock(block)) {
      pending.push(block.lines);
      continue;
    }

    // A body paragraph. Titles waiting above it open a new story, are a subheading, or head a sidebar.
    const continuedFrom = CONTINUED_FROM.exec(text);
    if (continuedFrom) {
      const jumped = continuationOf(stories, pageNumber(continuedFrom[1]!), page, pending);
      if (jumped) {
        pending = [];
        jumped.jumped = false;
        jumped.resumedOn.push(page);
        addParagraph(jumped, text.slice(continuedFrom[0].length), first.number, true);
        current = jumped;
        continue;
      }
      report.warnings.push(`第${first.number}行：找不到从第${pageNumber(continuedFrom[1]!)}版转来的稿件`);
    }

    const wholeByline = TRAILING_BYLINE.exec(text);
    if (wholeByline && wholeByline.index === 0 && current && !pending.length) {
      if (!current.byline) setByline(current, wholeByline[1]!, first.number, 'medium');
      else current.content.push(paragraph(text));
      continue;
    }

    const noteLabel =
      pending.length === 1 && pending[0]!.length === 1 && EDITORS_NOTE_LABEL.test(pending[0]![0]!.text)
        ? pending[0]![0]!
        : null;
    if (
      noteLabel ||
      (EDITORS_NOTE.test(text) &&
        !pending.length &&
        (!current || current.jumped || current.photo || current.content.length > 0))
    ) {
      // 编者按 stands above the story it introduces.
      editorsNote = noteLabel
        ? { text: `${noteLabel.text.replace(/[【】]/gu, '')}：${text}`, line: noteLabel.number }
        : { text, line: first.number };
      pending = [];
      continue;
    }

    const sidebar = pending[0]?.[0] ? SIDEBAR_LABEL.exec(pending[0][0].text) : null;
    const owner = sidebar ? sidebarOwner() : null;
    if (sidebar && owner) {
      for (const line of pending.flat()) {
        owner.content.push(heading(line.text));
        owner.report.headings += 1;
      }
      pending = [];
      owner.jumped = false;
      owner.photo = false;
      current = owner;
    } else if (pending.length) {
      const single = pending.length === 1 && pending[0]!.length === 1 ? pending[0]![0]! : null;
      const canBeSubheading = single && current && !current.jumped && !current.photo && current.content.length > 0;
      // A bold line at body size between the story's paragraphs (the PDF's fonts tell) is a subheading.
      const bold = single !== null && options.titleRoles?.get(single.text) === 'subheading';
      if (canBeSubheading && (bold || !opensArticle(single.text, text, current!))) {
        current!.content.push(heading(single.text));
        current!.report.headings += 1;
        // A one-line title under a story is a subheading or the headline of a story without byline.
        if (!bold && !NUMBERED.test(single.text) && current!.report.headings === 1)
          current!.report.unsureHeadings.push(current!.content.length - 1);
        pending = [];
      } else {
        current = startArticle(pending, first.number);
        if (canBeSubheading) current.report.fields.headline = { ...current.report.fields.headline!, confidence: 'low' };
      }
    }
    if (!current || current.jumped || current.photo) {
      report.unplaced.push(...toUnplaced(block.lines));
      continue;
    }
    addParagraph(current, text, first.number);
    if (PHOTO_CREDIT.test(text)) current.report.fields.photo = field(text, 'medium', first.number);
    if (CONTACT_LINE.test(text)) ({ address, postcode } = contactDetails(text, first.number, address, postcode));
  }
  if (pending.length) report.unplaced.push(...toUnplaced(pending.flat()));
  if (editorsNote) report.unplaced.push({ line: editorsNote.line, text: editorsNote.text });

  return finish(masthead, stories, pageNames, report, address, postcode);
}

/** A one-line title under a story with text opens a new story when it reads like a headline. */
function opensArticle(title: string, next: string, current: Draft): boolean {
  if (NUMBERED.test(title)) return false;
  if (current.report.headings > 0) return false;
  return ARTICLE_OPENING.test(structural(next)) || /[！？!?]$|：/u.test(title);
}

/** The story a 上接 part continues: on the page named, jumping to this page; the repeated title decides between several. */
function continuationOf(stories: Draft[], from: number, page: number, pending: Line[][]): Draft | null {
  // A story whose 下转 part was followed by a sidebar (编后, 相关链接) is no longer "jumped" but still waits for it.
  const candidates = stories.filter(
    (story) => story.page <= from && story.continuedOn.includes(page) && !story.resumedOn.includes(page),
  );
  const titles = new Set(pending.flat().map((line) => line.text));
  return (
    candidates.find((story) => titles.has(story.headline) || (story.kicker !== null && titles.has(story.kicker))) ??
    candidates[0] ??
    null
  );
}

/**
 * How many of a page's latest stories a table may belong to: a printed page holds a few dozen at most,
 * and looking further back made parsing quadratic in the text's size (issue 29).
 */
const TABLE_OWNER_CANDIDATES = 40;

/** Each story's plain text so far, extended as paragraphs are added (a story only ever grows). */
const plainSoFar = new WeakMap<Draft, { nodes: number; text: string }>();

function plainTextOf(story: Draft): string {
  const known = plainSoFar.get(story) ?? { nodes: 0, text: '' };
  if (known.nodes === story.content.length) return known.text;
  const added = story.content.slice(known.nodes).map((node) => toPlainText(node));
  const text = known.nodes === 0 ? added.join('\n') : [known.text, ...added].join('\n');
  plainSoFar.set(story, { nodes: story.content.length, text });
  return text;
}

/** A table after a story that jumped to another page belongs to the story on this page it speaks of. */
function tableOwner(onPage: Draft[], current: Draft | null, header: string[]): Draft | null {
  if (current && !current.jumped && !current.photo) return current;
  let best: Draft | null = null;
  let bestScore = 0;
  for (const story of onPage.slice(-TABLE_OWNER_CANDIDATES)) {
    const textValue = plainTextOf(story);
    const score = header.filter((cell) => cell && textValue.includes(cell)).length;
    if (score > bestScore) {
      best = story;
      bestScore = score;
    }
  }
  return best ?? current;
}

function contactDetails(
  text: string,
  line: number,
  address: { value: string; line: number } | null,
  postcode: { value: string; line: number } | null,
) {
  const street = /(?:来信地址|地址|通讯地址)[:：]\s*(\S+?\d+号)/u.exec(text);
  const code = /邮编[:：]\s*(\d{6})/u.exec(text);
  return {
    address: address ?? (street ? { value: street[1]!, line } : null),
    postcode: postcode ?? (code ? { value: code[1]!, line } : null),
  };
}

function finish(
  masthead: Masthead,
  drafts: Draft[],
  pageNames: Map<number, string | null>,
  report: ImportReport,
  address: { value: string; line: number } | null,
  postcode: { value: string; line: number } | null,
): ImportResult {
  const highestPage = Math.max(
    1,
    ...drafts.flatMap((story) => [story.page, ...story.continuedOn]),
    ...pageNames.keys(),
  );
  const pageCount = Math.max(masthead.pageCount ?? 0, highestPage);
  if (masthead.pageCount && highestPage > masthead.pageCount)
    report.warnings.push(`报头印的是${masthead.pageCount}版，但文件里有第${highestPage}版`);
  if (!masthead.number) report.warnings.push('没有找到期号（如“第 1705 期”）');
  if (!masthead.date) report.warnings.push('没有找到出版日期（如“2020年8月17日”）');
  if (drafts.length === 0) report.warnings.push('没有找到任何稿件');
  if (address) report.masthead.address = field(address.value, 'low', address.line);
  if (postcode) report.masthead.postcode = field(postcode.value, 'low', postcode.line);

  const stories: StructuredArticle[] = drafts.map((draft) => {
    report.stories.push({ ...draft.report, headline: draft.headline });
    return {
      page: draft.page,
      continuedOn: draft.continuedOn,
      kicker: draft.kicker,
      headline: draft.headline,
      subheadline: draft.subheadline,
      dateline: draft.dateline,
      byline: draft.byline,
      authors: draft.authors,
      body: doc(...draft.content),
    };
  });
  return {
    issue: {
      publication: {
        name: masthead.name ?? '',
        publisher: masthead.publisher ?? '',
        hotline: masthead.hotline ?? '',
        address: address?.value ?? null,
        postcode: postcode?.value ?? null,
      },
      number: masthead.number ?? 0,
      date: masthead.date ?? '',
      pageCount,
      pages: Array.from({ length: pageCount }, (_, index) => ({
        number: index + 1,
        name: pageNames.get(index + 1) ?? null,
      })),
      stories,
    },
    report,
  };
}
