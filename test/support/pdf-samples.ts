// PDFs made at test time: Chromium prints HTML with CSS columns to a PDF with a real text layer
// (fonts-noto-cjk gives the glyphs); an image-only page, an encrypted and a damaged file are made too.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type SampleArticle = { headline: string; body: string };

const STYLE = `@page { size: A4; margin: 12mm } body { margin: 0; font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif }
.page { height: 270mm; column-count: 3; column-gap: 7mm; break-after: page; overflow: hidden }
.page:last-child { break-after: auto } h2 { font-size: 19pt; margin: 0 0 3mm; line-height: 1.3 } p { font-size: 10pt; line-height: 1.6; margin: 0 0 6mm; text-indent: 2em }
.block { height: 250mm; background: #6b7280; -webkit-print-color-adjust: exact; print-color-adjust: exact }`;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

async function print(html: string): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epaper-sample-'));
  try {
    const file = path.join(dir, 'page.html');
    const pdf = path.join(dir, 'page.pdf');
    fs.writeFileSync(
      file,
      `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${html}</body></html>`,
    );
    await run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        `file://${file}`,
      ],
      { timeout: 90_000 },
    );
    return new Uint8Array(fs.readFileSync(pdf));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One printed page per list of stories, each story a headline and its body in the page's columns. */
export function pagesPdf(pages: SampleArticle[][]): Promise<Uint8Array> {
  return print(
    pages
      .map(
        (stories) =>
          `<div class="page">${stories.map((story) => `<h2>${escape(story.headline)}</h2><p>${escape(story.body)}</p>`).join('')}</div>`,
      )
      .join(''),
  );
}

/** Pages with no text at all (a scan): a grey block each. */
export function imageOnlyPdf(pageCount: number): Promise<Uint8Array> {
  return print(Array.from({ length: pageCount }, () => '<div class="page"><div class="block"></div></div>').join(''));
}

/** A one-page PDF whose standard security handler wants a user password (no empty password matches /U). */
export function encryptedPdf(): Uint8Array {
  const hex = (length: number) => '<' + 'ab'.repeat(length) + '>';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -44 /O ${hex(32)} /U ${hex(32)} >>`,
  ];
  let body = '%PDF-1.6\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** The start of a real PDF and then nothing: a download cut off half-way. */
export function damagedPdf(real: Uint8Array): Uint8Array {
  return real.slice(0, Math.min(400, real.length));
}
