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
  it('reads the weight word of the names the corpus producers write', () => {
    // Chromium, LibreOffice and pdfkit subsets (test/fixtures/import-pdf).
    expect(fontWeight('AAAAAA+NotoSerifCJKsc-Bold')).toBe(700);
    expect(fontWeight('BAAAAA+NotoSerifCJKsc-Regular')).toBe(400);
    expect(fontWeight('BAAAAA+NotoSansCJKjp-Bold-VKana')).toBe(700);
    expect(fontWeight('DZZZZZ+NotoSansCJKsc-Regular')).toBe(400);
    expect(fontWeight('Arial,Bold')).toBe(700);
    expect(fontWeight('SourceHanSerifSC-SemiBold')).toBe(600);
    expect(fontWeight('SourceHanSansSC-Heavy')).toBe(900);
    expect(fontWeight('NotoSansCJKsc-Light')).toBe(300);
  });

  it('takes 黑体 as heavier than a 宋体 body when the name has no weight word, and 方正 title faces as bold', () => {
    // pdf-lib's pages (02, 05, 07) name their faces SimHei and SimSun, pdf.js flags both not bold.
    expect(fontWeight('SimHei', { bold: false })).toBe(600);
    expect(fontWeight('SimSun', { bold: false })).toBe(400);
    expect(fontWeight('ABCDEF+FZHei-B01S')).toBe(700);
    expect(fontWeight('FZXiaoBiaoSong-B05S')).toBe(700);
    expect(fontWeight('FZShuSong-Z01S')).toBe(400);
    expect(fontWeight('FZXiHei I-Z08S')).toBe(300);
    // 黑体 written in GBK reaches pdf.js as bytes.
    expect(fontWeight('\u00ba\u00da\u00cc\u00e5')).toBe(600);
    expect(fontWeight('黑体')).toBe(600);
  });

  it('takes pdf.js’s bold and black flags when the name says nothing', () => {
    expect(fontWeight('F1', { bold: true })).toBe(700);
    expect(fontWeight('F1', { black: true })).toBe(900);
    expect(fontWeight('F1')).toBe(400);
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
