// Font weight read from a PDF page drawn by pdfkit (the Noto CJK faces, as the corpus's pdfkit pages):
// a 引题 and a 小标题 set in bold at the body's size, which type size alone cannot tell from the text.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';

import { toPlainText } from '../content/plain-text';
import { parseIssue } from './parse-issue';
import { pdfToText } from './pdf-text';

const FACES = '/usr/share/fonts/opentype/noto';
const BODY = 10;
const PITCH = 15;

/** Lines of `text`, `chars` to a line, the first indented two characters. */
function wrapped(text: string, chars: number): string[] {
  const all = [...text];
  const lines = [all.slice(0, chars - 2).join('')];
  for (let at = chars - 2; at < all.length; at += chars) lines.push(all.slice(at, at + chars).join(''));
  return lines;
}

async function pdfkitPage(draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Producer: 'pdfkit' } });
  doc.registerFont('body', `${FACES}/NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular');
  doc.registerFont('bold', `${FACES}/NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return new Uint8Array(await done);
}

// All full-width: the test wraps by characters, not by width, as a justified column would.
const FIRST =
  '本报讯昨日，全区春季大型招聘会在人力资源市场举行，一百二十家企业带来五千二百个岗位，吸引求职者三千余人次。';
const SECOND = '招聘会设置了制造业、服务业和返乡创业三个专区，现场达成就业意向八百余人，不少求职者当场签约。';
const THIRD = '区人力社保局表示，春风行动期间还将举办十场乡镇专场招聘会，把岗位送到农民工家门口，让群众就近就业。';

describe('font weight on a pdfkit page', () => {
  it('reads a bold 引题 at body size as the kicker and a bold line between paragraphs as a subheading', async () => {
    const bytes = await pdfkitPage((doc) => {
      doc.font('bold').fontSize(BODY).text('春风行动暖人心', 40, 60, { lineBreak: false });
      doc.font('bold').fontSize(20).text('全区举办春季招聘会岗位超五千个', 40, 76, { lineBreak: false });
      let y = 110;
      const column = (lines: string[], font: 'body' | 'bold', indentFirst = true) => {
        lines.forEach((line, index) => {
          doc
            .font(font)
            .fontSize(BODY)
            .text(line, 40 + (index === 0 && indentFirst ? 2 * BODY : 0), y, { lineBreak: false });
          y += PITCH;
        });
      };
      column(wrapped(FIRST, 24), 'body');
      column(['一、岗位送到家门口'], 'bold', false);
      column(wrapped(SECOND, 24), 'body');
      column(wrapped(THIRD, 24), 'body');
    });
    const read = await pdfToText(bytes);
    if (!read.ok) throw new Error(read.error);
    expect(read.titleRoles.get('春风行动暖人心')).toBe('kicker');
    expect(read.titleRoles.get('全区举办春季招聘会岗位超五千个')).toBe('headline');
    expect(read.titleRoles.get('一、岗位送到家门口')).toBe('subheading');
    const { issue } = parseIssue(read.text, { titleRoles: read.titleRoles });
    const [article] = issue.stories;
    expect(article?.kicker).toBe('春风行动暖人心');
    expect(article?.headline).toBe('全区举办春季招聘会岗位超五千个');
    expect(issue.stories).toHaveLength(1);
    expect(article?.body.content.map((node) => `${node.type}:${toPlainText(node)}`)).toEqual([
      `paragraph:${FIRST.replace(/^本报讯/u, '')}`,
      'heading:一、岗位送到家门口',
      `paragraph:${SECOND}`,
      `paragraph:${THIRD}`,
    ]);
  });

  it('leaves the same lines without a weight role when they are set in the body face', async () => {
    const bytes = await pdfkitPage((doc) => {
      doc.font('body').fontSize(BODY).text('春风行动暖人心', 40, 60, { lineBreak: false });
      doc.font('bold').fontSize(20).text('全区举办春季招聘会岗位超五千个', 40, 76, { lineBreak: false });
      wrapped(FIRST, 24).forEach((line, index) => {
        doc
          .font('body')
          .fontSize(BODY)
          .text(line, 40 + (index === 0 ? 2 * BODY : 0), 110 + index * PITCH, { lineBreak: false });
      });
    });
    const read = await pdfToText(bytes);
    if (!read.ok) throw new Error(read.error);
    expect(read.titleRoles.get('全区举办春季招聘会岗位超五千个')).toBe('headline');
    expect(read.titleRoles.has('春风行动暖人心')).toBe(false);
  });
});
