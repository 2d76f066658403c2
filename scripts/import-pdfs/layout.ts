// How each corpus page is laid out: its producer, the page's columns, and where each story sits
// (first column, columns spanned, row, how many columns its text flows through, boxed or not).
// Pages are A4 portrait; the text is the expected structure's (printed.ts).
export type Producer = 'chromium' | 'libreoffice' | 'pdf-lib';

export type Placement = {
  /** Index into the expected structure's stories. */
  story: number;
  column: number;
  span: number;
  row: number;
  /** Columns the story's text flows through (bottom of one to the top of the next). */
  flow: number;
  boxed?: boolean;
  /** The part of the story this frame prints (printed.ts): its text (default), its boxed 短评 / 相关链接, or its 编者按. */
  part?: 'main' | 'box' | 'note';
};

export type PageLayout = {
  producer: Producer;
  page: number;
  /** Front page (masthead) or inner page (a header line). */
  front: boolean;
  columns: number;
  /** A vertical section banner at the left edge (the page name). */
  banner?: boolean;
  placements: Placement[];
};

export const LAYOUTS: Record<string, PageLayout> = {
  '01-chromium-columns': {
    producer: 'chromium',
    page: 1,
    front: true,
    columns: 3,
    placements: [
      { story: 0, column: 1, span: 3, row: 1, flow: 3 },
      { story: 1, column: 1, span: 2, row: 2, flow: 2 },
      { story: 1, column: 3, span: 1, row: 2, flow: 1, boxed: true, part: 'box' },
    ],
  },
  '02-pdflib-inner-page': {
    producer: 'pdf-lib',
    page: 3,
    front: false,
    columns: 4,
    banner: true,
    placements: [
      { story: 0, column: 1, span: 3, row: 1, flow: 2 },
      { story: 1, column: 4, span: 1, row: 1, flow: 1 },
    ],
  },
  '03-libreoffice-frames': {
    producer: 'libreoffice',
    page: 1,
    front: true,
    columns: 2,
    placements: [
      { story: 0, column: 1, span: 2, row: 1, flow: 2 },
      { story: 1, column: 1, span: 1, row: 2, flow: 1 },
    ],
  },
  '04-blind-chromium-grid': {
    producer: 'chromium',
    page: 2,
    front: false,
    columns: 5,
    placements: [
      { story: 0, column: 1, span: 3, row: 1, flow: 1 },
      { story: 1, column: 4, span: 2, row: 1, flow: 2 },
      { story: 1, column: 4, span: 2, row: 2, flow: 1, boxed: true, part: 'box' },
    ],
  },
  '05-blind-pdflib-front': {
    producer: 'pdf-lib',
    page: 1,
    front: true,
    columns: 6,
    placements: [
      { story: 0, column: 1, span: 4, row: 1, flow: 2, boxed: true, part: 'note' },
      { story: 0, column: 1, span: 4, row: 2, flow: 4 },
      { story: 1, column: 5, span: 2, row: 2, flow: 2 },
    ],
  },
  '06-blind-libreoffice-inner': {
    producer: 'libreoffice',
    page: 3,
    front: false,
    columns: 3,
    placements: [
      { story: 0, column: 1, span: 2, row: 1, flow: 2 },
      { story: 1, column: 3, span: 1, row: 1, flow: 1 },
      { story: 2, column: 1, span: 2, row: 2, flow: 1 },
    ],
  },
  '07-pdflib-six-columns': {
    producer: 'pdf-lib',
    page: 1,
    front: true,
    columns: 6,
    placements: [
      { story: 0, column: 1, span: 3, row: 1, flow: 1, boxed: true, part: 'note' },
      { story: 1, column: 4, span: 3, row: 1, flow: 3 },
      { story: 0, column: 1, span: 6, row: 2, flow: 6 },
    ],
  },
  '08-chromium-grid-inner': {
    producer: 'chromium',
    page: 2,
    front: false,
    columns: 4,
    placements: [
      { story: 0, column: 1, span: 2, row: 1, flow: 2 },
      { story: 1, column: 3, span: 1, row: 1, flow: 1 },
      { story: 1, column: 4, span: 1, row: 1, flow: 1, boxed: true, part: 'box' },
      { story: 2, column: 1, span: 4, row: 2, flow: 3 },
    ],
  },
  '09-libreoffice-four-columns': {
    producer: 'libreoffice',
    page: 4,
    front: false,
    columns: 4,
    placements: [
      { story: 0, column: 1, span: 3, row: 1, flow: 2 },
      { story: 1, column: 4, span: 1, row: 1, flow: 1 },
      { story: 2, column: 1, span: 2, row: 2, flow: 1 },
    ],
  },
};
