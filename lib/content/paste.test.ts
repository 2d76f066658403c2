import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste';

describe('cleanPastedHtml', () => {
  it('drops Word styles, classes, fonts and Office markup but keeps structure and text', () => {
    const word = `<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p class=MsoNormal style="text-indent:21pt;mso-char-indent-count:2.0"><span lang=EN-US style='font-family:宋体'>柯城夺下“大禹鼎”。<o:p></o:p></span></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><h2 style="margin:0">治水治出美丽河湖</h2>`;
    expect(cleanPastedHtml(word)).toBe('<p>柯城夺下“大禹鼎”。</p><h2>治水治出美丽河湖</h2>');
  });

  it('turns WeChat sections into paragraphs and styled bold spans into bold', () => {
    const wechat = '<section style="margin:0 8px"><span style="font-size:15px;font-weight:bold">记者 徐敏</span></section><section><span style="color:rgb(62,62,62)">8月14日上午，现场会召开。</span></section>';
    expect(cleanPastedHtml(wechat)).toBe('<p><strong>记者 徐敏</strong></p><p>8月14日上午，现场会召开。</p>');
  });

  it('keeps lists, tables and links, without their styling or event handlers', () => {
    const html = '<ul style="x"><li>一</li></ul><table border=1 style="width:100%"><tr><td width=50 onclick="evil()">甲</td></tr></table><a href="https://a.cn" style="color:red" onmouseover="x()">链接</a>';
    expect(cleanPastedHtml(html)).toBe('<ul><li>一</li></ul><table><tr><td>甲</td></tr></table><a href="https://a.cn">链接</a>');
  });

  it('removes scripts and styles entirely', () => {
    expect(cleanPastedHtml('<style>p{color:red}</style><script>alert(1)</script><p>正文</p>')).toBe('<p>正文</p>');
  });
});
