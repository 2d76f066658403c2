// 考核设置's read (issue 34): the point rules in force and the recent months' state, for 'stats:manage'.
import 'server-only';

import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { readPointRules, recentMonths } from './months';

export async function getStatsSettings() {
  const actor = await requireUser('stats:manage');
  const [rules, months] = await Promise.all([readPointRules(db), recentMonths(db, actor)]);
  return { rules, months };
}
