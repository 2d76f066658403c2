import { describe, expect, it } from 'vitest';

import { cleanPastedHtml } from './paste';

describe('cleanPastedHtml', () => {
  it('drops Word styles, classes, fonts and Office markup but keeps structure and text', () => {
    const word = `<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p class=MsoNormal style="text-indent:21pt;mso-char-indent-count:2.0"><span lang=EN-US style='font-family:宋体'>柯城夺下“大禹鼎”。<o:p></o:p></span></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><h2 style="margin:0">治水治出美丽河湖</h2>`;
    expect(cleanPastedHtml(word)).toBe('<p>柯城夺下“大禹鼎”。</p><h2>治水治出美丽河湖</h2>');
  });

  it('cleans a WPS Office document with its head, fonts, empty paragraphs and a table, keeping 全角 punctuation', () => {
    const wps = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name="Generator" content="WPS Office WWO_wpscloud"><style>p.MsoNormal{font-family:Calibri}</style></head><body><!--StartFragment--><p class=MsoNormal style="text-indent:32.0000pt;mso-char-indent-count:2.0000;line-height:28.0000pt;"><b><span style="font-family:黑体;font-size:16.0000pt;">一、总体要求</span></b><span style="font-family:仿宋_GB2312;font-size:16.0000pt;"><o:p></o:p></span></p><p class=MsoNormal style="text-indent:32.0000pt;"><span style="font-family:仿宋_GB2312;">全面推进“大综合一体化”改革，</span><span style="font-family:仿宋_GB2312;">提升基层治理能力。</span></p><p class=MsoNormal><span style="font-family:仿宋_GB2312;"><o:p>&nbsp;</o:p></span></p><table class=MsoNormalTable border=1 cellspacing=0 style="border-collapse:collapse;"><tr><td width=284 valign=top style="border:1pt solid windowtext;"><p class=MsoNormal align=center style="text-align:center;"><span style="font-family:仿宋_GB2312;">乡镇（街道）</span></p></td><td width=284 valign=top><p class=MsoNormal align=center><span>数量</span></p></td></tr><tr><td width=284><p class=MsoNormal><span>航埠镇</span></p></td><td width=284><p class=MsoNormal><span>12</span></p></td></tr></table><!--EndFragment--></body></html>`;
    const clean = cleanPastedHtml(wps);
    expect(clean).toContain(
      '<p><b>一、总体要求</b></p><p>全面推进“大综合一体化”改革，提升基层治理能力。</p><table><tr><td><p>乡镇（街道）</p></td><td><p>数量</p></td></tr><tr><td><p>航埠镇</p></td><td><p>12</p></td></tr></table>',
    );
    for (const gone of ['style', 'class', 'font-family', 'o:p', 'meta', 'WPS', 'width', 'StartFragment'])
      expect(clean).not.toContain(gone);
  });

  it('turns WeChat sections into paragraphs and styled bold spans into bold', () => {
    const wechat =
      '<section style="margin:0 8px"><span style="font-size:15px;font-weight:bold">记者 徐敏</span></section><section><span style="color:rgb(62,62,62)">8月14日上午，现场会召开。</span></section>';
    expect(cleanPastedHtml(wechat)).toBe('<p><strong>记者 徐敏</strong></p><p>8月14日上午，现场会召开。</p>');
  });

  it('keeps lists, tables and links, without their styling or event handlers', () => {
    const html =
      '<ul style="x"><li>一</li></ul><table border=1 style="width:100%"><tr><td width=50 onclick="evil()">甲</td></tr></table><a href="https://a.cn" style="color:red" onmouseover="x()">链接</a>';
    expect(cleanPastedHtml(html)).toBe(
      '<ul><li>一</li></ul><table><tr><td>甲</td></tr></table><a href="https://a.cn">链接</a>',
    );
  });

  it('removes scripts and styles entirely', () => {
    expect(cleanPastedHtml('<style>p{color:red}</style><script>alert(1)</script><p>正文</p>')).toBe('<p>正文</p>');
  });
});
