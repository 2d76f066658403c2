// A 考核 view (issue 34): each person's figures for a period and the totals per 部门, as the actor may
// see them: editors and chief editors ('stats:read-all') everyone, anyone else only their own row
// (and no department totals, which would tell them their colleagues' figures). Thin: the figures are
// lib/stats/figures.ts's, the stories lib/stats/period-articles.ts's.
import type { Actor } from '../access/actor';
import { can } from '../access/capabilities';
import { idTable } from '../database/id-table';
import type { Db } from '../db-client';
import { contributorFigures, departmentTotals, type ContributorFigures, type DepartmentTotals } from './figures';
import type { StatsPeriod } from './period';
import { periodArticles } from './period-articles';
import type { PointRules } from './points';

export type StatsView = {
  period: StatsPeriod;
  everyone: boolean;
  people: ContributorFigures[];
  departments: DepartmentTotals[];
};

export async function statsView(db: Db, actor: Actor, period: StatsPeriod, rules: PointRules): Promise<StatsView> {
  const everyone = can(actor.role, 'stats:read-all');
  const all = await everyoneFigures(db, period, rules);
  const people = everyone ? all : all.filter((person) => person.userId === actor.id);
  return { period, everyone, people, departments: everyone ? departmentTotals(all) : [] };
}

/** Every person's figures for the period, whoever asks: for 结账, which freezes them all. */
export async function everyoneFigures(db: Db, period: StatsPeriod, rules: PointRules): Promise<ContributorFigures[]> {
  const articles = await periodArticles(db, period);
  const ids = [
    ...new Set(
      articles.flatMap((article) => [...article.credits.flatMap((credit) => credit.userId ?? []), ...article.editors]),
    ),
  ];
  // One parameter for the ids (lib/database/id-table.ts): 200 bound one by one took 10 ms (bench:stats).
  const users = await db.$queryRaw<{ id: string; name: string; department: string | null }[]>`
    SELECT u.id, u.name, u.department FROM "User" u WHERE u.id IN (${idTable(db, ids)})`;
  const accounts = new Map(users.map((user) => [user.id, { name: user.name, department: user.department }]));
  return contributorFigures(articles, rules, accounts);
}
