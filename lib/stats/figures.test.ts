import { describe, expect, it } from 'vitest';

import { contributorFigures, departmentTotals, type StatsArticle } from './figures';
import { DEFAULT_POINT_RULES } from './points';

const HOUR = 3_600_000;
const rules = { ...DEFAULT_POINT_RULES, feePerPoint: 20 };
const accounts = new Map([
  ['u-wang', { name: '王一鸣', department: '采访部' }],
  ['u-liu', { name: '刘畅', department: '采访部' }],
  ['u-chen', { name: '陈摄', department: '摄影部' }],
]);

function article(fields: Partial<StatsArticle> & Pick<StatsArticle, 'id' | 'credits'>): StatsArticle {
  return {
    characters: 600,
    photos: 0,
    placements: [],
    channels: 0,
    reads: 0,
    retracted: false,
    reviews: new Map(),
    editors: [],
    ...fields,
  };
}

// A hand-built month: a 头版头条 shared by two reporters and a photographer, an inside-page story with a
// 通讯员 from outside, a web-only story, and a retracted one.
const month: StatsArticle[] = [
  article({
    id: 'lead',
    characters: 1600,
    photos: 2,
    placements: [
      { page: 1, position: 0 },
      { page: 2, position: 1 },
    ],
    channels: 1,
    reads: 1200,
    credits: [
      { userId: 'u-wang', name: '王一鸣', label: '记者' },
      { userId: 'u-liu', name: '刘畅', label: '记者' },
      { userId: 'u-chen', name: '陈摄', label: '摄' },
    ],
    reviews: new Map([
      [1, 2 * HOUR],
      [2, 1 * HOUR],
    ]),
  }),
  article({
    id: 'inside',
    characters: 400,
    placements: [{ page: 3, position: 2 }],
    reads: 50,
    credits: [
      { userId: 'u-wang', name: '王一鸣', label: '记者' },
      { userId: null, name: '闻凌世', label: '通讯员' },
    ],
    reviews: new Map([[1, 4 * HOUR]]),
  }),
  article({ id: 'web', characters: 800, reads: 10, credits: [{ userId: 'u-liu', name: '刘畅', label: '记者' }] }),
  article({
    id: 'retracted',
    characters: 3000,
    placements: [{ page: 1, position: 1 }],
    retracted: true,
    credits: [{ userId: 'u-wang', name: '王一鸣', label: '记者' }],
  }),
];

describe('contributorFigures', () => {
  const people = contributorFigures(month, rules, accounts);
  const byName = new Map(people.map((person) => [person.name, person]));

  it('equals the hand-computed month', () => {
    // lead: band 1500+ in print 3 + photos 2×0.5 + 头版 1 + 头条 1 + reach 1000+ 1 + 1 channel 0.5 = 7.5, a third each (2.5).
    // inside: band 0–499 in print 1 = 1, half each (0.5). web: band 500+ on the web 1, all 刘畅's.
    expect(byName.get('王一鸣')).toMatchObject({
      department: '采访部',
      byRole: { 记者: 2, 通讯员: 0, 摄影: 0, 其他: 0 },
      articles: 2,
      characters: 2000,
      photos: 0,
      frontPage: 1,
      leads: 1,
      pages: { 1: 1, 2: 1, 3: 1 },
      channels: 1,
      reads: 1250,
      points: 3,
      fee: 60,
    });
    expect([...byName.get('王一鸣')!.reviewHours]).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(byName.get('刘畅')).toMatchObject({ articles: 2, characters: 2400, reads: 1210, points: 3.5, fee: 70 });
    expect(byName.get('陈摄')).toMatchObject({ byRole: { 摄影: 1 }, photos: 2, articles: 1, points: 2.5 });
    expect(byName.get('闻凌世')).toMatchObject({
      userId: null,
      department: null,
      byRole: { 通讯员: 1 },
      points: 0.5,
    });
  });

  it('pays per piece and per 千字 on top of the fee per point, shared like the points', () => {
    // 5 元 a story and 10 元 per 千字, 20 元 a point: 王一鸣 has a third of lead (5 + 16 = 21 → 7) and
    // half of inside (5 + 4 = 9 → 4.5): 11.5 + 3 points × 20 = 71.5. The retracted story pays nothing.
    const paid = contributorFigures(month, { ...rules, feePerArticle: 5, feePerThousandChars: 10 }, accounts);
    expect(paid.find((person) => person.name === '王一鸣')?.fee).toBe(71.5);
    // 刘畅: a third of lead (7) and web alone (5 + 8 = 13): 20 + 3.5 × 20 = 90.
    expect(paid.find((person) => person.name === '刘畅')?.fee).toBe(90);
  });

  it('leaves the retracted story out for everyone', () => {
    expect(people.reduce((sum, person) => sum + person.characters, 0)).toBe(2000 + 2400 + 1600 + 400);
  });

  it('sums per 部门, people without one under 未设部门', () => {
    expect(departmentTotals(people)).toEqual([
      { department: '采访部', people: 2, articles: 4, characters: 4400, photos: 0, reads: 2460, points: 6.5, fee: 130 },
      { department: '摄影部', people: 1, articles: 1, characters: 1600, photos: 2, reads: 1200, points: 2.5, fee: 50 },
      { department: '未设部门', people: 1, articles: 1, characters: 400, photos: 0, reads: 50, points: 0.5, fee: 10 },
    ]);
  });
});

describe('编辑: the accounts that signed a story off', () => {
  const edited = [
    article({ id: 'a', credits: [{ userId: 'u-wang', name: '王一鸣', label: '记者' }], editors: ['u-liu', 'u-ed'] }),
    article({ id: 'b', credits: [{ userId: 'u-liu', name: '刘畅', label: '记者' }], editors: ['u-ed', 'u-ed'] }),
    article({
      id: 'c',
      retracted: true,
      credits: [{ userId: 'u-wang', name: '王一鸣', label: '记者' }],
      editors: ['u-ed'],
    }),
  ];
  const people = contributorFigures(
    edited,
    rules,
    new Map([...accounts, ['u-ed', { name: '编辑甲', department: '编辑部' }]]),
  );
  const byName = new Map(people.map((person) => [person.name, person]));

  it('counts each story an editor signed off once, and gives them none of its points or figures', () => {
    expect(byName.get('编辑甲')).toMatchObject({ edited: 2, articles: 0, characters: 0, points: 0, reads: 0 });
    // A reporter who also signed a colleague's story off: their own story and the edit, apart.
    expect(byName.get('刘畅')).toMatchObject({ edited: 1, articles: 1, byRole: { 记者: 1 } });
    expect(byName.get('王一鸣')).toMatchObject({ edited: 0, articles: 1 });
  });
});
