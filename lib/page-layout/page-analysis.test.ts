import { describe, expect, it } from 'vitest';

import { analysePage } from './page-analysis';
import type { Piece } from './pdf-segments';

const BODY = 10;

/** One piece per line, as a layout system writes them: full-width characters, y the baseline. */
function line(text: string, x: number, y: number, size = BODY): Piece {
  return { text, x, y, width: [...text].length * size, size };
}

/** Paragraphs set in a column `chars` characters wide from (x, top): first lines indented two characters. */
function column(paragraphs: string[], x: number, top: number, chars: number, pitch = 15): Piece[] {
  const pieces: Piece[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    let rest = [...paragraph];
    let first = true;
    while (rest.length) {
      const room = first ? chars - 2 : chars;
      pieces.push(line(rest.slice(0, room).join(''), first ? x + 2 * BODY : x, y));
      rest = rest.slice(room);
      first = false;
      y -= pitch;
    }
  }
  return pieces;
}

/** Lines of `text`, `chars` to a line, flowed down columns of `rows` lines each (a story's column chain). */
function flowed(text: string, xs: number[], top: number, chars: number, rows: number, pitch = 15): Piece[] {
  const all = column([text], 0, 0, chars, pitch);
  return all.map((piece, index) => ({
    ...piece,
    x: xs[Math.floor(index / rows)]! + (index === 0 ? 2 * BODY : 0),
    y: top - (index % rows) * pitch,
  }));
}

const MEETING =
  '本报讯（记者 徐敏）8月28日，我区召开三季度重大项目推进会，通报1至8月重大项目建设情况，分析存在问题，部署下一阶段工作，要求各责任单位倒排工期、挂图作战，确保全年目标任务圆满完成。';
const ORANGES =
  '近年来，航埠镇围绕柑橘产业，引进深加工企业三家，开发果脯、果汁、精油等产品二十余种，带动农户一千余户增收。';
const COMMENT = '一颗柑橘，连着田间地头，也连着工厂车间，延长产业链才能卖出好价钱。';

