import { describe, expect, it } from 'vitest';

import type { Rule } from './page-graphics';
import { closeTracking, inkSpan, segmentsOf, type Piece } from './pdf-segments';

const BODY = 9.5;

/** One piece, full-width characters, y the baseline. */
function piece(text: string, x: number, y: number, size = BODY): Piece {
  return { text, x, y, width: [...text].length * size, size };
}

/** Lines of a column of body text, `chars` characters wide, `rows` lines from `top` down. */
function columnLines(x: number, top: number, rows: number, chars = 12): Piece[] {
  return Array.from({ length: rows }, (_, row) =>
    piece('全区重大项目建设总体平稳完成投资进度快'.slice(0, chars), x, top - row * 14),
  );
}

describe('segmentsOf', () => {
  // Column 1 at x 40 (12 characters: 40–154), a 10 pt gutter (narrower than the type), column 2 at 164.
  const gutterAt = 164;

  it('parts a headline from the body text of the next column across a gutter narrower than its type', () => {
    const pieces = [
      piece('会议要求各责任单位要倒排', 40, 700),
      piece('重大项目推进', gutterAt, 700, 20),
      ...columnLines(40, 686, 4),
      ...columnLines(gutterAt, 676, 4),
    ];
    const first = segmentsOf(pieces).filter((segment) => segment.y === 700);
    expect(first.map((segment) => segment.text)).toEqual(['会议要求各责任单位要倒排', '重大项目推进']);
  });

  it('parts two columns whose lines stop short of the gutter or hang punctuation into it', () => {
    const pieces = [
      ...columnLines(40, 700, 4),
      // A line ending in a hanging 、 reaches 9.5 pt into the gutter, 0.5 pt from the next column.
      piece('舞蹈越剧快板轮番登场和一、', 40, 644),
      ...columnLines(gutterAt, 700, 5),
    ];
    const lines = segmentsOf(pieces);
    expect(lines.filter((segment) => segment.y === 644).map((segment) => segment.text)).toEqual([
      '舞蹈越剧快板轮番登场和一、',
      '全区重大项目建设总体平稳',
    ]);
    expect(lines).toHaveLength(10);
  });

  it('keeps a wide word space in a headline when no stripe of whitespace runs on from it', () => {
    const pieces = [
      piece('一张清单管到底', 40, 760, 20),
      piece('为企服务不打烊', 190, 760, 20),
      ...columnLines(40, 730, 4, 30),
    ];
    expect(segmentsOf(pieces)[0]!.text).toBe('一张清单管到底 为企服务不打烊');
  });

  it('parts pieces a vertical rule runs between, however close', () => {
    const pieces = [piece('品种', 40, 700), piece('本周', 65, 700)];
    const rule: Rule = { x0: 61, y0: 690, x1: 61, y1: 720 };
    expect(segmentsOf(pieces).map((segment) => segment.text)).toEqual(['品种 本周']);
    expect(segmentsOf(pieces, [rule]).map((segment) => segment.text)).toEqual(['品种', '本周']);
  });

  it('closes the letter spacing of a justified line inside one piece, keeping a word space', () => {
    // "第 三": two characters and a space 1 pt wide (tracking); "记者 徐敏": a space 3.3 pt wide.
    const tracked = { text: '第 三', x: 40, y: 700, width: 21, size: 10 };
    const spaced = { text: '记者 徐敏', x: 40, y: 680, width: 43.3, size: 10 };
    expect(segmentsOf([tracked, spaced]).map((segment) => segment.text)).toEqual(['第三', '记者 徐敏']);
  });

  it('keeps the word spaces of a credit, however narrow the face sets its space', () => {
    // Spaces 1.5 pt wide at 10 pt (a CJK face's narrow space): words of two or three characters are
    // not a letter-spaced run, whatever the width says; full-width spaces are kept too.
    const credit = { text: '（通讯员 周杰 摄）', x: 40, y: 700, width: 83, size: 10 };
    const byline = { text: '记者 王芳 通讯员 周杰', x: 40, y: 680, width: 94.5, size: 10 };
    const fullWidth = { text: '记者\u3000王芳\u3000通讯员\u3000周杰', x: 40, y: 660, width: 130, size: 10 };
    expect(segmentsOf([credit, byline, fullWidth]).map((segment) => segment.text)).toEqual([
      '（通讯员 周杰 摄）',
      '记者 王芳 通讯员 周杰',
      '记者\u3000王芳\u3000通讯员\u3000周杰',
    ]);
  });
});

describe('closeTracking', () => {
  it('closes a run of single characters a space apart and keeps spaces between words', () => {
    expect(closeTracking('去 年 以 来 ， 全 区')).toBe('去年以来，全区');
    expect(closeTracking('本报讯（记者 童雅琴）“ 以 前 下 一 趟')).toBe('本报讯（记者 童雅琴）“以前下一趟');
    expect(closeTracking('通讯员 周杰 记者 严嘉慧')).toBe('通讯员 周杰 记者 严嘉慧');
  });
});

describe('inkSpan', () => {
  it('leaves out the empty half of a closing mark at the end and an opening mark at the start', () => {
    expect(inkSpan('越剧、', 0, 30, 10)).toEqual({ left: 0, right: 25 });
    expect(inkSpan('“以前', 0, 30, 10)).toEqual({ left: 5, right: 30 });
    expect(inkSpan('以前', 0, 20, 10)).toEqual({ left: 0, right: 20 });
  });
});
