// Each person's 考核 figures for a period (issue 34), from the period's stories as lib/stats reads them.
// Pure. A person is a newsroom account (by id) or a name credited without one (a 通讯员 from outside).
// Every credited person counts the story, its characters, placements, channels and reads in full; its
// points are shared equally (splitPoints); its photos count for its 摄影 credits, or for everyone when
// it has none. A retracted story counts for no one. Review time is the mean per level over their stories.
// 编辑: the accounts that signed a story off (any review level) count it as edited, and nothing else of
// it (its points are its authors'); an editor who wrote nothing has a row with their edits alone.
import { creditRoleOf, type CreditRole } from './credit-role';
import { articleFee, articlePoints, feeFor, splitPoints, type PointRules } from './points';
import { meanHoursByLevel } from './review-time';

export type StatsArticle = {
  id: string;
  characters: number;
  photos: number;
  credits: readonly { userId: string | null; name: string; label: string }[];
  /** Where it was printed: the date, the page (版次) and its order there (0: 头条). */
  placements: readonly { page: number; position: number }[];
  /** Channels it was sent to besides the website. */
  channels: number;
  /** Its reads within the period. */
  reads: number;
  retracted: boolean;
  /** Milliseconds per review level (reviewDurations). */
  reviews: ReadonlyMap<number, number>;
  /** The accounts whose sign-offs stand on it (编辑), each once. */
  editors: readonly string[];
};

export type ContributorFigures = {
  key: string;
  userId: string | null;
  name: string;
  department: string | null;
  byRole: Record<CreditRole, number>;
  /** Stories they signed off as an editor (a month closed before this column has none). */
  edited?: number;
  articles: number;
  characters: number;
  photos: number;
  frontPage: number;
  leads: number;
  /** 版次: how many of their stories ran on each page. */
  pages: Record<number, number>;
  channels: number;
  reads: number;
  points: number;
  fee: number;
  reviewHours: Map<number, number>;
};

export type Account = { name: string; department: string | null };

const round2 = (value: number) => Math.round(value * 100) / 100;

export function contributorFigures(
  articles: readonly StatsArticle[],
  rules: PointRules,
  accounts: ReadonlyMap<string, Account>,
): ContributorFigures[] {
  type Contributor = ContributorFigures & { durations: ReadonlyMap<number, number>[] };
  const people = new Map<string, Contributor>();
  const contributorFor = (key: string, userId: string | null, name: string): Contributor => {
    let person = people.get(key);
    if (!person) {
      const account = userId ? accounts.get(userId) : undefined;
      person = {
        key,
        userId,
        name: account?.name ?? name,
        department: account?.department ?? null,
        byRole: { 记者: 0, 通讯员: 0, 摄影: 0, 其他: 0 },
        edited: 0,
        articles: 0,
        characters: 0,
        photos: 0,
        frontPage: 0,
        leads: 0,
        pages: {},
        channels: 0,
        reads: 0,
        points: 0,
        fee: 0,
        reviewHours: new Map(),
        durations: [],
      };
      people.set(key, person);
    }
    return person;
  };
  for (const article of articles) {
    if (article.retracted || article.credits.length === 0) continue;
    const frontPage = article.placements.some((placement) => placement.page === 1);
    const lead = article.placements.some((placement) => placement.page === 1 && placement.position === 0);
    const points = articlePoints(rules, {
      characters: article.characters,
      photos: article.photos,
      printed: article.placements.length > 0,
      frontPage,
      lead,
      reads: article.reads,
      channels: article.channels,
    }).total;
    const share = splitPoints(points, article.credits.length);
    const feeShare = splitPoints(articleFee(rules, article.characters), article.credits.length);
    const photographers = article.credits.filter((credit) => creditRoleOf(credit.label) === '摄影').length;
    // One person credited twice on a story (记者 and 摄) counts each role, and the story once.
    const credited = new Map<string, { userId: string | null; name: string; roles: CreditRole[] }>();
    for (const credit of article.credits) {
      const key = credit.userId ?? `name:${credit.name.trim()}`;
      const entry = credited.get(key) ?? { userId: credit.userId, name: credit.name.trim(), roles: [] };
      entry.roles.push(creditRoleOf(credit.label));
      credited.set(key, entry);
    }
    for (const [key, credit] of credited) {
      const person = contributorFor(key, credit.userId, credit.name);
      for (const role of credit.roles) person.byRole[role] += 1;
      person.points = round2(person.points + share * credit.roles.length);
      // The piece fees for now; the fee by points is added once their points are all in.
      person.fee = round2(person.fee + feeShare * credit.roles.length);
      if (photographers === 0 || credit.roles.includes('摄影')) person.photos += article.photos;
      person.articles += 1;
      person.characters += article.characters;
      if (frontPage) person.frontPage += 1;
      if (lead) person.leads += 1;
      for (const page of new Set(article.placements.map((placement) => placement.page)))
        person.pages[page] = (person.pages[page] ?? 0) + 1;
      person.channels += article.channels;
      person.reads += article.reads;
      person.durations.push(article.reviews);
    }
    for (const userId of new Set(article.editors)) {
      const editor = contributorFor(userId, userId, '');
      editor.edited = (editor.edited ?? 0) + 1;
    }
  }
  return [...people.values()]
    .map(({ durations, ...person }) => ({
      ...person,
      fee: round2(feeFor(rules, person.points) + person.fee),
      reviewHours: meanHoursByLevel(durations),
    }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh'));
}

export type DepartmentTotals = {
  department: string;
  people: number;
  articles: number;
  characters: number;
  photos: number;
  reads: number;
  points: number;
  fee: number;
};

/** Totals per 部门 (people without one under 未设部门); a story two colleagues share counts for both. */
export function departmentTotals(people: readonly ContributorFigures[]): DepartmentTotals[] {
  const totals = new Map<string, DepartmentTotals>();
  for (const person of people) {
    const department = person.department?.trim() || '未设部门';
    const total = totals.get(department) ?? {
      department,
      people: 0,
      articles: 0,
      characters: 0,
      photos: 0,
      reads: 0,
      points: 0,
      fee: 0,
    };
    total.people += 1;
    total.articles += person.articles;
    total.characters += person.characters;
    total.photos += person.photos;
    total.reads += person.reads;
    total.points = round2(total.points + person.points);
    total.fee = round2(total.fee + person.fee);
    totals.set(department, total);
  }
  return [...totals.values()].sort((a, b) => b.points - a.points);
}
