// Set-up shared by the reliability benchmarks (bench:soak, bench:crash): a fresh data directory with
// the sample issue, five editors, a build, two instances behind the front and the deployment's one
// co-editing process (under its supervisor, as `npm run start:cluster` runs it), and the editors'
// writing over co-editing: sessions through an instance or the front, lines typed keystroke by
// keystroke, and at the end what they were told was saved checked against the database.
// The database is SQLite in the data directory, or the PostgreSQL database BENCH_DATABASE_URL names
// (emptied first); on PostgreSQL the instances share reader-cache expiries by LISTEN/NOTIFY.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { DatabaseConfig } from '../../../lib/config/database';
import { createClientFor, type Db } from '../../../lib/db-client';
import { startCluster, type Cluster } from '../../../server/cluster';
import { findNginx, NGINX_MISSING } from '../../../server/front';
import { clearDataCache } from '../../../server/next-cache';
import { prepare } from '../../../server/prepare';
import { emptyPostgres } from '../../../test/support/empty-postgres';
import { articleGeneration, createWriterArticle, createWriters, signIn, type Writer } from './article-saves';
import { ArticleSession, type TypedLine } from './collab-writer';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

export type Bench = {
  cluster: Cluster;
  db: Db;
  database: DatabaseConfig;
  writers: Writer[];
  frontUrl: string;
  instanceUrls: string[];
  collabPort: number;
  readerPaths: string[];
};