describe('the page analysis', () => {
  it('reads a story down its columns under a headline across them, a paragraph going on at the head of the next column', () => {
    const pieces = [line('我区召开三季度重大项目推进会', 40, 800, 22), ...flowed(MEETING, [40, 210, 380], 770, 15, 4)];
    const { text, titleRoles } = analysePage(pieces);
    expect(text).toBe(`我区召开三季度重大项目推进会\n\n${MEETING}`);
    expect(titleRoles.get('我区召开三季度重大项目推进会')).toBe('headline');
  });

  it('keeps a boxed comment beside a story apart from it, though their lines share baselines', () => {
    const pieces = [
      line('航埠镇小柑橘串起', 40, 800, 22),
      line('千户农家致富路', 40, 772, 22),
      ...flowed(ORANGES, [40, 210], 740, 15, 3),
      line('短评', 390, 800, 12),
      line('把小产业做成大文章', 390, 780, 16),
      ...column([COMMENT], 390, 750, 10),
    ];
    const { text, titleRoles } = analysePage(pieces);
    expect(text.split('\n\n')).toEqual([
      '航埠镇小柑橘串起千户农家致富路',
      ORANGES,
      '短评',
      '把小产业做成大文章',
      COMMENT,
    ]);
    expect(titleRoles.get('航埠镇小柑橘串起千户农家致富路')).toBe('headline');
    expect(titleRoles.get('短评')).toBe('kicker');
    expect(titleRoles.get('把小产业做成大文章')).toBe('headline');
  });

  it('reads stories in rows: the whole upper row first, column by column, then the row below', () => {
    const upper = '区市场监管局相关负责人介绍，节日期间将加强市场巡查，严厉打击哄抬物价等违法行为，保障市场供应。';
    const lower = '九华乡梧桐源村的农户正在抢收早稻，今年全乡早稻种植面积三千亩，亩产预计比去年增加五十多斤。';
    const pieces = [
      line('节前蔬菜供应充足', 40, 800, 20),
      ...flowed(upper, [40, 210], 772, 15, 3),
      line('九华乡稻田迎来丰收', 40, 700, 20),
      ...flowed(lower, [40, 210], 672, 15, 3),
    ];
    expect(analysePage(pieces).text.split('\n\n')).toEqual(['节前蔬菜供应充足', upper, '九华乡稻田迎来丰收', lower]);
  });

  it('gives 引题, 主题 and 副题 their roles by type size, and takes a vertical banner out of the text', () => {
    const pieces = [
      ...['综', '合'].map((char, index) => line(char, 20, 800 - index * 22, 18)),
      line('守好群众菜篮子', 60, 800, 12),
      line('节前蔬菜供应充足价格平稳', 60, 780, 20),
      line('全区主要农贸市场货足价稳', 60, 755, 13),
      ...column([MEETING], 60, 730, 30),
    ];
    const { text, titleRoles, vertical } = analysePage(pieces);
    expect(vertical).toEqual(['综合']);
    expect(text.split('\n\n').slice(0, 3)).toEqual([
      '守好群众菜篮子',
      '节前蔬菜供应充足价格平稳',
      '全区主要农贸市场货足价稳',
    ]);
    expect([...titleRoles.values()]).toEqual(['kicker', 'headline', 'subheadline']);
  });

  it('keeps ragged lines (a masthead) one to a line and ends a paragraph at a short line', () => {
    const pieces = [
      line('2020年8月31日 星期一 农历七月十三', 40, 800),
      line('第1706期', 40, 785),
      line('衢州市柯城区融媒体中心编印', 40, 770),
      line('本期四版', 40, 755),
    ];
    expect(analysePage(pieces).text.split('\n\n')).toEqual([
      '2020年8月31日 星期一 农历七月十三',
      '第1706期',
      '衢州市柯城区融媒体中心编印',
      '本期四版',
    ]);
    const paragraphs = ['会议指出，今年以来全区重大项目建设总体平稳。', '会议要求，各责任单位要倒排工期。'];
    expect(analysePage(column(paragraphs, 40, 700, 12)).text.split('\n\n')).toEqual(paragraphs);
  });

  it('keeps two short lines apart that end alike, measuring them against the column under them', () => {
    const pieces = [
      line('2024年5月20日 星期一 第1971期', 60, 800),
      line('第1版：要闻', 60, 785),
      line('柯城启动老旧小区加装电梯', 40, 750, 20),
      ...column([MEETING], 40, 720, 40),
    ];
    expect(analysePage(pieces).text.split('\n\n').slice(0, 2)).toEqual([
      '2024年5月20日 星期一 第1971期',
      '第1版：要闻',
    ]);
  });

  it('reads an 编者按 boxed in a frame just before the story under the frame, not before the story beside it', () => {
    const note = '编者按：营商环境是一个地方的核心竞争力，本报今起推出系列报道。';
    const beside = '连日来石室乡的田野上一派繁忙景象，一台台旋耕机来回穿梭，农户们抢抓晴好天气翻耕土地。';
    const pieces = [
      ...column([note], 40, 800, 15),
      line('万亩良田披绿装', 230, 800, 20),
      ...flowed(beside, [230, 400], 772, 15, 3),
      line('一张清单管到底', 40, 700, 20),
      ...flowed(MEETING, [40, 210, 380], 672, 15, 4),
    ];
    // The frame round the note: from x 34 to 196, y 760 to 814.
    const frame = [
      { x0: 34, y0: 760, x1: 196, y1: 760 },
      { x0: 34, y0: 814, x1: 196, y1: 814 },
      { x0: 34, y0: 760, x1: 34, y1: 814 },
      { x0: 196, y0: 760, x1: 196, y1: 814 },
    ];
    expect(analysePage(pieces).text.split('\n\n')[0]).toBe(note);
    expect(analysePage(pieces, frame).text.split('\n\n')).toEqual([
      '万亩良田披绿装',
      beside,
      note,
      '一张清单管到底',
      MEETING,
    ]);
  });

  it('takes the paragraph right under a photo as its caption and leaves small images (logos) out', () => {
    const caption = '9月5日，九华乡梧桐源村的农户正在抢收早稻。（通讯员 周杰 摄）';
    const pieces = [...column([MEETING], 40, 800, 15), ...column([caption], 240, 620, 15)];
    const photo = { left: 240, bottom: 632, right: 390, top: 760 };
    const logo = { left: 40, bottom: 820, right: 60, top: 840 };
    const { paragraphs, photos } = analysePage(pieces, [], [logo, photo]);
    expect(photos).toEqual([{ image: 1, box: photo, caption: 1 }]);
    expect(paragraphs[1]!.text).toBe(caption);
    // Each paragraph keeps the boxes of its lines, for the story areas.
    expect(paragraphs[1]!.boxes).toHaveLength(Math.ceil((caption.length + 2) / 15));
    expect(paragraphs[1]!.boxes[0]!.left).toBe(240 + 2 * BODY);
  });

  it('returns nothing for a page without text', () => {
    expect(analysePage([])).toEqual({ text: '', titleRoles: new Map(), vertical: [], paragraphs: [], photos: [] });
  });
});

