// The 考核 page's and export's reads (issue 34): the signed-in person's view of a period (editors and
// chief editors everyone's, anyone else their own row: lib/stats/service.ts), a closed month from its
// snapshot (months.ts), with reads per day for the line chart. Every newsroom account may open it
// ('newsroom:enter'); what they see is decided by the view, not by the door.
import 'server-only';

import { can } from '../access/capabilities';
import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { dailyReads, type DailyReads } from './daily-reads';
import { periodView, type MonthView } from './months';
import type { StatsPeriod } from './period';
import { viewTables, type StatsTable } from './tables';

export type StatsPage = { view: MonthView; daily: DailyReads[]; tables: StatsTable[] };

export async function getStatsPage(period: StatsPeriod): Promise<StatsPage> {
  const actor = await requireUser('newsroom:enter');
  const [view, daily] = await Promise.all([
    periodView(db, actor, period),
    dailyReads(db, period, can(actor.role, 'stats:read-all') ? null : actor.id),
  ]);
  return { view, daily, tables: viewTables(view) };
}

export async function getStatsTables(period: StatsPeriod): Promise<StatsTable[]> {
  const actor = await requireUser('newsroom:enter');
  return viewTables(await periodView(db, actor, period));
}
