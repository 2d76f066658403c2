// Walks the audit chain (lib/audit/chain.ts) in seq order and names the first place it breaks, and
// what most likely happened there: an event changed, removed, put in between, or moved. Then checks
// the daily digests (lib/audit/digest.ts: the database's own, the log file's, and any copy kept
// elsewhere) against the events they name, which catches a log rewritten and re-hashed from some
// point on, and events removed from the end. `npm run audit:verify` prints the result; the audit
// page shows it to admins.
import type { Db } from '../db-client';
import { auditHash, GENESIS_HASH, type ChainedEvent } from './chain';

export type ChainBreakKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'rewritten';
export type ChainBreak = { seq: number; kind: ChainBreakKind; message: string };
export type DigestEntry = { day: string; seq: number; hash: string; source: string };
export type ChainReport = {
  events: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The anchor the oldest kept event links to, when older events were pruned. */
  anchor: { seq: number; hash: string } | null;
  digestsChecked: number;
  problem: ChainBreak | null;
};

type Row = ChainedEvent & { hash: string };
type Link = { seq: number; hash: string };

const BATCH = 2000;
/** How far a renumbered event is looked for (hashes tried on a break only). */
const RENUMBER_SEARCH = 1000;

export async function verifyAuditChain(db: Db, digests: readonly DigestEntry[] = []): Promise<ChainReport> {
  const anchor = await pruneAnchor(db);
  const wanted = new Set(digests.map((digest) => digest.seq));
  const seen = new Map<number, string>();
  const findByHash = async (hash: string) =>
    (await db.auditEvent.findFirst({ where: { hash }, select: { seq: true } }))?.seq ?? null;

  let events = 0;
  let firstSeq: number | null = null;
  let prev: Link | null = null;
  let problem: ChainBreak | null = null;
  walk: for (let after = 0; ;) {
    const rows: Row[] = await db.auditEvent.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: BATCH,
      select: {
        seq: true,
        prevHash: true,
        hash: true,
        createdAt: true,
        actorId: true,
        action: true,
        subjectType: true,
        subjectId: true,
        details: true,
        ip: true,
      },
    });
    if (!rows.length) break;
    for (const row of rows) {
      events++;
      if (wanted.has(row.seq)) seen.set(row.seq, row.hash);
      if (prev === null) {
        firstSeq = row.seq;
        const start = startOf(row, anchor);
        if ('problem' in start) {
          problem = start.problem;
          break walk;
        }
        prev = start.link;
      }
      problem = await checkRow(row, prev, findByHash);
      if (problem) break walk;
      prev = { seq: row.seq, hash: row.hash };
    }
    after = rows.at(-1)!.seq;
  }
  if (!problem) {
    // Only an unbroken walk reaches the end, so the counts are the whole log's.
    const lastSeq = prev && firstSeq !== null ? prev.seq : null;
    problem = checkDigests(digests, { firstSeq, lastSeq, anchor, seen });
    return { events, firstSeq, lastSeq, anchor, digestsChecked: digests.length, problem };
  }
  const digestProblem = checkDigests(
    digests.filter((digest) => digest.seq < problem!.seq),
    { firstSeq, lastSeq: prev?.seq ?? null, anchor, seen },
  );
  return {
    events,
    firstSeq,
    lastSeq: prev?.seq ?? null,
    anchor,
    digestsChecked: digests.length,
    problem: digestProblem ?? problem,
  };
}

/** The anchor of the last prune: the seq and hash of the last event it removed (lib/audit/retention.ts). */
export async function pruneAnchor(db: Db): Promise<Link | null> {
  const prune = await db.auditEvent.findFirst({
    where: { action: 'audit.prune' },
    orderBy: { seq: 'desc' },
    select: { details: true },
  });
  if (!prune) return null;
  const details = JSON.parse(prune.details) as { throughSeq?: unknown; throughHash?: unknown };
  return typeof details.throughSeq === 'number' && typeof details.throughHash === 'string'
    ? { seq: details.throughSeq, hash: details.throughHash }
    : null;
}

function startOf(first: Row, anchor: Link | null): { link: Link } | { problem: ChainBreak } {
  if (first.seq === 1) return { link: { seq: 0, hash: GENESIS_HASH } };
  if (anchor && anchor.seq === first.seq - 1) return { link: anchor };
  const from = anchor ? anchor.seq + 1 : 1;
  return {
    problem: {
      seq: from,
      kind: 'deleted',
      message: `第 ${from} 至第 ${first.seq - 1} 条记录被删除：最早的一条是第 ${first.seq} 条，${
        anchor ? `而最近一次按期清理只清理到第 ${anchor.seq} 条` : '而日志没有按期清理的记录'
      }`,
    },
  };
}

