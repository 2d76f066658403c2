// A pdfkit document as the corpus's pdfkit pages are drawn (A4, the Noto CJK faces registered as
// 'body' and 'bold', Producer pdfkit), and its bytes once it is ended.
import PDFDocument from 'pdfkit';

const REGULAR = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'] as const;
const BOLD = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold'] as const;

export type Doc = InstanceType<typeof PDFDocument>;

export function pdfkitDocument(margin: number): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin, autoFirstPage: true, info: { Producer: 'pdfkit' } });
  doc.registerFont('body', ...REGULAR);
  doc.registerFont('bold', ...BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}
