import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { BOLDER, fontWeight } from './font-weight';
import { eachPdfPage, readPage } from './pdf-pages';
import type { Piece } from './pdf-segments';

const CORPUS = path.resolve(import.meta.dirname, '../../test/fixtures/import-pdf');

async function piecesOf(name: string): Promise<Piece[]> {
  const pieces: Piece[] = [];
  const read = await eachPdfPage(
    new Uint8Array(fs.readFileSync(path.join(CORPUS, name))),
    { images: false },
    async (page) => {
      pieces.push(...(await readPage(page)).pieces);
    },
  );
  if (!read.ok) throw new Error(read.error);
  return pieces;
}

const weightOf = (pieces: Piece[], text: string) => pieces.find((piece) => piece.text.includes(text))?.weight;

describe('fontWeight', () => {
  it.each<[string, { bold?: boolean; black?: boolean }, number]>([
    // Chromium, LibreOffice and pdfkit subsets (test/fixtures/import-pdf) and other weight words.
    ['AAAAAA+NotoSerifCJKsc-Bold', {}, 700],
    ['BAAAAA+NotoSerifCJKsc-Regular', {}, 400],
    ['BAAAAA+NotoSansCJKjp-Bold-VKana', {}, 700],
    ['DZZZZZ+NotoSansCJKsc-Regular', {}, 400],
    ['Arial,Bold', {}, 700],
    ['SourceHanSerifSC-SemiBold', {}, 600],
    ['SourceHanSansSC-Heavy', {}, 900],
    ['NotoSansCJKsc-Light', {}, 300],
    // pdf-lib's pages (02, 05, 07) name their faces SimHei and SimSun, pdf.js flags both not bold:
    // 黑体 is heavier than a 宋体 body; 方正's "-B" faces are title faces, "-Z" text faces.
    ['SimHei', { bold: false }, 600],
    ['SimSun', { bold: false }, 400],
    ['ABCDEF+FZHei-B01S', {}, 700],
    ['FZXiaoBiaoSong-B05S', {}, 700],
    ['FZShuSong-Z01S', {}, 400],
    ['FZXiHei I-Z08S', {}, 300],
    // 黑体 written in GBK reaches pdf.js as bytes.
    ['\u00ba\u00da\u00cc\u00e5', {}, 600],
    ['黑体', {}, 600],
    // pdf.js's flags when the name says nothing.
    ['F1', { bold: true }, 700],
    ['F1', { black: true }, 900],
    ['F1', {}, 400],
  ])('%s %o → %i', (name, flags, weight) => {
    expect(fontWeight(name, flags)).toBe(weight);
  });
});

describe('the weights readPage gives text pieces', () => {
  it.each([
    // Chromium (Noto Serif body, Noto Sans Bold headline), LibreOffice (the same faces), pdf-lib (SimSun, SimHei).
    ['01-chromium-columns.pdf', '推进会', '衢州市柯城区融媒体中'],
    ['03-libreoffice-frames.pdf', '冬季森林防火进入紧要期', '本报讯（通讯员 林海）'],
    ['02-pdflib-inner-page.pdf', '节前蔬菜供应充足价格平稳', '本报讯（记者 叶青）'],
  ])('%s: the headline is set bolder than the body', async (name, headline, body) => {
    const pieces = await piecesOf(name);
    expect(weightOf(pieces, body)).toBe(400);
    expect(weightOf(pieces, headline)! - weightOf(pieces, body)!).toBeGreaterThanOrEqual(BOLDER);
  });
});
