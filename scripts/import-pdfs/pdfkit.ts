// The blind pair of pages drawn with pdfkit (a fourth producer: its own line breaking, text set in
// columns by `columns`, fonts subset from the Noto CJK collection). Its text is written out here by
// hand, not derived from the expected structure (printed.ts) nor laid out by layout.ts, which the
// parser was tuned on: a front page of four columns with a kicker and headline across three, a
// photo item with its caption in the fourth, a story under them whose body is set in two columns
// and a boxed 短评 beside it; an inner page under its header line, a headline wrapped over two lines
// across two columns, and two one-column items. Never tune the importer on this page.
import { pdfkitDocument, type Doc } from './pdfkit-doc';
import { photoPng } from './png';

const MARGIN = 36;
const WIDTH = 595.28 - 2 * MARGIN;
const GAP = 12;

function paragraphs(doc: Doc, texts: string[], x: number, y: number, width: number, columns = 1, height?: number) {
  doc.font('body').fontSize(10);
  // Each paragraph's first line indented two characters, as print does. Ragged right: pdfkit justifies
  // by widening word spaces, and the only spaces in Chinese text are a byline's (记者 方晓).
  doc.text(texts.join('\n'), x, y, { width, columns, columnGap: GAP, height, indent: 20, lineGap: 3 });
}

function frontPage(doc: Doc) {
  doc.font('bold').fontSize(40).text('今日柯城', MARGIN, 40, { width: WIDTH, align: 'center' });
  doc.font('body').fontSize(10);
  doc.text('2022年6月13日 星期一', MARGIN, 96, { width: WIDTH, align: 'center' });
  doc.text('第1888期 本期四版', MARGIN, 112, { width: WIDTH, align: 'center' });
  doc.text('衢州市柯城区融媒体中心编印', MARGIN, 128, { width: WIDTH, align: 'center' });
  doc
    .moveTo(MARGIN, 148)
    .lineTo(MARGIN + WIDTH, 148)
    .lineWidth(1.5)
    .stroke();
  doc.text('第1版 要闻', MARGIN, 154);

  const column = (WIDTH - 3 * GAP) / 4;
  const three = 3 * column + 2 * GAP;
  doc.font('body').fontSize(14).text('守护一江清水', MARGIN, 180, { width: three, align: 'center' });
  doc.font('bold').fontSize(24).text('柯城夏季治水攻坚战全面打响', MARGIN, 200, { width: three, align: 'center' });
  paragraphs(
    doc,
    [
      '本报讯（记者 方晓）6月10日，我区召开夏季治水攻坚动员会，部署汛期前后河道整治、污水管网改造和水质监测等重点工作，确保全区主要河道水质稳定达到三类以上。',
      '会议指出，今年以来全区已完成十二条河道清淤，新建污水管网二十六公里，但部分支流仍存在雨后水质波动的问题，必须抓紧补齐短板。',
      '会议要求，各乡镇街道要落实河长巡河制度，每周至少巡查一次，发现问题当天交办、限期整改，并将整改情况纳入年度考核。',
    ],
    MARGIN,
    242,
    three,
    3,
    150,
  );

  const fourth = MARGIN + three + GAP;
  doc
    .moveTo(fourth - GAP / 2, 180)
    .lineTo(fourth - GAP / 2, 400)
    .lineWidth(0.5)
    .stroke();
  doc.font('bold').fontSize(16).text('荷花盛开引客来', fourth, 182, { width: column });
  doc.image(photoPng(240, 180), fourth, 210, { width: column, height: column * 0.75 });
  doc.font('body').fontSize(9);
  doc.text('6月11日，石室乡荷花基地迎来盛花期，不少市民前来拍照游玩。（通讯员 徐丽 摄）', fourth, 216 + column * 0.75, {
    width: column,
    lineGap: 2,
  });

  doc
    .moveTo(MARGIN, 410)
    .lineTo(MARGIN + WIDTH, 410)
    .lineWidth(0.5)
    .stroke();
  doc.font('bold').fontSize(20).text('柯城新增三所公办幼儿园', MARGIN, 428, { width: three });
  doc.font('body').fontSize(13).text('秋季可新增学位九百个', MARGIN, 456, { width: three });
  paragraphs(
    doc,
    [
      '本报讯（通讯员 郑敏 记者 方晓）记者从区教育局获悉，今年秋季我区将有三所新建公办幼儿园投入使用，可新增学位九百个，进一步缓解城区入园难问题。',
      '三所幼儿园分别位于花园街道、白云街道和府山街道，目前主体工程已经完工，正在进行室内装修和户外场地建设，预计七月底完成验收。',
      '区教育局相关负责人表示，新园将面向片区内适龄儿童招生，具体招生办法将于七月上旬公布，请家长留意官方渠道发布的信息。',
    ],
    MARGIN,
    484,
    three,
    2,
    130,
  );
  doc.rect(fourth, 428, column, 180).lineWidth(1).stroke();
  doc
    .font('bold')
    .fontSize(11)
    .text('短评', fourth + 8, 438, { width: column - 16 });
  doc
    .font('bold')
    .fontSize(11)
    .text('让孩子在家门口上好学', fourth + 8, 456, { width: column - 16 });
  doc.font('body').fontSize(10);
  doc.text(
    '学位是民生的刚需。新建公办幼儿园早一天投用，家长就早一天安心。希望有关部门抓好收尾，把好事办实。',
    fourth + 8,
    496,
    { width: column - 16, indent: 20, lineGap: 3 },
  );
}

