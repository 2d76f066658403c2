// Blank lines are only a hint: some exports put no blank line between paragraphs, or set a byline,
// a dateline paragraph or a table's title line right under the lines above it. A block is cut
// before such a line, and after a line that is a whole paragraph (a sentence longer than a title).
import type { Block, Line } from './blocks';
import { isPageHeader } from './page-header';
import { BYLINE_LINE, charLength, CONTINUED_ON, DATELINE, EDITORS_NOTE, SIDEBAR_LABEL, STRONG_END } from './patterns';

const TITLE_MAX_CHARS = 32;

export function isBylineLine(text: string): boolean {
  return charLength(text) <= 60 && !STRONG_END.test(text) && !SIDEBAR_LABEL.test(text) && BYLINE_LINE.test(text.trim());
}

function cutsBefore(previous: string, text: string): boolean {
  const tabbed = (value: string) => value.includes('\t');
  if (isPageHeader(text) || isPageHeader(previous)) return true;
  if (tabbed(previous) !== tabbed(text)) return true;
  if (tabbed(text)) return false;
  if (DATELINE.test(text) || EDITORS_NOTE.test(text)) return true;
  if (isBylineLine(text) !== isBylineLine(previous)) return true;
  if (CONTINUED_ON.test(previous)) return true;
  return STRONG_END.test(previous) && (charLength(previous) > TITLE_MAX_CHARS || /[。；]/u.test(previous));
}

export function splitBlocks(blocks: Block[]): Block[] {
  const result: Block[] = [];
  for (const block of blocks) {
    let current: Line[] = [];
    block.lines.forEach((line, index) => {
      const previous = block.lines[index - 1];
      if (previous && cutsBefore(previous.text, line.text)) {
        result.push({ lines: current });
        current = [];
      }
      current.push(line);
    });
    result.push({ lines: current });
  }
  return result;
}