describe('rules and the column chain', () => {
  it('never runs a paragraph on across a horizontal rule', () => {
    // Two lines a line's pitch apart, the first reaching the column's edge: one paragraph, unless a
    // rule is drawn between them (a masthead's last line over the 第N版 line, one story over another).
    const pieces = [
      line('柯城区融媒体中心编印', 40, 700),
      line('第1版要闻第一版要闻', 40, 685),
      ...column(['本报讯今年全区新建口袋公园十处，居民步行五分钟就能到达一处公园。'], 40, 640, 10),
    ];
    expect(analysePage(pieces).paragraphs[0]!.text).toBe('柯城区融媒体中心编印第1版要闻第一版要闻');
    const rule = { x0: 40, y0: 696, x1: 140, y1: 696 };
    const parted = analysePage(pieces, [rule]).paragraphs.map((paragraph) => paragraph.text);
    expect(parted.slice(0, 2)).toEqual(['柯城区融媒体中心编印', '第1版要闻第一版要闻']);
  });

  it('goes on at the head of the next column, never at a block below the foot it ends at', () => {
    const below = [line('柯城区融媒体中心编印', 40, 700), line('第1版 要闻', 40, 660)];
    const texts = analysePage(below).paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toEqual(['柯城区融媒体中心编印', '第1版 要闻']);
  });
});

describe('a boxed item beside a story', () => {
  it('keeps its bold title, set in the body size and wrapped onto a short second line, one paragraph', () => {
    const size = 10.5;
    const at = (text: string, x: number, y: number) => ({ text, x, y, width: [...text].length * size, size });
    const story = column(
      [
        '本报讯 近日，两处口袋公园建成开放，新增绿地面积四千平方米，周边居民步行五分钟就能到达，成为散步锻炼的好去处。',
        '公园利用闲置边角地改造而成，设置了健身步道、儿童游乐区和休闲座椅。',
      ],
      40,
      424,
      15,
      19.2,
    ).map((piece) => ({ ...piece, size, width: [...piece.text].length * size }));
    const box = [
      at('短评', 401, 423.7),
      at('小小口袋公园里装着城市的大', 401, 405.7),
      at('民生', 401, 390.5),
      at('口袋公园虽小，却连着群', 422, 367.7),
      at('众的日常生活。把边角地用', 401, 348.5),
      at('好，把小事办实，城市才会更', 401, 329.3),
      at('有温度。', 401, 310.1),
    ];
    const texts = analysePage([...story, ...box]).paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toContain('短评');
    expect(texts).toContain('小小口袋公园里装着城市的大民生');
    expect(texts).not.toContain('民生');
  });
});