function innerPage(doc: Doc) {
  doc.font('body').fontSize(9);
  doc.text('2022年6月13日 星期一 第2版 民生 今日柯城 第1888期', MARGIN, 40, { width: WIDTH });
  doc
    .moveTo(MARGIN, 56)
    .lineTo(MARGIN + WIDTH, 56)
    .lineWidth(1)
    .stroke();
  doc.font('bold').fontSize(26).text('城区十条背街小巷完成改造居民出行更加方便舒心', MARGIN, 76, { width: WIDTH });
  paragraphs(
    doc,
    [
      '本报讯（记者 叶青）近日，城区十条背街小巷改造工程全部完工，路面、排水、照明和绿化同步提升，沿线三千多户居民从中受益。',
      '改造中，施工单位采取分段施工的办法，尽量减少对居民出行的影响。各社区还组织居民代表参与方案讨论，收集意见建议一百余条。',
      '家住南街的王大伯说，以前一下雨巷子里就积水，现在路平了、灯亮了，晚上出来散步也放心了。',
    ],
    MARGIN,
    160,
    WIDTH,
    2,
    90,
  );
  const half = (WIDTH - GAP) / 2;
  doc
    .moveTo(MARGIN, 270)
    .lineTo(MARGIN + WIDTH, 270)
    .lineWidth(0.5)
    .stroke();
  const item = (headline: string, text: string, x: number) => {
    doc.font('bold').fontSize(16).text(headline, x, 288, { width: half });
    paragraphs(doc, [text], x, 316, half);
  };
  item(
    '区图书馆推出夏季阅读季',
    '本报讯（通讯员 吴佳）6月12日，区图书馆夏季阅读季活动启动，推出亲子共读、名家讲座和阅读打卡等二十余场活动，持续到八月底。',
    MARGIN,
  );
  item(
    '两家农贸市场完成提升改造',
    '本报讯 经过三个月的改造，荷花农贸市场和下营农贸市场日前重新开业，市场内设置了农残快检室和智慧电子秤，方便群众放心买菜。',
    MARGIN + half + GAP,
  );
}

export function drawWithPdfkit(): Promise<Buffer> {
  const { doc, done } = pdfkitDocument(MARGIN);
  frontPage(doc);
  doc.addPage();
  innerPage(doc);
  doc.end();
  return done;
}
