// A tuning page drawn with pdfkit (not the blind pair in pdfkit.ts, whose text and layout stay unseen
// while tuning): a front page whose masthead ends in a centred publisher line over a rule with the
// 第1版 line under it, a kicker over a headline across two of three columns beside a photo item, and a
// story with a boxed 短评 whose bold title, set in the body's size, wraps onto a second line.
import { pdfkitDocument, type Doc } from './pdfkit-doc';
import { photoPng } from './png';

const MARGIN = 40;
const WIDTH = 595.28 - 2 * MARGIN;
const GAP = 14;
const COLUMN = (WIDTH - 2 * GAP) / 3;
const TWO = 2 * COLUMN + GAP;
const THIRD = MARGIN + TWO + GAP;

function body(doc: Doc, texts: string[], x: number, y: number, width: number, columns: number, height: number) {
  doc.font('body').fontSize(10.5);
  doc.text(texts.join('\n'), x, y, { width, columns, columnGap: GAP, height, indent: 21, lineGap: 4 });
}

function rule(doc: Doc, x0: number, y0: number, x1: number, y1: number) {
  doc.moveTo(x0, y0).lineTo(x1, y1).lineWidth(0.75).stroke();
}

export function drawFrontWithPdfkit(): Promise<Buffer> {
  const { doc, done } = pdfkitDocument(MARGIN);

  doc.font('bold').fontSize(36).text('柯城日报', MARGIN, 36, { width: WIDTH, align: 'center' });
  doc.font('body').fontSize(10.5);
  doc.text('2023年3月6日 星期一', MARGIN, 86, { width: WIDTH, align: 'center' });
  doc.text('第2046期 本期八版', MARGIN, 102, { width: WIDTH, align: 'center' });
  doc.text('柯城区融媒体中心编印', MARGIN, 118, { width: WIDTH, align: 'center' });
  rule(doc, MARGIN, 138, MARGIN + WIDTH, 138);
  doc.text('第1版 要闻', MARGIN, 143);

  doc.font('body').fontSize(13).text('春风行动暖人心', MARGIN, 170, { width: TWO });
  doc.font('bold').fontSize(22).text('全区举办春季招聘会岗位超五千个', MARGIN, 188, { width: TWO });
  body(
    doc,
    [
      '本报讯（记者 王芳）3月4日，全区春季大型招聘会在人力资源市场举行，一百二十家企业带来五千二百个岗位，吸引求职者三千余人次。',
      '招聘会设置了制造业、服务业和返乡创业三个专区，还开设了政策咨询和技能培训报名窗口，现场达成就业意向八百余人。',
      '区人力社保局表示，春风行动期间还将举办十场乡镇专场招聘会，把岗位送到农民工家门口。',
    ],
    MARGIN,
    226,
    TWO,
    2,
    130,
  );
  rule(doc, THIRD - GAP / 2, 168, THIRD - GAP / 2, 372);
  doc.font('bold').fontSize(15).text('樱花初绽', THIRD, 172, { width: COLUMN });
  doc.image(photoPng(240, 160), THIRD, 198, { width: COLUMN, height: COLUMN * 0.66 });
  doc.font('body').fontSize(9);
  doc.text('3月5日，市民在府山公园观赏初开的樱花，不少游客驻足拍照。（通讯员 李明 摄）', THIRD, 204 + COLUMN * 0.66, {
    width: COLUMN,
    lineGap: 2,
  });

  rule(doc, MARGIN, 380, MARGIN + WIDTH, 380);
  doc.font('bold').fontSize(18).text('城区新增两处口袋公园', MARGIN, 396, { width: TWO });
  body(
    doc,
    [
      '本报讯（记者 陈静）近日，位于新新街道和双港街道的两处口袋公园建成开放，新增绿地面积四千平方米，周边居民步行五分钟就能到达。',
      '两处公园利用闲置边角地改造而成，设置了健身步道、儿童游乐区和休闲座椅，夜间还有景观照明，成为居民散步锻炼的好去处。',
    ],
    MARGIN,
    426,
    TWO,
    2,
    110,
  );
  doc.rect(THIRD, 396, COLUMN, 170).lineWidth(1).stroke();
  doc
    .font('bold')
    .fontSize(10.5)
    .text('短评', THIRD + 8, 406, { width: COLUMN - 16 });
  doc
    .font('bold')
    .fontSize(10.5)
    .text('小小口袋公园里装着城市的大民生', THIRD + 8, 424, { width: COLUMN - 16 });
  doc.font('body').fontSize(10.5);
  doc.text('口袋公园虽小，却连着群众的日常生活。把边角地用好，把小事办实，城市才会更有温度。', THIRD + 8, 462, {
    width: COLUMN - 16,
    indent: 21,
    lineGap: 4,
  });
  doc.end();
  return done;
}
