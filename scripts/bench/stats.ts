// npm run bench:stats — what the 考核 page and its export cost (issue 34). A fresh SQLite newsroom in a
// temporary data directory gets a month of 60 people (6 部门) and 3,000 published stories (100 a day;
// 1–2 credits each, some a 通讯员 or 摄影 without an account; 40 % printed on one of 4 pages of that
// day's issue, 头条 included; reads on 7 days each), then times, median of several runs:
//   - the page's figures as an editor sees them (periodView + reads per day: what getStatsPage reads),
//   - a reporter's own view,
//   - the .xlsx export (the view, its tables, the workbook).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Actor } from '../../lib/access/actor';
import { createClientFor } from '../../lib/db-client';
import { dailyReads } from '../../lib/stats/daily-reads';
import { periodView } from '../../lib/stats/months';
import { monthPeriod } from '../../lib/stats/period';
import { periodArticles } from '../../lib/stats/period-articles';
import { viewTables } from '../../lib/stats/tables';
import { statsWorkbook } from '../../lib/stats/workbook';
import { seededRandom } from '../../test/support/chinese-text';
import { addPublishedArticle, addPublishedIssue, type StatsCredit } from '../../test/support/stats-month';
import { freshBenchData } from './lib/fresh-data';

const PEOPLE = 60;
const DEPARTMENTS = ['采访部', '编辑部', '摄影部', '新媒体部', '专题部', '通联部'];
const ARTICLES_PER_DAY = 100;
const MONTH = '2026-11';
const DAYS = 30;
const PAGES = 4;
const RUNS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  await work(); // warm: the first run pays for Prisma's query plans and SQLite's page cache
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result: result! };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stats-'));
try {
  const prepared = await freshBenchData(dataDir);
  const db = createClientFor(prepared.database);
  try {
    const random = seededRandom(34);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const { id: publicationId } = await db.publication.findFirstOrThrow();
    await db.user.createMany({
      data: Array.from({ length: PEOPLE }, (_, index) => ({
        email: `stats-${index}@bench.example`,
        name: `考核人员${String(index + 1).padStart(2, '0')}`,
        department: DEPARTMENTS[index % DEPARTMENTS.length]!,
        role: index === 0 ? 'EDITOR' : 'REPORTER',
      })),
    });
    const people = await db.user.findMany({
      where: { email: { endsWith: '@bench.example' } },
      select: { id: true, name: true, role: true },
      orderBy: { email: 'asc' },
    });

    const started = performance.now();
    let stories = 0;
    for (let day = 1; day <= DAYS; day++) {
      const date = `${MONTH}-${String(day).padStart(2, '0')}`;
      const pages = await addPublishedIssue(db, publicationId, 50_000 + day, date, PAGES);
      const positions = new Map<string, number>();
      for (let n = 0; n < ARTICLES_PER_DAY; n++) {
        const author = pick(people);
        const credits: StatsCredit[] = [{ userId: author.id, name: author.name, label: '记者' }];
        const extra = random();
        if (extra < 0.2) credits.push({ userId: null, name: `通讯员${Math.floor(random() * 40)}`, label: '通讯员' });
        else if (extra < 0.3) credits.push({ userId: null, name: `摄影${Math.floor(random() * 10)}`, label: '摄影' });
        else if (extra < 0.5) {
          const colleague = pick(people);
          if (colleague.id !== author.id) credits.push({ userId: colleague.id, name: colleague.name, label: '记者' });
        }
        const pageId = random() < 0.4 ? pick(pages) : null;
        const position = pageId ? (positions.get(pageId) ?? 0) : 0;
        if (pageId) positions.set(pageId, position + 1);
        stories += 1;
        await addPublishedArticle(db, publicationId, {
          slug: `bench-stats-${stories}`,
          headline: `考核基准稿件 ${stories}`,
          publishedAt: new Date(`${date}T0${Math.floor(random() * 9)}:00:00+08:00`),
          characters: 200 + Math.floor(random() * 2500),
          credits,
          reads: Array.from({ length: Math.min(7, DAYS - day + 1) }, (_, offset) => ({
            day: `${MONTH}-${String(day + offset).padStart(2, '0')}`,
            count: Math.floor(random() * 3000),
          })),
          placement: pageId ? { pageId, position } : undefined,
        });
      }
    }
    const built = (performance.now() - started) / 1000;
    const readRows = await db.articleRead.count();
    console.log(
      `Built ${MONTH}: ${PEOPLE} people, ${stories} published stories, ${readRows} read rows in ${built.toFixed(1)} s`,
    );

    const period = monthPeriod(MONTH);
    if (!period.ok) throw new Error(period.error);
    const editor: Actor = people.find((person) => person.role === 'EDITOR')!;
    const reporter: Actor = people.find((person) => person.role === 'REPORTER')!;

    const page = await timed(RUNS, () =>
      Promise.all([periodView(db, editor, period.period), dailyReads(db, period.period, null)]),
    );
    const own = await timed(RUNS, () =>
      Promise.all([periodView(db, reporter, period.period), dailyReads(db, period.period, reporter.id)]),
    );
    // Where the page's time goes: the period's stories as read from the database, and reads per day.
    const fetched = await timed(RUNS, () => periodArticles(db, period.period));
    const perDay = await timed(RUNS, () => dailyReads(db, period.period, null));
    const workbook = await timed(5, async () =>
      statsWorkbook(`${period.period.label} 稿件考核`, viewTables(await periodView(db, editor, period.period))),
    );
    const [view] = page.result;
    console.log(`\nMedian of ${RUNS} runs (after one warm-up), this machine's load as it is:`);
    console.log(
      `  page figures, editor (${view.people.length} rows, ${view.departments.length} 部门): ${page.ms.toFixed(0)} ms`,
    );
    console.log(`  page figures, a reporter's own row:                        ${own.ms.toFixed(0)} ms`);
    console.log(
      `    of which the period's stories (periodArticles): ${fetched.ms.toFixed(0)} ms; reads per day: ${perDay.ms.toFixed(0)} ms`,
    );
    console.log(
      `  .xlsx export, editor (median of 5):                        ${workbook.ms.toFixed(0)} ms, ${(workbook.result.length / 1024).toFixed(0)} KB`,
    );
  } finally {
    await db.$disconnect();
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
