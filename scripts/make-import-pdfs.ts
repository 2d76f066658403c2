// `npx tsx scripts/make-import-pdfs.ts [name …]`: makes the page PDFs of the PDF import corpus
// (test/fixtures/import-pdf) from their hand-written expected structures, each by its producer
// (scripts/import-pdfs/layout.ts): Chromium from HTML with CSS grid and columns, LibreOffice from a
// flat ODT with text frames, pdf-lib drawing text at positions; and the pdfkit pair of pages, whose
// text and layout are written out in scripts/import-pdfs/pdfkit.ts (a blind set made apart from layout.ts). Needs chromium, fonts-noto-cjk and
// libreoffice-writer-nogui (Debian). The PDFs are committed; run this only to add or change a page.
import fs from 'node:fs';
import path from 'node:path';

import type { ExpectedIssue } from '../lib/importer/corpus-score';
import { pageHtml, printWithChromium } from './import-pdfs/chromium';
import { LAYOUTS } from './import-pdfs/layout';
import { convertWithLibreOffice, pageFodt } from './import-pdfs/libreoffice';
import { drawWithPdfLib } from './import-pdfs/pdf-lib';
import { drawWithPdfkit } from './import-pdfs/pdfkit';
import { drawFrontWithPdfkit } from './import-pdfs/pdfkit-front';

const DIR = path.resolve(import.meta.dirname, '../test/fixtures/import-pdf');
const wanted = process.argv.slice(2);

for (const [name, layout] of Object.entries(LAYOUTS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')) as ExpectedIssue;
  const out = path.join(DIR, `${name}.pdf`);
  if (layout.producer === 'chromium') printWithChromium(pageHtml(expected, layout), out);
  else if (layout.producer === 'libreoffice') convertWithLibreOffice(pageFodt(expected, layout), out);
  else fs.writeFileSync(out, await drawWithPdfLib(expected, layout));
  console.log(`${name}.pdf (${layout.producer}, ${fs.statSync(out).size} bytes)`);
}

const BLIND_PDFKIT = '10-blind-pdfkit-issue';
if (!wanted.length || wanted.includes(BLIND_PDFKIT)) {
  const out = path.join(DIR, `${BLIND_PDFKIT}.pdf`);
  fs.writeFileSync(out, await drawWithPdfkit());
  console.log(`${BLIND_PDFKIT}.pdf (pdfkit, ${fs.statSync(out).size} bytes)`);
}

const PDFKIT_FRONT = '11-pdfkit-front-sidebar';
if (!wanted.length || wanted.includes(PDFKIT_FRONT)) {
  const out = path.join(DIR, `${PDFKIT_FRONT}.pdf`);
  fs.writeFileSync(out, await drawFrontWithPdfkit());
  console.log(`${PDFKIT_FRONT}.pdf (pdfkit, ${fs.statSync(out).size} bytes)`);
}
