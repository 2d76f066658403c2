// 考核 rules and closed months (issue 34, deliverable 3). The center's point rules are one stored row
// (the defaults until set), changed under 考核设置 ('stats:manage': the chief editor and the admin),
// checked (checkPointRules) and audited. A change applies to every month not yet closed; closing a month
// (结账, 'stats:manage' too) freezes everyone's figures as they are with the rules they were scored by
// (StatsMonth) and is audited; a closed month is read from its snapshot, whatever changes later.
import type { Actor } from '../access/actor';
import { can } from '../access/capabilities';
import { AccessDenied } from '../access/denied';
import { UserFacingError } from '../actions/result';
import { recordAudit } from '../audit/record';
import { isoDateIn } from '../dates/time-zone';
import type { Db } from '../db-client';
import { departmentTotals, type ContributorFigures, type DepartmentTotals } from './figures';
import { monthPeriod, shiftMonth, type StatsPeriod } from './period';
import { checkPointRules, DEFAULT_POINT_RULES, storedPointRules, type PointRules } from './points';
import { everyoneFigures, statsView, type StatsView } from './service';

export async function readPointRules(db: Db): Promise<PointRules> {
  const row = await db.statsRules.findUnique({ where: { id: 1 } });
  return row ? storedPointRules(row.rules) : DEFAULT_POINT_RULES;
}

/** Saves the rules; false (nothing written, nothing audited) when they are the ones in force. */
export async function savePointRules(db: Db, actor: Actor, rules: PointRules): Promise<boolean> {
  if (!can(actor.role, 'stats:manage')) throw new AccessDenied('FORBIDDEN');
  const checked = checkPointRules(rules);
  if (!checked.ok) throw new UserFacingError(checked.error);
  return db.$transaction(async (tx) => {
    const before = await tx.statsRules.findUnique({ where: { id: 1 } });
    const json = JSON.stringify(checked.rules);
    const previous = before ? storedPointRules(before.rules) : DEFAULT_POINT_RULES;
    if (JSON.stringify(previous) === json) return false;
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
      details: { from: previous, to: checked.rules },
    });
    return true;
  });
}

type StoredContributor = Omit<ContributorFigures, 'reviewHours'> & { reviewHours: [number, number][] };
type Snapshot = { people: StoredContributor[]; departments: DepartmentTotals[] };

const store = (people: readonly ContributorFigures[]): Snapshot => ({
  people: people.map((person) => ({ ...person, reviewHours: [...person.reviewHours] })),
  departments: departmentTotals(people),
});

/**
 * Freezes `month`'s figures: everyone's, whoever closes it (the admin, who may not read them, closes
 * for the office). Refuses a month already closed or not yet over.
 */
export async function closeMonth(db: Db, actor: Actor, month: string, now = new Date()): Promise<void> {
  if (!can(actor.role, 'stats:manage')) throw new AccessDenied('FORBIDDEN');
  const period = monthPeriod(month);
  if (!period.ok) throw new UserFacingError(period.error);
  if (period.period.end > now) throw new UserFacingError(`${period.period.label}还没有结束，不能结账`);
  if (await db.statsMonth.findUnique({ where: { month: period.period.month! } }))
    throw new UserFacingError(`${period.period.label}已经结账`);
  const rules = await readPointRules(db);
  const people = await everyoneFigures(db, period.period, rules);
  await db.$transaction(async (tx) => {
    if (await tx.statsMonth.findUnique({ where: { month: period.period.month! } }))
      throw new UserFacingError(`${period.period.label}已经结账`);
    await tx.statsMonth.create({
      data: {
        month: period.period.month!,
        closedById: actor.id,
        rules: JSON.stringify(rules),
        figures: JSON.stringify(store(people)),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'stats.close',
      subjectType: 'StatsMonth',
      subjectId: period.period.month!,
      details: {
        people: people.length,
        points: Math.round(people.reduce((sum, person) => sum + person.points, 0) * 100) / 100,
      },
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
    rules: storedPointRules(closed.rules),
  };
}

/** How many months 考核设置 lists: this one and the eleven before it. */
export const LISTED_MONTHS = 12;

export type MonthState = {
  month: string;
  label: string;
  /** Over (its last day past in the publication's time zone): only then may it be closed. */
  over: boolean;
  closed: { at: Date; by: string | null } | null;
};

/** The recent months, newest first, each open or closed (when, by whom). */
export async function recentMonths(db: Db, actor: Actor, now = new Date()): Promise<MonthState[]> {
  if (!can(actor.role, 'stats:manage')) throw new AccessDenied('FORBIDDEN');
  const current = isoDateIn(now).slice(0, 7);
  const months = Array.from({ length: LISTED_MONTHS }, (_, index) => shiftMonth(current, -index));
  const closed = await db.statsMonth.findMany({
    where: { month: { in: months } },
    select: { month: true, closedAt: true, closedById: true },
  });
  const closers = await db.user.findMany({
    where: { id: { in: closed.flatMap((row) => row.closedById ?? []) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(closers.map((user) => [user.id, user.name]));
  const closedOf = new Map(closed.map((row) => [row.month, row]));
  return months.map((month) => {
    const row = closedOf.get(month);
    const period = monthPeriod(month);
    return {
      month,
      label: period.ok ? period.period.label : month,
      over: month !== current,
      closed: row ? { at: row.closedAt, by: row.closedById ? (nameOf.get(row.closedById) ?? null) : null } : null,
    };
  });
}
