// 考核 point rules (issue 34, deliverable 3): the center's own rules, as 报刊设置 will keep them, and what
// a story earns under them. Pure. A story earns its length band's points for where it ran (in print or
// on the web only), points per photo, a bonus on 头版 and another as 头版头条 (the first story of page 1),
// the highest reach bonus its reads pass, and points per channel it was sent to besides the website.
// 稿费 is points × a rate per point, plus, where the center pays per piece, a rate per story and per
// 千字 (articleFee). Credits share a story's points and its piece fee equally (splitPoints).

export type PointRules = {
  /** Length bands by characters, the first from 0; each gives points in print and on the web only. */
  bands: { minChars: number; print: number; web: number }[];
  perPhoto: number;
  frontPageBonus: number;
  leadBonus: number;
  /** Reach bonuses by reads; the highest passed counts. */
  reach: { minReads: number; points: number }[];
  perChannel: number;
  /** 稿费 in 元 per point (0: not paid by points). */
  feePerPoint: number;
  /** 稿费 in 元 per story and per 1,000 characters (0: not paid per piece). */
  feePerArticle: number;
  feePerThousandChars: number;
};

/** The rules a newsroom starts from until it sets its own (报刊设置). */
export const DEFAULT_POINT_RULES: PointRules = {
  bands: [
    { minChars: 0, print: 1, web: 0.5 },
    { minChars: 500, print: 2, web: 1 },
    { minChars: 1500, print: 3, web: 1.5 },
  ],
  perPhoto: 0.5,
  frontPageBonus: 1,
  leadBonus: 1,
  reach: [
    { minReads: 1000, points: 1 },
    { minReads: 10000, points: 3 },
  ],
  perChannel: 0.5,
  feePerPoint: 0,
  feePerArticle: 0,
  feePerThousandChars: 0,
};

/**
 * Stored rules as they were saved: rules kept before a field existed (the piece fees) take that
 * field's default, so an old row or a closed month's rules read as they were paid (nothing per piece).
 */
export function storedPointRules(json: string): PointRules {
  return { ...DEFAULT_POINT_RULES, ...(JSON.parse(json) as Partial<PointRules>) };
}

export type ArticleFigures = {
  characters: number;
  photos: number;
  /** Printed on some page of an issue. */
  printed: boolean;
  /** On page 1 / first on page 1. */
  frontPage: boolean;
  lead: boolean;
  reads: number;
  /** Channels it was sent to besides the website. */
  channels: number;
};

export type ArticlePoints = {
  length: number;
  photos: number;
  placement: number;
  reach: number;
  channels: number;
  total: number;
};

const round2 = (value: number) => Math.round(value * 100) / 100;

export function articlePoints(rules: PointRules, figures: ArticleFigures): ArticlePoints {
  const band = [...rules.bands].reverse().find((candidate) => figures.characters >= candidate.minChars);
  const length = band ? (figures.printed ? band.print : band.web) : 0;
  const photos = figures.photos * rules.perPhoto;
  const placement =
    (figures.frontPage ? rules.frontPageBonus : 0) + (figures.frontPage && figures.lead ? rules.leadBonus : 0);
  const reach = [...rules.reach].reverse().find((bonus) => figures.reads >= bonus.minReads)?.points ?? 0;
  const channels = figures.channels * rules.perChannel;
  return {
    length,
    photos,
    placement,
    reach,
    channels,
    total: round2(length + photos + placement + reach + channels),
  };
}

/** Each of `credits` people's share of `points` (equal, to the cent of a point). */
export function splitPoints(points: number, credits: number): number {
  return credits > 0 ? round2(points / credits) : 0;
}

export function feeFor(rules: PointRules, points: number): number {
  return round2(points * rules.feePerPoint);
}

/** A story's 稿费 paid per piece: the rate per story plus the rate per 千字 (to the fen, before sharing). */
export function articleFee(rules: PointRules, characters: number): number {
  return round2(rules.feePerArticle + (characters / 1000) * rules.feePerThousandChars);
}

export type RulesCheck = { ok: true; rules: PointRules } | { ok: false; error: string };

/** Rules as a form sends them, checked: numbers, none negative, bands from 0 rising. */
export function checkPointRules(rules: PointRules): RulesCheck {
  const numbers = [
    ...rules.bands.flatMap((band) => [band.minChars, band.print, band.web]),
    rules.perPhoto,
    rules.frontPageBonus,
    rules.leadBonus,
    ...rules.reach.flatMap((bonus) => [bonus.minReads, bonus.points]),
    rules.perChannel,
    rules.feePerPoint,
    rules.feePerArticle,
    rules.feePerThousandChars,
  ];
  if (numbers.some((value) => !Number.isFinite(value))) return { ok: false, error: '分值必须是数字' };
  if (numbers.some((value) => value < 0)) return { ok: false, error: '分值不能为负数' };
  if (rules.bands.length === 0 || rules.bands[0]!.minChars !== 0) return { ok: false, error: '字数档次应从 0 字开始' };
  for (const list of [rules.bands.map((band) => band.minChars), rules.reach.map((bonus) => bonus.minReads)])
    if (list.some((value, index) => index > 0 && value <= list[index - 1]!))
      return { ok: false, error: '字数档次和阅读数档次应从小到大排列，且不重复' };
  return { ok: true, rules };
}
