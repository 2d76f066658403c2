// npm run bench:audit — what the audit log's hash chain costs (issue 36). On a fresh SQLite newsroom
// (and PostgreSQL in a throwaway cluster when installed): one event appended per transaction, as a
// change's audit event is, through recordAudit (the chain's lock, reading the head, SHA-256, insert)
// against the insert alone (what recordAudit did before the chain), alternating rounds so both see the
// same machine; then 8 writers at once; then `npm run audit:verify`'s walk over 100,000 events.
// Prints p50/p95 per append and the ratios.
import path from 'node:path';

import { chainNext, GENESIS_HASH, type ChainLink } from '../../lib/audit/chain';
import { recordAudit } from '../../lib/audit/record';
import { verifyAuditChain } from '../../lib/audit/verify';
import { createClientFor, type Db } from '../../lib/db-client';
import { prepare } from '../../server/prepare';
import { postgresBin, startScratchPostgres } from '../../test/support/scratch-postgres';
import { freshBenchData } from './lib/fresh-data';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ROUNDS = 5;
const PER_ROUND = 200;
const PARALLEL = 8;
const VERIFY_EVENTS = 100_000;

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;
const ms = (value: number) => `${value.toFixed(2)} ms`;

let plainSeq = 0;
/** The old recordAudit: the insert alone. Negative seqs keep these rows off the chain; removed after. */
function plainAppend(db: Db) {
  plainSeq -= 1;
  const seq = plainSeq;
  return db.$transaction((tx) =>
    tx.auditEvent.create({ data: { seq, prevHash: '', hash: '', action: 'bench.plain', details: '{}' } }),
  );
}
const chainedAppend = (db: Db) => recordAudit(db, { actorId: null, action: 'bench.chained', details: {} });

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(name: string, db: Db): Promise<void> {
  const plain: number[] = [];
  const chained: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < PER_ROUND; i++) plain.push(await timed(() => plainAppend(db)));
    for (let i = 0; i < PER_ROUND; i++) chained.push(await timed(() => chainedAppend(db)));
  }
  const burst = async (append: (db: Db) => Promise<unknown>) =>
    timed(() =>
      Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let i = 0; i < 50; i++) await append(db);
        }),
      ),
    );
  const plainBurst = await burst(plainAppend);
  const chainedBurst = await burst(chainedAppend);
  await db.auditEvent.deleteMany({ where: { seq: { lt: 0 } } });

  console.log(`\n${name}: one append per transaction, ${ROUNDS * PER_ROUND} each, alternating rounds`);
  console.log(`  insert alone (before): p50 ${ms(quantile(plain, 0.5))}, p95 ${ms(quantile(plain, 0.95))}`);
  console.log(`  recordAudit, chained:  p50 ${ms(quantile(chained, 0.5))}, p95 ${ms(quantile(chained, 0.95))}`);
  console.log(
    `  ratio chained / before: p50 ${(quantile(chained, 0.5) / quantile(plain, 0.5)).toFixed(2)}, p95 ${(quantile(chained, 0.95) / quantile(plain, 0.95)).toFixed(2)}`,
  );
  console.log(
    `  ${PARALLEL} writers × 50 at once: before ${Math.round((PARALLEL * 50 * 1000) / plainBurst)}/s, chained ${Math.round((PARALLEL * 50 * 1000) / chainedBurst)}/s`,
  );

  // The walk: VERIFY_EVENTS events chained in bulk (as the bench archive writes them), then verified.
  let head: ChainLink = (await db.auditEvent.findFirst({
    orderBy: { seq: 'desc' },
    select: { seq: true, hash: true },
  })) ?? {
    seq: 0,
    hash: GENESIS_HASH,
  };
  for (let written = 0; written < VERIFY_EVENTS; written += 5000) {
    const rows = Array.from({ length: 5000 }, () => {
      const event = chainNext(head, {
        createdAt: new Date(),
        actorId: null,
        action: 'bench.bulk',
        subjectType: 'Article',
        subjectId: 'a',
        details: '{"n":1}',
        ip: '10.0.0.1',
      });
      head = event;
      return event;
    });
    await db.auditEvent.createMany({ data: rows });
  }
  const started = performance.now();
  const checked = await verifyAuditChain(db);
  const walk = performance.now() - started;
  console.log(
    `  audit:verify over ${checked.events} events: ${(walk / 1000).toFixed(2)} s, ${checked.problem ? 'BROKEN' : 'unbroken'}`,
  );
}

const sqlite = await freshBenchData(path.join(ROOT, '.bench', 'audit'));
const sqliteDb = createClientFor(sqlite.database);
try {
  await measure('SQLite', sqliteDb);
} finally {
  await sqliteDb.$disconnect();
}

const bin = postgresBin();
if (!bin) console.log('\nPostgreSQL is not installed here: PostgreSQL figures skipped.');
else {
  const cluster = await startScratchPostgres(bin);
  try {
    const prepared = await prepare({
      ...process.env,
      DATA_DIR: path.join(ROOT, '.bench', 'audit-pg'),
      DATABASE_URL: cluster.url('postgres'),
      ADMIN_PASSWORD: 'Bench-root-pass-2026',
    });
    const db = createClientFor(prepared.database);
    try {
      await measure('PostgreSQL', db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    cluster.stop();
  }
}
