// The daily digest: the chain's head (seq and hash of the day's last event) at the end of each day in
// the publication's time zone, kept as an AuditDigest row and appended as a line to
// DATA_DIR/audit-digests.log. Someone able to rewrite the database could re-hash the whole chain so it
// walks clean; a copy of this file kept elsewhere (docs/security-controls.md, 安全审计) still holds the
// old hashes, and `npm run audit:verify -- --digests <copy>` compares them with the log.
// Written at start-up and from the hourly upkeep on the sign-in path (lib/audit/retention.ts), for
// every day since the last digest that has ended, up to MAX_CATCH_UP_DAYS back.
import fs from 'node:fs';
import path from 'node:path';

import { resolveDataDir, type Env } from '../config/database';
import { instantAt, isoDateIn } from '../dates/time-zone';
import type { Db } from '../db-client';
import { GENESIS_HASH, lockChain } from './chain';
import type { DigestEntry } from './verify';

export const DIGEST_FILE = 'audit-digests.log';
const DAY_MS = 24 * 60 * 60_000;
const MAX_CATCH_UP_DAYS = 62;
const LINE = /^(\d{4}-\d{2}-\d{2})\s+seq=(\d+)\s+sha256=([0-9a-f]{64})\s*$/;

export function digestFilePath(env: Env): string {
  return path.join(resolveDataDir(env), DIGEST_FILE);
}

export function digestLine(entry: { day: string; seq: number; hash: string }): string {
  return `${entry.day} seq=${entry.seq} sha256=${entry.hash}\n`;
}

/** The digests in a copy of the log file (other lines, such as notes added by hand, are skipped). */
export function parseDigestFile(text: string, source: string): DigestEntry[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const match = LINE.exec(line.trim());
    return match ? [{ day: match[1]!, seq: Number(match[2]), hash: match[3]!, source }] : [];
  });
}

export function readDigestFile(file: string, source = file): DigestEntry[] {
  return fs.existsSync(file) ? parseDigestFile(fs.readFileSync(file, 'utf8'), source) : [];
}

export async function storedDigests(db: Db): Promise<DigestEntry[]> {
  const rows = await db.auditDigest.findMany({ orderBy: { day: 'asc' } });
  return rows.map((row) => ({ day: row.day, seq: row.seq, hash: row.hash, source: '数据库' }));
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Records the digest of every ended day without one; returns those written. */
export async function writeDueDigests(db: Db, env: Env, now = new Date()): Promise<DigestEntry[]> {
  const today = isoDateIn(now);
  const earliest = isoDateIn(new Date(now.getTime() - MAX_CATCH_UP_DAYS * DAY_MS));
  const written = await db.$transaction(async (tx) => {
    // Instances take turns (the lock), so each day is written once.
    await lockChain(tx);
    const last = await tx.auditDigest.findFirst({ orderBy: { day: 'desc' } });
    let day = last ? nextDay(last.day) : null;
    if (!day) {
      const first = await tx.auditEvent.findFirst({ orderBy: { seq: 'asc' }, select: { createdAt: true } });
      if (!first) return [];
      day = isoDateIn(first.createdAt);
    }
    if (day < earliest) day = earliest;
    const entries: DigestEntry[] = [];
    let lastSeq = last?.seq ?? 0;
    for (; day < today; day = nextDay(day)) {
      const head = await tx.auditEvent.findFirst({
        where: { createdAt: { lt: instantAt(nextDay(day), '00:00') } },
        orderBy: { seq: 'desc' },
        select: { seq: true, hash: true },
      });
      // A day with nothing new repeats the previous digest: not written again.
      if (!head || head.hash === GENESIS_HASH || head.seq === lastSeq) continue;
      await tx.auditDigest.create({ data: { day, seq: head.seq, hash: head.hash } });
      entries.push({ day, seq: head.seq, hash: head.hash, source: '数据库' });
      lastSeq = head.seq;
    }
    return entries;
  });
  if (written.length) appendToFile(digestFilePath(env), written.map(digestLine).join(''));
  return written;
}

/** The rows are the record; a file that cannot be written must not fail a sign-in: said in the log. */
function appendToFile(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, text);
  } catch (error) {
    console.error(
      `审计日摘要未能写入 ${file}（已存入数据库）：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
