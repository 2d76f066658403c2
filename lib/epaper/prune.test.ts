// `npm run media:prune` run as a person runs it (tsx scripts/media-prune.ts), on this file's database
// (SQLite here, PostgreSQL in the `postgresql` project): it lists unreferenced e-paper files with their
// sizes, deletes them only with --yes, and never touches story images, referenced files, files it did
// not name or files written in the last hour.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestDatabase } from '../../test/support/database';
import { pagesPdf } from '../../test/support/pdf-samples';
import { makeActor } from '../../test/support/users';
import { createIssue } from '../issues/planner-service';
import { storeImage } from '../media/store';
import { epaperDir, IMAGE_WIDTHS, imageName, pdfPath } from './files';
import { renderScan } from './jobs';
import { attachPdf } from './service';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const db = openTestDatabase();
const mediaDir = path.join(process.env.DATA_DIR!, 'media');
const ORPHAN = `0a${'b'.repeat(62)}`;
const RECENT = `0c${'d'.repeat(62)}`;
const TRASH = `epaper/0e/.${'f'.repeat(32)}.deleting-0f8fad5b-d9cb-469f-a165-70867728950e`;
let referenced: string[] = [];
let articleFiles: string[] = [];
let orphanImage = '';
let unknown = '';

function prune(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [TSX, 'scripts/media-prune.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, MEDIA_DIR: mediaDir, NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

function allFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  const actor = await makeActor(db, 'EDITOR');
  const publication =
    (await db.publication.findFirst()) ??
    (await db.publication.create({
      data: { slug: 'p', name: '今日柯城', publisher: 'x', hotline: '1', address: '', postcode: '' },
    }));
  const issueId = (
    await createIssue(db, actor, publication.id, { number: 941, date: '2026-11-27', pageNames: ['要闻', '综合'] })
  ).id;
  const pdf = await pagesPdf([
    [{ headline: '柯城区召开冬季安全生产会议', body: '会议要求各乡镇街道压实责任，排查隐患。' }],
  ]);
  const attached = await attachPdf(db, actor, { issueId, target: { kind: 'page', page: 1 }, bytes: pdf, mediaDir });
  await renderScan(db, mediaDir, attached.scanIds[0]!);
  const sha = (await db.epaperScan.findUniqueOrThrow({ where: { id: attached.scanIds[0]! } })).pdfSha256;
  referenced = [
    pdfPath(mediaDir, sha),
    ...IMAGE_WIDTHS.map((width) => path.join(epaperDir(mediaDir, sha), imageName(1, width))),
  ];
  // A page of the referenced PDF no row shows (a whole-issue PDF's page replaced before deletion existed).
  orphanImage = path.join(epaperDir(mediaDir, sha), imageName(2, 800));
  fs.copyFileSync(referenced[2]!, orphanImage);
  // A PDF and its images no row references, one just written, one left half-deleted, one file not ours.
  for (const [key, bytes] of [
    [ORPHAN, pdf],
    [RECENT, pdf],
  ] as const) {
    fs.mkdirSync(epaperDir(mediaDir, key), { recursive: true });
    fs.writeFileSync(pdfPath(mediaDir, key), bytes);
    for (const width of IMAGE_WIDTHS)
      fs.copyFileSync(referenced[1]!, path.join(epaperDir(mediaDir, key), imageName(1, width)));
  }
  fs.mkdirSync(path.join(mediaDir, TRASH), { recursive: true });
  fs.writeFileSync(path.join(mediaDir, TRASH, 'original.pdf'), pdf);
  unknown = path.join(epaperDir(mediaDir, ORPHAN), 'editor-notes.txt');
  fs.writeFileSync(unknown, '排版备注');
  // A story photo, camera-sized, stored as the newsroom stores it (MEDIA_DIR/<2 hex>/<32 hex>/).
  const photo = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#6b8e23',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
  await storeImage(db, { bytes: photo, alt: '柯城', uploaderId: actor.id, mediaDir });
  articleFiles = allFiles(mediaDir).filter((file) => !file.includes(`${path.sep}epaper${path.sep}`));
  expect(articleFiles.length).toBe(3);
  // Everything is two hours old except the recent orphan.
  const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
  for (const file of allFiles(mediaDir))
    if (!file.startsWith(epaperDir(mediaDir, RECENT))) fs.utimesSync(file, old, old);
}, 120_000);
afterAll(() => db.$disconnect());

const orphanPaths = () => [
  `epaper/${ORPHAN.slice(0, 2)}/${ORPHAN.slice(2, 34)}/original.pdf`,
  ...IMAGE_WIDTHS.map((width) => `epaper/${ORPHAN.slice(0, 2)}/${ORPHAN.slice(2, 34)}/${imageName(1, width)}`),
  path.relative(mediaDir, orphanImage),
  TRASH,
];

describe('npm run media:prune', () => {
  it('refuses with a Chinese sentence when MEDIA_DIR does not exist, and deletes nothing', () => {
    const before = allFiles(mediaDir);
    const missing = path.join(mediaDir, '..', 'no-such-media');
    const result = prune(['--yes'], { MEDIA_DIR: missing });
    expect(result.status).toBe(1);
    expect(result.err).toContain(`清理版面文件失败：媒体目录 ${missing} 不存在`);
    expect(allFiles(mediaDir)).toEqual(before);
  }, 60_000);

  it('lists the unreferenced e-paper files with their sizes and deletes nothing without --yes', () => {
    const before = allFiles(mediaDir);
    const result = prune([]);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    expect(result.out).toContain(`有 ${orphanPaths().length} 个无人引用的版面文件`);
    for (const orphan of orphanPaths())
      expect(result.out).toMatch(new RegExp(`  ${orphan.replaceAll('.', '\\.')}  [0-9.]+ (MB|KB|B)\\n`));
    expect(result.out).toContain('另有 5 个文件写入不到 60 分钟');
    expect(result.out).toContain('这是试运行，没有删除任何文件');
    expect(allFiles(mediaDir)).toEqual(before);
  }, 60_000);

  it('with --yes deletes exactly those: referenced files, story images, recent files and files not ours stay', () => {
    const result = prune(['--yes']);
    expect(result.status).toBe(0);
    expect(result.out).toMatch(new RegExp(`已删除 ${orphanPaths().length} 个文件，释放 [0-9.]+ (MB|KB)`));
    for (const orphan of orphanPaths()) expect(fs.existsSync(path.join(mediaDir, orphan)), orphan).toBe(false);
    for (const kept of [...referenced, ...articleFiles, unknown, pdfPath(mediaDir, RECENT)])
      expect(fs.existsSync(kept), kept).toBe(true);
    expect(fs.existsSync(path.dirname(path.join(mediaDir, TRASH)))).toBe(false);
    // Nothing left to do on a second run (what a backup copies: every referenced file, and no orphans).
    expect(prune([]).out).toContain('没有无人引用的版面文件');
  }, 60_000);
});
