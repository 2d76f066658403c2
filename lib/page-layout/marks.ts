// The print conventions the page analysis reads marks by (the parser's other patterns are in
// lib/importer/patterns.ts, which re-exports these so each is written once).
/** A paragraph ending like this is finished: the next column's head does not go on with it. */
export const STRONG_END = /[。！？!?；;…]$|[。！？!?][”"」』）)]$/u;
/** An 编者按 opens with its label. */
export const EDITORS_NOTE = /^(?:【?编者按】?|编者的话)[:：]?/u;
/** Section labels that look like bylines or titles but are neither (a line of their own over a boxed item). */
export const SIDEBAR_LABEL =
  /^(?:短评|记者手记|相关链接|链接|背景链接|小贴士|延伸阅读|记者观察|编后|编后语)(?:[:：]\s*(.*))?$/u;
/** Who wrote or photographed: 记者, 本报记者, 衢报传媒集团记者, 通讯员, 特约记者, 实习生, 见习记者 … */
export const AUTHOR_LABEL = '(?:[\\p{Script=Han}]{0,8}(?:记者|通讯员)|实习生|见习记者|摄影记者|摄影|编译|撰稿)';
