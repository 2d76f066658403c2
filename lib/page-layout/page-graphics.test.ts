import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { graphicsOf, isHorizontal, isVertical, ruledFrames, ruledTables, type Ops, type Rule } from './page-graphics';

const PDF_CORPUS_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/import-pdf');

// pdf.js's operator numbers (OPS in pdfjs-dist 5).
const OPS: Ops = {
  save: 10,
  restore: 11,
  transform: 12,
  constructPath: 91,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
};
const MOVE = 0;
const LINE = 1;
const CLOSE = 4;

/** A rectangle as a path: move, three lines, close. */
const rectangle = (x: number, y: number, width: number, height: number) => [
  MOVE,
  x,
  y,
  LINE,
  x + width,
  y,
  LINE,
  x + width,
  y + height,
  LINE,
  x,
  y + height,
  CLOSE,
];

describe('graphicsOf', () => {
  it('reads a stroked frame as its four edges, in page coordinates after the transforms', () => {
    const { rules } = graphicsOf(
      [OPS.save, OPS.transform, OPS.constructPath, OPS.restore],
      [null, [1, 0, 0, 1, 100, 200], [OPS.stroke, [rectangle(0, 0, 50, 80)], [0, 0, 50, 80]], null],
      OPS,
    );
    expect(rules).toEqual([
      { x0: 100, y0: 200, x1: 150, y1: 200 },
      { x0: 150, y0: 200, x1: 150, y1: 280 },
      { x0: 100, y0: 280, x1: 150, y1: 280 },
      { x0: 100, y0: 200, x1: 100, y1: 280 },
    ]);
  });

  it('reads a thin filled rectangle as one rule and leaves a tint and a short mark out', () => {
    const { rules } = graphicsOf(
      [OPS.constructPath, OPS.constructPath, OPS.constructPath],
      [
        [OPS.fill, [rectangle(40, 500, 0.8, 120)], null],
        [OPS.fill, [rectangle(40, 300, 200, 100)], null],
        [OPS.stroke, [[MOVE, 40, 200, LINE, 45, 200]], null],
      ],
      OPS,
    );
    expect(rules).toEqual([{ x0: 40.4, y0: 500, x1: 40.4, y1: 620 }]);
    expect(isVertical(rules[0]!)).toBe(true);
  });

  it('places an image where the current transform maps the unit square', () => {
    const { images } = graphicsOf(
      [OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore],
      [null, [240, 0, 0, 160, 60, 300], ['img_p0_1', 240, 160], null],
      OPS,
    );
    expect(images).toEqual([{ left: 60, bottom: 300, right: 300, top: 460, ref: 'img_p0_1' }]);
  });

  it('finds the table rules and the photo pdf-lib drew on a corpus page', async () => {
    const { getDocument, OPS: pdfOps } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const bytes = fs.readFileSync(path.join(PDF_CORPUS_DIR, '02-pdflib-inner-page.pdf'));
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const operators = await (await pdf.getPage(1)).getOperatorList();
      const { rules, images } = graphicsOf(operators.fnArray, operators.argsArray, pdfOps);
      expect(images).toHaveLength(1);
      expect(ruledTables(rules)).toHaveLength(1);
      expect(rules.some(isHorizontal)).toBe(true);
    } finally {
      await pdf.destroy();
    }
  });
});

describe('ruledTables', () => {
  const h = (y: number, x0 = 0, x1 = 90): Rule => ({ x0, y0: y, x1, y1: y });
  const v = (x: number, y0 = 0, y1 = 60): Rule => ({ x0: x, y0, x1: x, y1 });

  it('takes a grid of two rows of cells or more as a table and a frame as none', () => {
    expect(ruledTables([h(0), h(30), h(60), v(0), v(45), v(90)])).toEqual([{ left: 0, bottom: 0, right: 90, top: 60 }]);
    expect(ruledTables([h(0), h(60), v(0), v(90)])).toEqual([]);
  });

  it('takes four rules round an area as a frame, and neither a grid nor a lone rule', () => {
    expect(ruledFrames([h(0), h(60), v(0), v(90)])).toEqual([{ left: 0, bottom: 0, right: 90, top: 60 }]);
    expect(ruledFrames([h(0), h(30), h(60), v(0), v(45), v(90)])).toEqual([]);
    expect(ruledFrames([h(0)])).toEqual([]);
  });
});