async function checkRow(
  row: Row,
  prev: Link,
  findByHash: (hash: string) => Promise<number | null>,
): Promise<ChainBreak | null> {
  if (row.seq !== prev.seq + 1) {
    const from = prev.seq + 1;
    const span = row.seq - 1 === from ? `第 ${from} 条` : `第 ${from} 至第 ${row.seq - 1} 条`;
    return { seq: from, kind: 'deleted', message: `${span}记录缺失：被删除了` };
  }
  const original = originalSeq(row);
  if (original === null) {
    return {
      seq: row.seq,
      kind: 'edited',
      message:
        row.hash === GENESIS_HASH
          ? `第 ${row.seq} 条记录的哈希被清空`
          : `第 ${row.seq} 条记录被改动：内容与它的哈希不符`,
    };
  }
  if (original === row.seq && row.prevHash === prev.hash) return null;
  // The event itself is intact (its hash matches it at `original`), but it is not where it was.
  const linkedTo = await findByHash(row.prevHash);
  if (linkedTo !== null && linkedTo > row.seq) {
    return {
      seq: row.seq,
      kind: 'reordered',
      message: `第 ${row.seq} 条记录的顺序被调换：它原本接在现在的第 ${linkedTo} 条之后${
        original !== row.seq ? `（原为第 ${original} 条）` : ''
      }`,
    };
  }
  if (original > row.seq) {
    return {
      seq: row.seq,
      kind: 'deleted',
      message: `第 ${row.seq} 条记录原为第 ${original} 条：其前 ${original - row.seq} 条记录被删除，其后重新编号`,
    };
  }
  if (linkedTo !== null && linkedTo < prev.seq) {
    const from = linkedTo + 1;
    return {
      seq: from,
      kind: 'inserted',
      message: `第 ${from} 至第 ${prev.seq} 条是后来插入的记录：第 ${row.seq} 条${
        original !== row.seq ? `（原为第 ${original} 条）` : ''
      }本来直接接在第 ${linkedTo} 条之后`,
    };
  }
  return {
    seq: prev.seq,
    kind: 'edited',
    message: `第 ${row.seq} 条记录接不上第 ${prev.seq} 条：第 ${prev.seq} 条被替换（哈希被重新计算），或第 ${row.seq} 条是伪造的`,
  };
}

/** The seq at which the row's own hash holds: its seq, a nearby one if it was renumbered, else null. */
function originalSeq(row: Row): number | null {
  if (row.hash === GENESIS_HASH) return null;
  if (auditHash(row) === row.hash) return row.seq;
  for (let offset = 1; offset <= RENUMBER_SEARCH; offset++) {
    for (const seq of [row.seq + offset, row.seq - offset]) {
      if (seq > 0 && auditHash({ ...row, seq }) === row.hash) return seq;
    }
  }
  return null;
}

function checkDigests(
  digests: readonly DigestEntry[],
  chain: { firstSeq: number | null; lastSeq: number | null; anchor: Link | null; seen: Map<number, string> },
): ChainBreak | null {
  const problems: ChainBreak[] = [];
  for (const digest of digests) {
    const label = `${digest.day} 的日摘要（${digest.source}）`;
    if (chain.lastSeq === null || digest.seq > chain.lastSeq) {
      const from = (chain.lastSeq ?? 0) + 1;
      problems.push({
        seq: from,
        kind: 'deleted',
        message: `第 ${from} 至第 ${digest.seq} 条记录被删除：${label}记到第 ${digest.seq} 条，日志现在只到${
          chain.lastSeq === null ? '空' : `第 ${chain.lastSeq} 条`
        }`,
      });
      continue;
    }
    const hash =
      chain.firstSeq !== null && digest.seq >= chain.firstSeq
        ? chain.seen.get(digest.seq)
        : chain.anchor?.seq === digest.seq
          ? chain.anchor.hash
          : undefined; // pruned since: nothing left to compare
    if (hash !== undefined && hash !== digest.hash) {
      problems.push({
        seq: digest.seq,
        kind: 'rewritten',
        message: `第 ${digest.seq} 条记录的哈希与 ${label}不符：日志被改写后重新计算了哈希`,
      });
    }
  }
  return problems.sort((a, b) => a.seq - b.seq)[0] ?? null;
}

/** The result in one line of Chinese, for `npm run audit:verify` and the audit page. */
export function describeChainReport(report: ChainReport): string {
  if (report.problem) return `审计日志在第 ${report.problem.seq} 条处断开：${report.problem.message}`;
  if (!report.events) return '审计日志为空';
  const pruned = report.anchor ? `；第 ${report.anchor.seq} 条及以前已按保留期限清理，清理记录与现存最早一条衔接` : '';
  const digests = report.digestsChecked
    ? `核对日摘要 ${report.digestsChecked} 份，均相符`
    : '还没有日摘要可核对（每天结束后生成）';
  return `审计日志完整：共 ${report.events} 条（第 ${report.firstSeq} 至第 ${report.lastSeq} 条），哈希链没有断点${pruned}；${digests}`;
}
