// PDFs made here by Chromium from HTML (CSS columns, Noto CJK from fonts-noto-cjk), read back through
// their text layer: columns in reading order, a headline across columns, a table, and the refusals.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

import { encryptedPdf } from '../../test/support/pdf-samples';
import { toPlainText } from '../content/plain-text';
import { parseIssue } from './parse-issue';
import { DAMAGED_PDF, ENCRYPTED_PDF, NO_TEXT_LAYER, pdfToText } from './pdf-text';
import { readImportFile } from './read-file';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STYLE = `@page { size: A4; margin: 15mm } body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt; line-height: 1.6 }
h1 { font-size: 20pt; margin: 3mm 0 } h2 { font-size: 16pt; margin: 3mm 0 } p { margin: 0 0 2mm; text-indent: 2em } .plain { text-indent: 0 }
.cols2 { column-count: 2; column-gap: 9mm } .cols3 { column-count: 3; column-gap: 8mm } td, th { padding: 1mm 6mm; font-weight: normal; text-align: left }`;

async function makePdf(name: string, body: string): Promise<Uint8Array> {
  const html = path.join(dir, `${name}.html`);
  const pdf = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(
    html,
    `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${body}</body></html>`,
  );
  await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ],
    { timeout: 60_000 },
  );
  return new Uint8Array(fs.readFileSync(pdf));
}

