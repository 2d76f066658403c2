// Plain-text issue (as the print system exports it) → a structured draft issue plus a report.
// Pure: no database, no Next. It reads structure (blank-line blocks, punctuation, line lengths,
// print patterns), not wording, so it works on issues it has never seen.
import type { DocNode } from '../content/types';
import { doc, heading, paragraph, table } from '../content/builders';
import { toPlainText } from '../content/plain-text';
import type { StructuredIssue, StructuredStory } from '../issues/structured';
import { blockText, toBlocks, type Block, type Line } from './blocks';
import { parseByline } from './bylines';
import { readMasthead } from './masthead';
import {
  BYLINE_LINE,
  charLength,
  CONTACT_LINE,
  CONTINUED_FROM,
  CONTINUES,
  EDITORS_NOTE,
  PHOTO_CREDIT,
  CONTINUED_ON,
  DATELINE,
  PAGE_HEADER,
  SENTENCE_END,
  STRONG_END,
} from './patterns';
import { field, type ImportReport, type StoryReport } from './report';
import { readTable, isTableBlock } from './tables';
import { readTitles } from './title-block';

export type ImportResult = { issue: StructuredIssue; report: ImportReport };

/** Title lines are short and are not sentences. */
const TITLE_MAX_CHARS = 32;
/** A paragraph this long that stops without punctuation was cut by a print column. */
const BROKEN_LINE_MIN_CHARS = 18;

type Draft = StructuredStory & { report: StoryReport; content: DocNode[]; jumped: boolean };

function isTitleBlock(block: Block): boolean {
  if (block.lines.length === 1 && CONTINUES.test(block.lines[0]!.text)) return false;
  // Titles are short and are not sentences: no full stop anywhere, at most one comma, no jump marker.
  return block.lines.length <= 3 && block.lines.every((line) => isTitleLine(line.text));
}

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

function isBylineBlock(block: Block): boolean {
  const text = blockText(block, ' ');
  return charLength(text) <= 60 && (BYLINE_LINE.test(text) || (/^■/u.test(text) && !STRONG_END.test(text)));
}

