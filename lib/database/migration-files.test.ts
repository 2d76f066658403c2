// The rules both databases' start-up applies to the recorded migration history.
import { describe, expect, it } from 'vitest';

import { historyProblem, pendingOf, type AppliedMigration } from './migration-files';

const row = (name: string, done: Partial<AppliedMigration> = {}): AppliedMigration => ({
  name,
  checksum: 'c',
  finished: true,
  rolledBack: false,
  logs: null,
  startedAt: new Date(0),
  ...done,
});

describe('the migration history', () => {
  const shipped = ['20260101000000_a', '20260102000000_b'];
  it('lists what is pending, oldest first, ignoring rolled-back attempts', () => {
    expect(pendingOf(shipped, [])).toEqual(shipped);
    expect(
      pendingOf(shipped, [row('20260101000000_a'), row('20260102000000_b', { rolledBack: true, finished: false })]),
    ).toEqual(['20260102000000_b']);
    expect(historyProblem(shipped, [row('20260101000000_a')])).toBeNull();
  });
  it('reports a migration that stopped part-way, with its error, instead of repeating it', () => {
    expect(
      historyProblem(shipped, [
        row('20260101000000_a', { finished: false, logs: 'relation "x" does not exist\nmore' }),
      ]),
    ).toMatch(/^迁移 20260101000000_a 上次没有完成（relation "x" does not exist），不会自动重试/);
  });
  it('refuses a database migrated by a newer program', () => {
    expect(historyProblem(shipped, [row('20260101000000_a'), row('20270101000000_new')])).toMatch(
      /^数据库的迁移比本程序新（本程序不认识：20270101000000_new）/,
    );
  });
});
