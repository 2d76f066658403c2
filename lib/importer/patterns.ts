// Print conventions of Chinese county newspapers, as patterns (structure, not wording).
export const SENTENCE_END = /[。！？!?；;…」』）)”"\]】]$/u;
/** A line ending like this goes on in the next line or block, however short it is. */
export const CONTINUES = /[，,、：:“「（(《]$/u;
export const STRONG_END = /[。！？!?；;…]$|[。！？!?][”"」』）)]$/u;

export const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
export const ISSUE_NUMBER = /^第\s*(\d+)\s*期$/u;
export const LUNAR_LINE = /^农历\S+/u;
export const WEEKDAY = /星期[一二三四五六日天]/u;
export const PUBLISHER = /^\S+编印$/u;
export const HOTLINE = /^(?:采编热线|新闻热线|热线电话)[:：]\s*([\d\s\-—]+)$/u;
export const PAGE_COUNT = /^今日\s*([一二三四五六七八九十\d]+)\s*版$/u;
export const PAGE_HEADER = /^第\s*(\d+)\s*版\s*[:：]?\s*(\S*)$/u;

/** 本报讯（记者 徐敏）… / 本报电（通讯员 …）… / 新华社北京8月14日电（记者 …）… */
export const DATELINE = /^((?:本报讯|本报\S{0,8}电|新华社\S{0,12}电|\S{2,8}讯))\s*[（(]([^）)]{2,60})[）)]\s*/u;
/** ■记者 黄淑妍 / 本报记者 严嘉慧 (a byline line of its own) */
export const BYLINE_LINE = /^(?:■\s*)?(?:\S*记者|通讯员|特约记者|见习记者|特约通讯员)\s+\S{2,4}(?:\s+\S+){0,7}$/u;
export const BYLINE_MARK = /^■\s*/u;

export const CONTINUED_ON = /[（(]\s*下转\s*(?:第\s*)?(\d+)\s*版\s*[）)]\s*$/u;
export const CONTINUED_FROM = /^[（(]\s*上接\s*(?:第\s*)?(\d+)\s*版\s*[）)]\s*/u;
export const EDITORS_NOTE = /^(?:编者按|编者的话)[:：]/u;
export const PHOTO_CREDIT = /(?:\S*记者|通讯员|摄影)\s*\S{2,4}(?:\s+\S{2,4})*\s*摄$/u;
export const CONTACT_LINE = /^(?:来信地址|地址|通讯地址|邮编|联系电话|举报电话|电话|邮箱)[:：]/u;

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 四 → 4, 十二 → 12, 二十四 → 24, and Arabic digits. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? CHINESE_DIGITS[tens]! : null;
  return (tens ? CHINESE_DIGITS[tens]! : 1) * 10 + (ones ? CHINESE_DIGITS[ones]! : 0);
}

/** Visible length in characters (not UTF-16 units). */
export function charLength(text: string): number {
  return [...text].length;
}