export function parseIssue(text: string): ImportResult {
  const blocks = toBlocks(text);
  const masthead = readMasthead(blocks);
  const report: ImportReport = { masthead: masthead.fields, stories: [], unplaced: [], warnings: [] };
  const stories: Draft[] = [];
  const pageNames = new Map<number, string | null>();
  let page = 1;
  let pending: Line[][] = [];
  let current: Draft | null = null;
  let address: { value: string; line: number } | null = null;
  let postcode: { value: string; line: number } | null = null;
  let editorsNote: { text: string; line: number } | null = null;

  const startStory = (titleGroups: Line[][], line: number): Draft => {
    const titles = titleGroups.length ? readTitles(titleGroups) : null;
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
      report: { headline: titles?.headline ?? '', line, page, fields: { ...(titles?.fields ?? {}) }, paragraphs: 0, headings: 0, tables: 0 },
    };
    if (!titles) report.warnings.push(`第${line}行：稿件没有标题`);
    if (editorsNote) {
      draft.content.push(paragraph(editorsNote.text));
      draft.report.fields.editorsNote = field(editorsNote.text, 'high', editorsNote.line);
      editorsNote = null;
    }
    stories.push(draft);
    pending = [];
    return draft;
  };

  /** A paragraph that stops mid-sentence: the next block continues it. */
  const unfinished = (value: string | null): boolean =>
    value !== null && (CONTINUES.test(value) || (!SENTENCE_END.test(value) && charLength(value) >= BROKEN_LINE_MIN_CHARS));

  const lastParagraphText = (story: Draft | null): string | null => {
    const last = story?.content.at(-1);
    return last?.type === 'paragraph' ? toPlainText(last) : null;
  };

  const addParagraph = (story: Draft, value: string) => {
    const marker = CONTINUED_ON.exec(value);
    let textValue = value;
    if (marker) {
      story.continuedOn.push(Number(marker[1]));
      story.report.fields.continuedOn = field(`${marker[1]}版`, 'high', 0);
      story.jumped = true;
      textValue = value.slice(0, marker.index).trimEnd();
    }
    const previous = lastParagraphText(story);
    if (unfinished(previous)) {
      // The print column cut a sentence: rejoin it.
      story.content[story.content.length - 1] = paragraph(previous + textValue);
      return;
    }
    if (textValue) {
      story.content.push(paragraph(textValue));
      story.report.paragraphs += 1;
    }
  };

  for (const [index, block] of blocks.entries()) {
    if (index < masthead.end) continue;
    const text = blockText(block, '');
    const first = block.lines[0]!;

    const header = block.lines.length === 1 ? PAGE_HEADER.exec(first.text) : null;
    if (header) {
      page = Number(header[1]);
      pageNames.set(page, header[2] || null);
      if (pending.length) report.unplaced.push(...pending.flat().map((line) => ({ line: line.number, text: line.text })));
      pending = [];
      current = null;
      continue;
    }

    if (isTableBlock(block.lines)) {
      const parsed = readTable(block.lines);
      const owner = tableOwner(stories, current, page, parsed.rows[0] ?? []);
      if (!owner) {
        report.unplaced.push(...block.lines.map((line) => ({ line: line.number, text: line.text })));
        continue;
      }
      owner.content.push(table(parsed.rows, { headerRow: parsed.headerRow }));
      owner.report.tables += 1;
      for (const line of parsed.after) {
        owner.content.push(paragraph(line));
        ({ address, postcode } = contactDetails(line, first.number, address, postcode));
      }
      continue;
    }

    // A sentence cut by the print column continues in the next block, whatever it looks like.
    if (current && !current.jumped && !pending.length && unfinished(lastParagraphText(current))) {
      addParagraph(current, text);
      continue;
    }

    const dateline = DATELINE.exec(text);
    if (dateline) {
      const story: Draft = pending.length || !current || current.report.paragraphs > 0 ? startStory(pending, first.number) : current;
      story.dateline = dateline[1]!;
      const { byline, authors } = parseByline(dateline[2]!);
      story.byline = byline;
      story.authors = authors;
      story.report.fields.dateline = field(story.dateline, 'high', first.number);
      story.report.fields.byline = field(byline, 'high', first.number);
      addParagraph(story, text.slice(dateline[0].length));
      current = story;
      continue;
    }

    if (isBylineBlock(block) && (pending.length || !current)) {
      const story = startStory(pending, first.number);
      const { byline, authors } = parseByline(blockText(block, ' '));
      story.byline = byline;
      story.authors = authors;
      story.report.fields.byline = field(byline, 'high', first.number);
      current = story;
      continue;
    }

    if (isTitleBlock(block)) {
      pending.push(block.lines);
      continue;
    }

    // A body paragraph. Titles waiting above it either open a new story or are a subheading.
    const continuedFrom = CONTINUED_FROM.exec(text);
    if (continuedFrom) {
      const from = Number(continuedFrom[1]);
      const jumped = [...stories].reverse().find((story) => story.page === from && story.continuedOn.includes(page));
      if (jumped) {
        pending = [];
        jumped.jumped = false;
        addParagraph(jumped, text.slice(continuedFrom[0].length));
        current = jumped;
        continue;
      }
      report.warnings.push(`第${first.number}行：找不到从第${from}版转来的稿件`);
    }
    if (EDITORS_NOTE.test(text) && (!current || current.jumped || pending.length === 0)) {
      // 编者按 stands above the story it introduces.
      editorsNote = { text, line: first.number };
      continue;
    }
    if (pending.length) {
      const opensStory = !current || current.jumped || pending.length > 1 || pending[0]!.length > 1 || current.content.length === 0;
      if (opensStory) {
        current = startStory(pending, first.number);
        current.report.fields.headline = { ...current.report.fields.headline!, confidence: 'low' };
      } else {
        const subheading = pending[0]![0]!;
        current!.content.push(heading(subheading.text));
        current!.report.headings += 1;
        pending = [];
      }
    }
    if (!current || current.jumped) {
      report.unplaced.push(...block.lines.map((line) => ({ line: line.number, text: line.text })));
      continue;
    }
    addParagraph(current, text);
    if (PHOTO_CREDIT.test(text)) current.report.fields.photo = field(text, 'medium', first.number);
    if (CONTACT_LINE.test(text)) ({ address, postcode } = contactDetails(text, first.number, address, postcode));
  }
  if (pending.length) report.unplaced.push(...pending.flat().map((line) => ({ line: line.number, text: line.text })));
  if (editorsNote) report.unplaced.push({ line: editorsNote.line, text: editorsNote.text });

  return finish(masthead, stories, pageNames, report, address, postcode);
}

/** A table after a story that jumped to another page belongs to the story on this page it speaks of. */
function tableOwner(stories: Draft[], current: Draft | null, page: number, header: string[]): Draft | null {
  if (current && !current.jumped) return current;
  const onPage = stories.filter((story) => story.page === page);
  let best: Draft | null = null;
  let bestScore = 0;
  for (const story of onPage) {
    const textValue = story.content.map((node) => toPlainText(node)).join('\n');
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
  masthead: ReturnType<typeof readMasthead>,
  drafts: Draft[],
  pageNames: Map<number, string | null>,
  report: ImportReport,
  address: { value: string; line: number } | null,
  postcode: { value: string; line: number } | null,
): ImportResult {
  const highestPage = Math.max(1, ...drafts.flatMap((story) => [story.page, ...story.continuedOn]), ...pageNames.keys());
  const pageCount = masthead.pageCount ?? highestPage;
  if (!masthead.number) report.warnings.push('没有找到期号（如“第 1705 期”）');
  if (!masthead.date) report.warnings.push('没有找到出版日期（如“2020年8月17日”）');
  if (drafts.length === 0) report.warnings.push('没有找到任何稿件');
  if (address) report.masthead.address = field(address.value, 'low', address.line);
  if (postcode) report.masthead.postcode = field(postcode.value, 'low', postcode.line);

  const stories: StructuredStory[] = drafts.map((draft) => {
    report.stories.push(draft.report);
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
      pages: Array.from({ length: pageCount }, (_, index) => ({ number: index + 1, name: pageNames.get(index + 1) ?? null })),
      stories,
    },
    report,
  };
}
