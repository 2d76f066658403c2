// 考核 rules and closed months (issue 34, deliverable 3). The center's point rules are one stored row
// (the defaults until set), changed by whoever may edit 报刊设置 (the admin), checked (checkPointRules) and audited.
// A change applies to every month not yet closed; closing a month ('stats:read-all', i.e. an editor or
// the chief editor) freezes its figures as they are with the rules they were scored by (StatsMonth) and
// is audited; a closed month is read from its snapshot, whatever changes later.
import type { Actor } from '../access/actor';
import { can } from '../access/capabilities';
import { AccessDenied } from '../access/denied';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import type { Db } from '../db-client';
import type { ContributorFigures, DepartmentTotals } from './figures';
import { monthPeriod, type StatsPeriod } from './period';
import { checkPointRules, DEFAULT_POINT_RULES, type PointRules } from './points';
import { statsView, type StatsView } from './service';

export async function readPointRules(db: Db): Promise<PointRules> {
  const row = await db.statsRules.findUnique({ where: { id: 1 } });
  return row ? (JSON.parse(row.rules) as PointRules) : DEFAULT_POINT_RULES;
}

export async function savePointRules(db: Db, actor: Actor, rules: PointRules): Promise<void> {
  if (!can(actor.role, 'settings:edit')) throw new AccessDenied('FORBIDDEN');
  const checked = checkPointRules(rules);
  if (!checked.ok) throw new UserFacingError(checked.error);
  await db.$transaction(async (tx) => {
    const before = await tx.statsRules.findUnique({ where: { id: 1 } });
    const json = JSON.stringify(checked.rules);
    await tx.statsRules.upsert({
      where: { id: 1 },
      create: { id: 1, rules: json, updatedById: actor.id },
      update: { rules: json, updatedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'stats.rules',
      subjectType: 'StatsRules',
      subjectId: '1',
      details: { from: before ? JSON.parse(before.rules) : DEFAULT_POINT_RULES, to: checked.rules },
    });
  });
}

type StoredContributor = Omit<ContributorFigures, 'reviewHours'> & { reviewHours: [number, number][] };
type Snapshot = { people: StoredContributor[]; departments: DepartmentTotals[] };

const store = (view: StatsView): Snapshot => ({
  people: view.people.map((person) => ({ ...person, reviewHours: [...person.reviewHours] })),
  departments: view.departments,
});

/** Freezes `month`'s figures; refuses a month already closed or not yet over. */
export async function closeMonth(db: Db, actor: Actor, month: string, now = new Date()): Promise<void> {
  if (!can(actor.role, 'stats:read-all')) throw new AccessDenied('FORBIDDEN');
  const period = monthPeriod(month);
  if (!period.ok) throw new UserFacingError(period.error);
  if (period.period.end > now) throw new UserFacingError('这个月还没有结束，不能结账');
  const rules = await readPointRules(db);
  const view = await statsView(db, actor, period.period, rules);
  await db.$transaction(async (tx) => {
    if (await tx.statsMonth.findUnique({ where: { month: period.period.month! } }))
      throw new UserFacingError(`${period.period.label}已经结账`);
    await tx.statsMonth.create({
      data: {
        month: period.period.month!,
        closedById: actor.id,
        rules: JSON.stringify(rules),
        figures: JSON.stringify(store(view)),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'stats.close',
      subjectType: 'StatsMonth',
      subjectId: period.period.month!,
      details: { people: view.people.length, points: view.people.reduce((sum, person) => sum + person.points, 0) },
    });
  });
}

export type MonthView = StatsView & { closedAt: Date | null; rules: PointRules };

/** A period's view: a closed month from its snapshot, anything else live under the current rules. */
export async function periodView(db: Db, actor: Actor, period: StatsPeriod): Promise<MonthView> {
  const closed = period.month ? await db.statsMonth.findUnique({ where: { month: period.month } }) : null;
  if (!closed) {
    const rules = await readPointRules(db);
    return { ...(await statsView(db, actor, period, rules)), closedAt: null, rules };
  }
  const everyone = can(actor.role, 'stats:read-all');
  const snapshot = JSON.parse(closed.figures) as Snapshot;
  const people = snapshot.people
    .map((person) => ({ ...person, reviewHours: new Map(person.reviewHours) }))
    .filter((person) => everyone || person.userId === actor.id);
  return {
    period,
    everyone,
    people,
    departments: everyone ? snapshot.departments : [],
    closedAt: closed.closedAt,
    rules: JSON.parse(closed.rules) as PointRules,
  };
}
