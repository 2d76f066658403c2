// Set-up shared by the reliability benchmarks (bench:soak, bench:crash): a fresh data directory with
// the sample issue, five editors with a story each, a build, and two instances behind the front.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepare } from '../lib/prepare';
import { clearDataCache } from '../lib/next-cache';
import { findNginx, NGINX_MISSING } from '../lib/front';
import { startCluster, type Cluster } from '../lib/cluster';
import { createSqliteClient, type Db } from '../../lib/db-client';
import { createWriters, saveActionId, saveArticle, signIn, storyInput, type SaveAnswer, type Writer } from './story-saves';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

export type Bench = {
  cluster: Cluster;
  db: Db;
  sqlitePath: string;
  writers: Writer[];
  actionId: string;
  frontUrl: string;
  instanceUrls: string[];
  readerPaths: string[];
};

export async function startBench(name: string, writerCount: number): Promise<Bench> {
  if (!findNginx()) throw new Error(NGINX_MISSING);
  const port = Number(process.env.BENCH_PORT ?? 3360);
  const ports = [port, port + 1];
  const frontPort = Number(process.env.BENCH_FRONT_PORT ?? port + 2);
  const dataDir = path.join(ROOT, '.bench', name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined, MEDIA_DIR: undefined, ADMIN_PASSWORD: 'bench-admin-pass-1', NEXT_TELEMETRY_DISABLED: '1' };
  const prepared = await prepare(env);
  const db = createSqliteClient(prepared.sqlitePath);
  const writers = await createWriters(db, writerCount);
  const articles = await db.article.findMany({ where: { status: 'PUBLISHED' }, select: { slug: true }, take: 4, orderBy: { slug: 'asc' } });
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('正在构建生产版本…');
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, env, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  clearDataCache(ROOT);
  const frontUrl = `http://127.0.0.1:${frontPort}`;
  const cluster = await startCluster({
    env: { ...env, DATA_DIR: prepared.dataDir, DATABASE_URL: `file:${prepared.sqlitePath}`, NEXTAUTH_SECRET: prepared.authSecret, NEXTAUTH_URL: frontUrl, SITE_URL: frontUrl, TRUSTED_PROXY_HOPS: '1' },
    ports,
    frontPort,
    dataDir: prepared.dataDir,
    mediaDir: path.join(prepared.dataDir, 'media'),
    frontDir: path.join(prepared.dataDir, 'front'),
    output: { dir: prepared.dataDir },
  });
  return {
    cluster,
    db,
    sqlitePath: prepared.sqlitePath,
    writers,
    actionId: saveActionId(ROOT),
    frontUrl,
    instanceUrls: ports.map((p) => `http://127.0.0.1:${p}`),
    readerPaths: ['/', '/issues/1705/pages/1', '/archive', '/feed.xml', ...articles.map((article) => `/articles/${article.slug}`)],
  };
}

/** One editor's autosaves: what they were told, and the last save they were told succeeded. */
export type WriterLog = {
  writer: Writer;
  cookie: string;
  baseVersion: number;
  lines: string[];
  acked: number;
  conflicts: number;
  errors: string[];
  lastAcked: { version: number; marker: string } | null;
};

export async function signInWriters(bench: Bench, via: string): Promise<WriterLog[]> {
  const logs: WriterLog[] = [];
  for (const writer of bench.writers) {
    const story = await bench.db.article.findUniqueOrThrow({ where: { id: writer.storyId }, select: { version: true } });
    logs.push({ writer, cookie: await signIn(via, writer.email, writer.password), baseVersion: story.version, lines: [], acked: 0, conflicts: 0, errors: [], lastAcked: null });
  }
  return logs;
}

/** One autosave: the story grows by a line; a conflict or an error is recorded and the editor carries on from what the database has. */
export async function autosave(bench: Bench, log: WriterLog, baseUrl: string, sequence: number): Promise<SaveAnswer> {
  const marker = `${log.writer.name}第${sequence}次保存`;
  const lines = [...log.lines, `${marker}：柯城区今天召开新闻发布会，介绍全区重点工作的最新进展。`].slice(-40);
  const answer = await saveArticle(baseUrl, log.cookie, bench.actionId, log.writer.storyId, log.baseVersion, storyInput(`${log.writer.name}的稿件`, lines));
  if (answer.kind === 'saved') {
    log.acked += 1;
    log.baseVersion = answer.version;
    log.lines = lines;
    log.lastAcked = { version: answer.version, marker };
    return answer;
  }
  if (answer.kind === 'conflict') log.conflicts += 1;
  else log.errors.push(answer.message);
  // As the editor would after 使用对方的版本: continue from the stored story.
  const stored = await bench.db.article.findUniqueOrThrow({ where: { id: log.writer.storyId }, select: { version: true, body: true } });
  log.baseVersion = stored.version;
  return answer;
}

/** Saves the editors were told succeeded that the database no longer has (each editor's last one must be there, exactly). */
export async function lostSaves(bench: Bench, logs: readonly WriterLog[]): Promise<{ lost: number; details: string[] }> {
  const details: string[] = [];
  for (const log of logs) {
    if (!log.lastAcked) continue;
    const stored = await bench.db.article.findUniqueOrThrow({ where: { id: log.writer.storyId }, select: { version: true, bodyText: true } });
    if (stored.version < log.lastAcked.version || !stored.bodyText.includes(log.lastAcked.marker)) {
      details.push(`${log.writer.name}: told version ${log.lastAcked.version} (${log.lastAcked.marker}), database has version ${stored.version}`);
    }
  }
  return { lost: details.length, details };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const mb = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)} MB`);
