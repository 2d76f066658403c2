// npm run bench:search — Chinese search on a large archive: 100,000 published stories of
// ~800 characters in a fresh SQLite database, the FTS5 index built from them (timed), then 200 varied
// reader queries through searchPublished, printing p50/p95/p99 latency. Target: p95 < 50 ms.
import fs from 'node:fs';
import path from 'node:path';
import { prepare } from './lib/prepare';
import { generateArchive } from './bench/synthetic-archive';
import { OBJECTS, PLACES, SUBJECTS, seededRandom } from './bench/chinese-text';
import { createSqliteClient } from '../lib/db-client';
import { ensureSearchIndex } from '../lib/search/sqlite-index';
import { buildIndex } from './bench/search-index';
import { searchPublished } from '../lib/search/search';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA_DIR = path.join(ROOT, '.bench', 'search');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function queries(count: number): string[] {
  const random = seededRandom(7);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const forms: (() => string)[] = [
    () => pick(PLACES),
    () => pick(SUBJECTS),
    () => pick(OBJECTS),
    () => `${pick(PLACES)} ${pick(OBJECTS)}`,
    () => `${pick(PLACES)}${pick(SUBJECTS)}`,
    () => [...pick(PLACES)][0]!,
    () => pick(['5G基站', '2020年', 'COVID-19', '8月17日', '第1705期']),
    () => pick(['量子计算', '火星基地', '冰川科考', 'blockchain']),
    () => `${pick(SUBJECTS)} ${pick(OBJECTS)} ${pick(PLACES)}`,
  ];
  return Array.from({ length: count }, (_, i) => forms[i % forms.length]!());
}

async function main() {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const prepared = await prepare({ ...process.env, DATA_DIR, DATABASE_URL: undefined, ADMIN_PASSWORD: 'bench-admin-password' });
  const archive = generateArchive(prepared.sqlitePath, { years: 48, pagesPerIssue: 4, storiesPerPage: 10, firstNumber: 20_001, charsPerStory: 800 });
  console.log(`archive: ${archive.stories} stories generated in ${archive.seconds.toFixed(1)} s`);

  const db = createSqliteClient(prepared.sqlitePath);
  await ensureSearchIndex(db);
  const started = performance.now();
  const indexed = buildIndex(prepared.sqlitePath);
  console.log(`index build: ${indexed} stories in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const list = queries(200);
  // Warm-up (first query compiles statements and loads pages), not counted.
  await searchPublished(db, { q: '柯城' });
  const timings: number[] = [];
  let hits = 0;
  for (const q of list) {
    const t0 = performance.now();
    const result = await searchPublished(db, { q });
    timings.push(performance.now() - t0);
    hits += result.total;
  }
  timings.sort((a, b) => a - b);
  console.log(`200 queries: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms (target p95 < 50 ms); ${hits} hits counted in total`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