describe('credits wrapped at a line break', () => {
  // A credit's words are parted by spaces; the space a line broke at is not in the text layer (pdfkit
  // drops it, pdf-lib draws it at the head of the next line and pdf.js leaves it out).
  const caption = (lines: [string, number][]) =>
    analysePage(lines.map(([text, x], index) => line(text, x, 700 - index * 14))).paragraphs.map(
      (paragraph) => paragraph.text,
    );

  it.each<[string, [string, number][], string]>([
    [
      'keeps the space between a label and the name on the next line (pdf-lib: 02-pdflib-inner-page)',
      [
        ['9月5日，九华乡梧桐源村的农', 40],
        ['户正在抢收早稻。今年全乡早', 40],
        ['比去年增加五十斤。（通讯员', 40],
        ['周杰 摄）', 45],
      ],
      '9月5日，九华乡梧桐源村的农户正在抢收早稻。今年全乡早比去年增加五十斤。（通讯员 周杰 摄）',
    ],
    [
      'keeps the 摄 credit whole when it alone goes onto the next line (pdfkit: 11-pdfkit-front-sidebar)',
      [
        ['3月5日，市民在府山公园观赏初开的樱', 40],
        ['花，不少游客驻足拍照。（通讯员 李明', 40],
        ['摄）', 40],
      ],
      '3月5日，市民在府山公园观赏初开的樱花，不少游客驻足拍照。（通讯员 李明 摄）',
    ],
    [
      'keeps names apart in a dateline’s credit',
      [
        ['本报讯（记者 王芳 通讯员', 40],
        ['周杰）3月4日，全区春季大型', 40],
        ['招聘会在人力资源市场举行。', 40],
      ],
      '本报讯（记者 王芳 通讯员 周杰）3月4日，全区春季大型招聘会在人力资源市场举行。',
    ],
    [
      'never parts a name broken across the lines',
      [
        ['今年全乡早稻种植面积三千亩（通讯员 周', 40],
        ['杰明 摄）', 40],
      ],
      '今年全乡早稻种植面积三千亩（通讯员 周杰明 摄）',
    ],
  ])('%s', (_, lines, joined) => {
    expect(caption(lines)).toEqual([joined]);
  });
});

describe('a headline over two columns whose second column starts indented', () => {
  it('comes off its columns whole, never with their first lines (11-pdfkit-front-sidebar)', () => {
    // The headline ends short of the second column's indented first line: a gutter runs between them
    // over the headline and the first lines alone, which a cut under the first lines would keep.
    const size = 10.5;
    const at = (text: string, x: number, y: number) => ({ text, x, y, width: [...text].length * size, size });
    const pieces = [
      { text: '城区新增两处口袋公园', x: 40, y: 425, width: 180, size: 18 },
      at('本报讯（记者 陈静）近日，位', 61, 403.7),
      at('于新新街道和双港街道的两处口袋', 40, 384.5),
      at('公园建成开放，新增绿地面积四千', 40, 365.3),
      at('平方米，周边居民步行五分钟就能', 40, 346.1),
      at('到达。', 40, 326.9),
      at('两处公园利用闲置边角地改造', 237.4, 403.7),
      at('而成，设置了健身步道、儿童游乐', 216.4, 384.5),
      at('区和休闲座椅，夜间还有景观照', 216.4, 365.3),
      at('明，成为居民散步锻炼的好去处。', 216.4, 346.1),
    ];
    expect(analysePage(pieces).paragraphs.map((paragraph) => paragraph.text)).toEqual([
      '城区新增两处口袋公园',
      '本报讯（记者 陈静）近日，位于新新街道和双港街道的两处口袋公园建成开放，新增绿地面积四千平方米，周边居民步行五分钟就能到达。',
      '两处公园利用闲置边角地改造而成，设置了健身步道、儿童游乐区和休闲座椅，夜间还有景观照明，成为居民散步锻炼的好去处。',
    ]);
  });
});