const ARTICLE_A = [
  '本报讯（记者 徐敏）8月21日，区领导带队检查重点企业安全生产工作，要求绷紧安全弦，坚决遏制各类事故发生。检查组一行先后来到化工园区、建筑工地和商贸综合体，详细了解企业安全生产责任制落实情况。',
  '检查组指出，当前正值高温季节，是安全事故易发多发期，各企业要压实主体责任，加强隐患排查，确保生产安全。各部门要加强监管执法，对发现的问题隐患要立即整改到位。',
  '检查组重点检查了消防通道、危化品储存和特种设备使用情况，现场督促整改问题12个。区应急管理局表示，下一步将持续开展安全生产专项整治行动。',
  '据了解，今年以来全区共开展安全生产检查1200余次，排查整改隐患3600余处，全区安全生产形势总体平稳，没有发生较大以上生产安全事故。',
];
const ARTICLE_B = [
  '本报讯（记者 严嘉慧）8月20日，信安街道书院社区的“邻里食堂”正式开张，60岁以上老人用餐可享受八折优惠，80岁以上老人每月还可领取用餐补贴。',
  '食堂每天供应早餐和午餐，菜品由社区居民投票决定。开张当天，共有120多位老人前来就餐，大家纷纷点赞社区办了一件暖心事、贴心事。',
  '社区负责人介绍，下一步将引入更多社会力量参与食堂运营，让更多老人在家门口吃上热乎饭，真正把好事办好、实事办实。',
];
const paragraphsHtml = (paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');

/** The source paragraphs appear whole and in order in the extracted text. */
function expectInOrder(text: string, paragraphs: string[]) {
  let from = 0;
  for (const paragraph of paragraphs) {
    const at = text.indexOf(paragraph, from);
    expect(at, paragraph).toBeGreaterThanOrEqual(from);
    from = at + paragraph.length;
  }
}

describe.skipIf(!fs.existsSync(CHROMIUM))('PDF import through the text layer', () => {
  it('reads a two-column page under a headline across both columns, in reading order', async () => {
    const pdf = await makePdf(
      'two',
      `<h1>柯城开展安全生产大检查</h1><div class="cols2">${paragraphsHtml(ARTICLE_A)}</div>`,
    );
    const read = await pdfToText(pdf);
    expect(read.ok).toBe(true);
    const text = read.ok ? read.text : '';
    expect(text.startsWith('柯城开展安全生产大检查\n\n')).toBe(true);
    expectInOrder(text, ARTICLE_A);
  }, 60_000);

  it('reads a three-column page with a second headline across the columns half-way down', async () => {
    const pdf = await makePdf(
      'three',
      `<h1>柯城开展安全生产大检查</h1><div class="cols3">${paragraphsHtml(ARTICLE_A)}</div><h2>社区食堂开进老小区</h2><div class="cols3">${paragraphsHtml(ARTICLE_B)}</div>`,
    );
    const read = await pdfToText(pdf);
    const text = read.ok ? read.text : '';
    expectInOrder(text, ['柯城开展安全生产大检查', ...ARTICLE_A, '社区食堂开进老小区', ...ARTICLE_B]);
  }, 60_000);

  it('imports a whole issue page with masthead and a table to the same structure as its text', async () => {
    const pdf = await makePdf(
      'issue',
      `<p class="plain">2020年8月24日 星期一 农历庚子年七月初六</p><p class="plain">第 1706 期</p><p class="plain">衢州市柯城区融媒体中心编印</p><p class="plain">第1版：要闻</p>
       <h1>柯城开展安全生产大检查</h1><div class="cols2">${paragraphsHtml(ARTICLE_A)}</div>
       <h2>社区食堂开进老小区</h2>${paragraphsHtml(ARTICLE_B.slice(0, 1))}
       <p class="plain">食堂价目表</p><table><tr><th>餐别</th><th>价格</th><th>供应时间</th></tr><tr><td>早餐</td><td>5元</td><td>6:30至8:30</td></tr><tr><td>午餐</td><td>12元</td><td>11:00至12:30</td></tr></table>`,
    );
    const read = await readImportFile(pdf);
    expect(read).toMatchObject({ ok: true, encoding: 'PDF 文字层（1页）', pdfPages: 1 });
    const { issue, report } = parseIssue(read.ok ? read.text : '');
    expect(issue).toMatchObject({ number: 1706, date: '2020-08-24', pages: [{ number: 1, name: '要闻' }] });
    expect(report.warnings).toEqual([]);
    expect(issue.stories.map((story) => [story.headline, story.dateline, story.byline])).toEqual([
      ['柯城开展安全生产大检查', '本报讯', '记者 徐敏'],
      ['社区食堂开进老小区', '本报讯', '记者 严嘉慧'],
    ]);
    expect(toPlainText(issue.stories[0]!.body).split('\n')).toEqual([
      ARTICLE_A[0]!.replace('本报讯（记者 徐敏）', ''),
      ...ARTICLE_A.slice(1),
    ]);
    const table = issue.stories[1]!.body.content.find((node) => node.type === 'table');
    expect(table && toPlainText({ type: 'doc', content: [table] })).toBe(
      '餐别\t价格\t供应时间\n早餐\t5元\t6:30至8:30\n午餐\t12元\t11:00至12:30',
    );
    expect(toPlainText(issue.stories[1]!.body)).toContain('食堂价目表');
  }, 60_000);

  it('refuses a PDF without a text layer (a scanned page)', async () => {
    const pdf = await makePdf('scan', '<div style="width:160mm;height:220mm;background:#888"></div>');
    expect(await pdfToText(pdf)).toEqual({ ok: false, error: NO_TEXT_LAYER });
  }, 60_000);
});

describe('PDFs that cannot be read', () => {
  it('refuses a damaged PDF', async () => {
    expect(await readImportFile(new TextEncoder().encode('%PDF-1.4\n这不是一个完整的 PDF'))).toEqual({
      ok: false,
      error: DAMAGED_PDF,
    });
  });

  it('refuses an encrypted PDF', async () => {
    expect(await readImportFile(encryptedPdf())).toEqual({ ok: false, error: ENCRYPTED_PDF });
  });

  it('refuses a 60 MB file before reading it', async () => {
    const big = new Uint8Array(60 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await readImportFile(big)).toEqual({ ok: false, error: '文件过大（上限 10 MB）' });
  });
});
