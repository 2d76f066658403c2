// npm run bench:epaper — time to make a four-page issue's 版面: the sample issue printed to a PDF
// (Chromium, real text layer), attached as a whole-issue PDF and rendered the way the app does it
// (pdftoppm at 2400 px, sharp to 2400/1200/240 px WebP, story areas from the text layer), page after
// page, on a fresh data directory. Baseline in the same run: pdftoppm alone rasterising the same four
// pages at the same width. Target: the whole issue in under 30 s on this machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createClientFor } from '../../lib/db-client';
import { parseAreas } from '../../lib/epaper/areas';
import { pdfPath } from '../../lib/epaper/files';
import { renderScan } from '../../lib/epaper/jobs';
import { attachPdf } from '../../lib/epaper/service';
import { prepare } from '../../server/prepare';
import { samplePdf } from './lib/epaper-sample';

const TARGET_S = 30;
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.bench', 'epaper');

async function main() {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const prepared = await prepare({
    ...process.env,
    DATA_DIR,
    DATABASE_URL: undefined,
    ADMIN_PASSWORD: 'Bench-root-pass-2026',
  });
  const db = createClientFor(prepared.database);
  try {
    const actor = await db.user.findFirstOrThrow({ select: { id: true } });
    const { issueId, pdf, stories } = await samplePdf(db);
    console.log(
      `第1705期：4 版，${stories} 篇稿件；PDF ${(pdf.length / 1024).toFixed(0)} KB（Chromium 打印，带文字层）`,
    );

    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-epaper-'));
    const file = path.join(scratch, 'issue.pdf');
    fs.writeFileSync(file, pdf);
    const baselineStart = performance.now();
    for (let page = 1; page <= 4; page += 1) {
      execFileSync('pdftoppm', [
        '-png',
        '-singlefile',
        '-f',
        String(page),
        '-l',
        String(page),
        '-scale-to-x',
        '2400',
        '-scale-to-y',
        '-1',
        file,
        path.join(scratch, `p${page}`),
      ]);
    }
    const baseline = (performance.now() - baselineStart) / 1000;
    fs.rmSync(scratch, { recursive: true, force: true });

    const start = performance.now();
    const attached = await attachPdf(db, actor, {
      issueId,
      target: { kind: 'issue' },
      bytes: pdf,
      mediaDir: path.join(prepared.dataDir, 'media'),
    });
    const checked = (performance.now() - start) / 1000;
    for (const id of attached.scanIds) await renderScan(db, path.join(prepared.dataDir, 'media'), id);
    const total = (performance.now() - start) / 1000;
    const scans = await db.epaperScan.findMany({
      where: { id: { in: attached.scanIds } },
      include: { page: { select: { number: true, _count: { select: { placements: true } } } } },
      orderBy: { page: { number: 'asc' } },
    });
    for (const scan of scans)
      console.log(
        `  第${scan.page.number}版：${scan.status}，${scan.width}×${scan.height}，找到区域 ${parseAreas(scan.areas).length}/${scan.page._count.placements} 篇`,
      );
    if (scans.some((scan) => scan.status !== 'READY'))
      throw new Error(
        `有版面生成失败：${scans
          .map((scan) => scan.error)
          .filter(Boolean)
          .join('；')}`,
      );
    const sizes = fs
      .readdirSync(path.dirname(pdfPath(path.join(prepared.dataDir, 'media'), scans[0]!.pdfSha256)))
      .filter((name) => name.endsWith('.webp'))
      .map(
        (name) =>
          `${name} ${(fs.statSync(path.join(path.dirname(pdfPath(path.join(prepared.dataDir, 'media'), scans[0]!.pdfSha256)), name)).size / 1024).toFixed(0)} KB`,
      );
    console.log(`  图片：${sizes.join('，')}`);
    console.log('');
    console.log(`基线（只用 pdftoppm 把同样 4 页转成 2400 px PNG）：${baseline.toFixed(2)} s`);
    console.log(
      `整期版面（检查 PDF ${checked.toFixed(2)} s + 4 页图片与区域）：${total.toFixed(2)} s（目标 < ${TARGET_S} s）`,
    );
    console.log(`比值：${(total / baseline).toFixed(2)} × 基线；${total < TARGET_S ? '达标' : '未达标'}`);
    if (total >= TARGET_S) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
