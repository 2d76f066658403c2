import { describe, expect, it } from 'vitest';

import { foldForMatching, matchAreas, type TextPiece } from './match-areas';

const PAGE = { width: 600, height: 800 };

/** A line of text as pdfjs gives it: split into pieces, one character at a time where a radical sits. */
function line(text: string, x: number, y: number, size = 10): TextPiece[] {
  const pieces: TextPiece[] = [];
  let offset = 0;
  for (const part of text.split(/([⽇⽉⼯⺠])/u).filter(Boolean)) {
    pieces.push({ text: part, x: x + offset * size, y, width: [...part].length * size, size });
    offset += [...part].length;
  }
  return pieces;
}

/** Lines of `width` characters from `text`, set in a column from top `y` down. */
function column(text: string, x: number, y: number, width = 15, size = 10, leading = 16): TextPiece[] {
  const chars = [...text];
  const pieces: TextPiece[] = [];
  for (let start = 0, row = 0; start < chars.length; start += width, row += 1)
    pieces.push(...line(chars.slice(start, start + width).join(''), x, y - row * leading, size));
  return pieces;
}

const A = {
  articleId: 'a',
  headline: '柯城区部署冬季工作',
  body: '今日上午柯城区召开会议，部署冬季安全生产工作，要求各乡镇压实责任排查隐患确保平安。',
};
const B = {
  articleId: 'b',
  headline: '月亮湾公园新增步道',
  body: '月亮湾公园的健身步道日前完工，全长三公里，居民们纷纷前来散步锻炼。',
};

describe('matchAreas', () => {
  it('folds Kangxi radicals and drops spaces and punctuation before comparing', () => {
    expect(foldForMatching('今⽇ 上午，⺠生')).toBe('今日上午民生');
  });

  it('finds each story in its column from its headline and body lines, radicals and split pieces included', () => {
    const pieces = [
      ...line('柯城区部署冬季⼯作', 40, 760, 20),
      ...column('今⽇上午柯城区召开会议，部署冬季安全⽣产⼯作，要求各乡镇压实责任排查隐患确保平安。', 40, 730),
      ...line('⽉亮湾公园新增步道', 320, 760, 20),
      ...column('⽉亮湾公园的健身步道⽇前完⼯，全长三公⾥，居⺠们纷纷前来散步锻炼。', 320, 730),
    ];
    const { areas, unmatched } = matchAreas(pieces, PAGE, [A, B]);
    expect(unmatched).toEqual([]);
    expect(areas.map((area) => area.articleId)).toEqual(['a', 'b']);
    const [a, b] = areas;
    expect(a!.rects).toHaveLength(1);
    // Column A: x from about 40 pt (6.7 % of 600) to about 220; headline top at 780 pt (2.5 % down).
    expect(a!.rects[0]!.x).toBeCloseTo(40 / 600, 1);
    expect(a!.rects[0]!.x + a!.rects[0]!.w).toBeLessThan(320 / 600);
    expect(a!.rects[0]!.y).toBeLessThan(0.04);
    expect(b!.rects[0]!.x).toBeGreaterThan(300 / 600);
  });

  it('gives a story set over two columns two rectangles', () => {
    const pieces = [
      ...line('柯城区部署冬季工作', 40, 760, 20),
      ...column('今日上午柯城区召开会议，部署冬季安全生产工作，', 40, 730),
      ...column('要求各乡镇压实责任排查隐患确保平安。', 320, 760),
    ];
    const { areas } = matchAreas(pieces, PAGE, [A]);
    expect(areas[0]!.rects).toHaveLength(2);
  });

  it('takes a short last line with the paragraph above it, not a line of another story', () => {
    const pieces = [
      ...line('今日上午柯城区召开会议部署冬季安全', 40, 730),
      ...line('平安。', 40, 714),
      ...line('月亮湾公园的健身步道日前完工', 320, 730),
    ];
    const { areas } = matchAreas(pieces, PAGE, [A, B]);
    const a = areas.find((area) => area.articleId === 'a')!;
    // The rectangle reaches down to the short line at 714 pt (bottom about 10.9 % of the page).
    expect(a.rects[0]!.y + a.rects[0]!.h).toBeGreaterThan(1 - 714 / 800);
  });

  it('gives a story the head of its next column when that line is also in another story (the paragraph runs on)', () => {
    // A whole line of 15 characters, word for word in the other story too.
    const head = '全区上下要压实安全生产主体责任';
    const first = '今日上午柯城区召开会议部署冬季工作，会议指出冬季是安全生产的关键时期，各部门要提高认识，';
    const rest = '排查隐患，加强值班值守，确保全区安全形势持续平稳，让群众过一个平安祥和的冬天。';
    const winter = { articleId: 'w', headline: '柯城区部署冬季工作', body: `${first}${head}${rest}` };
    const safety = { articleId: 's', headline: '安全生产月启动', body: `会上强调，${head}，守牢底线。` };
    const pieces = [...column(first, 40, 730), ...column(`${head}${rest}`, 220, 730), ...column(safety.body, 420, 730)];
    const { areas } = matchAreas(pieces, PAGE, [winter, safety]);
    const second = areas.find((area) => area.articleId === 'w')!.rects.find((rect) => rect.x > 200 / 600)!;
    // Its rectangle reaches up to the column's first line (baseline 730 pt, top of type 740 pt).
    expect(second.y).toBeLessThan(1 - 739 / 800);
  });

  it('lists a story whose text is not on the page, and one whose only line is shared, as unmatched', () => {
    const shared = { articleId: 'c', headline: '通知', body: '月亮湾公园新增步道' };
    const { areas, unmatched } = matchAreas([...line('月亮湾公园新增步道', 40, 760, 20)], PAGE, [A, B, shared]);
    expect(areas).toEqual([]);
    expect(unmatched).toEqual(['a', 'b', 'c']);
  });

  it('finds nothing on a page without text (an image-only PDF): every story is unmatched', () => {
    expect(matchAreas([], PAGE, [A, B])).toEqual({ areas: [], unmatched: ['a', 'b'] });
  });

  it('puts the areas in reading order: top band left to right, then down', () => {
    const pieces = [
      ...column('月亮湾公园的健身步道日前完工，全长三公里，居民们纷纷前来散步锻炼。', 40, 400),
      ...column('今日上午柯城区召开会议，部署冬季安全生产工作，要求各乡镇压实责任排查隐患确保平安。', 320, 760),
    ];
    expect(matchAreas(pieces, PAGE, [B, A]).areas.map((area) => area.articleId)).toEqual(['a', 'b']);
  });
});