/** `extraEnv` goes to the instances and the co-editing process (bench:soak's memory probe). */
export async function startBench(
  name: string,
  writerCount: number,
  extraEnv: Record<string, string> = {},
): Promise<Bench> {
  if (!findNginx()) throw new Error(NGINX_MISSING);
  const port = Number(process.env.BENCH_PORT ?? 3360);
  const ports = [port, port + 1];
  const frontPort = Number(process.env.BENCH_FRONT_PORT ?? port + 2);
  const collabPort = Number(process.env.BENCH_COLLAB_PORT ?? port + 3);
  const dataDir = path.join(ROOT, '.bench', name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const postgres = process.env.BENCH_DATABASE_URL || undefined;
  if (postgres) await emptyPostgres(postgres);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: postgres,
    MEDIA_DIR: undefined,
    READER_CACHE_PG_URL: undefined,
    ADMIN_PASSWORD: 'Bench-root-pass-1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const prepared = await prepare(env);
  console.log(`数据库：${prepared.database.kind === 'postgresql' ? 'PostgreSQL' : 'SQLite'}`);
  const db = createClientFor(prepared.database);
  const writers = await createWriters(db, writerCount);
  const articles = await db.article.findMany({
    where: { status: 'PUBLISHED' },
    select: { slug: true },
    take: 4,
    orderBy: { slug: 'asc' },
  });
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('正在构建生产版本…');
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, env, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  clearDataCache(ROOT);
  const frontUrl = `http://127.0.0.1:${frontPort}`;
  const cluster = await startCluster({
    env: {
      ...env,
      DATA_DIR: prepared.dataDir,
      DATABASE_URL: prepared.databaseUrl,
      NEXTAUTH_SECRET: prepared.authSecret,
      NEXTAUTH_URL: frontUrl,
      SITE_URL: frontUrl,
      TRUSTED_PROXY_HOPS: '1',
      ...extraEnv,
    },
    ports,
    frontPort,
    collabPort,
    dataDir: prepared.dataDir,
    mediaDir: path.join(prepared.dataDir, 'media'),
    frontDir: path.join(prepared.dataDir, 'front'),
    output: { dir: prepared.dataDir },
  });
  return {
    cluster,
    db,
    database: prepared.database,
    writers,
    frontUrl,
    instanceUrls: ports.map((p) => `http://127.0.0.1:${p}`),
    collabPort,
    readerPaths: [
      '/',
      '/issues/1705/pages/1',
      '/archive',
      '/feed.xml',
      ...articles.map((article) => `/articles/${article.slug}`),
    ],
  };
}

/** One editor's writing: every line they typed, and what the server told them. */
export type WriterLog = {
  writer: Writer;
  cookie: string;
  lines: TypedLine[];
  stories: number;
  typed: number;
  acknowledged: number;
  /** Keystrokes never acknowledged by the time the editor left the story (not lost: never said saved). */
  unacknowledged: number;
  problems: string[];
};

export async function signInWriters(bench: Bench, via: string): Promise<WriterLog[]> {
  const logs: WriterLog[] = [];
  for (const writer of bench.writers) {
    logs.push({
      writer,
      cookie: await signIn(via, writer.email, writer.password),
      lines: [],
      stories: 0,
      typed: 0,
      acknowledged: 0,
      unacknowledged: 0,
      problems: [],
    });
  }
  return logs;
}

const SENTENCE = '柯城区今天召开新闻发布会，介绍全区重点工作的最新进展。';

export type Sitting = {
  /** The site address the editor's page is on (an instance or the front): its /collab is the socket. */
  via: string;
  /** Lines to type (each a paragraph); fewer when `stop` says so. */
  lines: number;
  /** The pause after each keystroke. */
  pause: () => number;
  stop: () => boolean;
  /** How long to wait for 已保存 before leaving the story. */
  settleMs: number;
  /** Called once the story is open (bench:crash counts open sessions). */
  onOpen?: (session: ArticleSession) => void;
};

/**
 * One sitting of an editor: a new story opened through `via`, lines typed into it keystroke by
 * keystroke, then 立即保存 and a wait for everything to be acknowledged, and the story closed.
 */
export async function writeArticle(bench: Bench, log: WriterLog, sitting: Sitting): Promise<void> {
  const articleId = await createWriterArticle(bench.db, log.writer);
  log.stories += 1;
  const story = log.stories;
  const generation = await articleGeneration(bench.db, articleId);
  const session = await ArticleSession.open(
    {
      socketUrl: `${sitting.via.replace(/^http/, 'ws')}/collab`,
      // The address people open the site by (SITE_URL): the page's origin, whichever server relays it.
      origin: bench.frontUrl,
      cookie: log.cookie,
      articleId,
      // The document this client holds is of the generation stored when it opened the story.
      token: async () => generation,
      onProblem: (text) => log.problems.push(text),
    },
    `${log.writer.name}的第${story}篇稿件`,
  );
  try {
    sitting.onOpen?.(session);
    for (let line = 1; line <= sitting.lines && !sitting.stop(); line += 1) {
      log.lines.push(
        await session.typeLine(
          articleId,
          `${log.writer.name}第${story}篇第${line}句：`,
          SENTENCE,
          sitting.pause,
          sitting.stop,
        ),
      );
    }
    await session.settle(sitting.settleMs);
  } finally {
    const counts = session.ledger.counts;
    log.typed += counts.typed;
    log.acknowledged += counts.acknowledged;
    log.unacknowledged += counts.unacknowledged;
    session.close();
  }
}

/**
 * Keystrokes the editors were told were saved that the database's working copies do not hold (each
 * line's acknowledged beginning must be in its story's text), and lines stored twice.
 */
export async function lostKeystrokes(
  db: Db,
  logs: readonly WriterLog[],
): Promise<{ lost: number; doubled: number; details: string[] }> {
  const details: string[] = [];
  let lost = 0;
  let doubled = 0;
  const texts = new Map<string, string>();
  for (const line of logs.flatMap((log) => log.lines)) {
    if (!texts.has(line.articleId)) {
      const story = await db.article.findUniqueOrThrow({ where: { id: line.articleId }, select: { bodyText: true } });
      texts.set(line.articleId, story.bodyText);
    }
    const text = texts.get(line.articleId)!;
    if (text.split(line.marker).length - 1 > 1) {
      doubled += 1;
      details.push(`${line.marker} 出现不止一次`);
    }
    let present = line.acknowledged;
    while (present > 0 && !text.includes(line.text.slice(0, present))) present -= 1;
    if (present < line.acknowledged) {
      lost += line.acknowledged - present;
      details.push(`${line.marker} 确认 ${line.acknowledged} 字，数据库只有 ${present} 字`);
    }
  }
  return { lost, doubled, details };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const mb = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)} MB`);
