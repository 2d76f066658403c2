// Print conventions of Chinese county newspapers, as patterns (structure, not wording).
import { AUTHOR_LABEL } from '../page-layout/marks';

export { EDITORS_NOTE, SIDEBAR_LABEL, STRONG_END } from '../page-layout/marks';

export const SENTENCE_END = /[。！？!?；;…」』）)”"\]】]$/u;
/** A line ending like this goes on in the next line or block, however short it is. */
export const CONTINUES = /[，,、：:“「（(《]$/u;

const NAME = '\\p{Script=Han}{2,4}(?:·\\p{Script=Han}{1,6})?';
const NAMES = `${NAME}(?:[\\s、，,]+${NAME})*`;
const CREDIT = `${AUTHOR_LABEL}\\s*${NAMES}`;
const CREDITS = `${CREDIT}(?:[\\s、，,/／]+(?:${CREDIT}|${NAMES}))*`;

export const EDITORS_NOTE_LABEL = /^【?(?:编者按|编者的话)】?$/u;

/** 本报讯（记者 徐敏）… / 本报北京电 … / 新华社杭州6月4日电（记者 …）… / 据新华社电 … */
export const DATELINE = new RegExp(
  `^((?:本报讯|本报\\S{0,10}?电|据?(?:新华社|中新社|人民日报|浙江日报|衢州日报)\\S{0,14}?电|\\p{Script=Han}{2,8}讯(?=\\s*[（(]))|\\p{Script=Han}{2,6}网讯(?=\\s*[（(]))\\s*(?:[（(]([^）)]{2,60})[）)])?\\s*`,
  'u',
);
/** ■记者 黄淑妍 / 本报记者 严嘉慧 / ●通讯员 李华 王芳 (a byline line of its own). */
export const BYLINE_LINE = new RegExp(
  `^[■●▲◆★□]?\\s*(?:文[/／]|图[/／]|文图[/／]|文\\s*图[/／])?\\s*${CREDITS}$|^[■●▲◆★□]\\s*${NAMES}$`,
  'u',
);
/** （记者 王一鸣 通讯员 李华） at the end of a story's last paragraph. */
export const TRAILING_BYLINE = new RegExp(`[（(]\\s*(${CREDITS})\\s*[）)]$`, 'u');

export const CONTINUED_ON =
  /[（(]\s*(?:下转|转)\s*(?:第\s*)?([A-H]?\s*[\d一二三四五六七八九十]{1,3})\s*版\s*[）)]\s*$/u;
export const CONTINUED_FROM =
  /^[（(]\s*(?:上接|紧接|接)\s*(?:第\s*)?([A-H]?\s*[\d一二三四五六七八九十]{1,3})\s*版\s*[）)]\s*/u;
/** 图为… 记者 刘畅 摄 / （张三 摄） / 通讯员 李华 摄影 */
export const PHOTO_CREDIT = new RegExp(`(?:^|[\\s（(。，！”])(${CREDITS}|${NAMES})\\s*(?:摄影|摄)\\s*[）)]?$`, 'u');
export const PHOTO_LABEL = /^(?:图片新闻|图片报道|图说|看图)$/u;
export const CONTACT_LINE = /^(?:来信地址|地址|通讯地址|邮编|联系电话|举报电话|电话|邮箱)[:：]/u;

/** Visible length in characters (not UTF-16 units). */
export function charLength(text: string): number {
  return [...text].length;
}

export { chineseNumber } from './normalise';
