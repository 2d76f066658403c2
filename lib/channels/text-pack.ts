// 微博 / 抖音 text packs: what a social editor posts for a story (the headline, its summary cut to the
// platform's limit, hashtags from the story's 栏目 and the website's link), and the chosen images'
// file names in the ZIP. Pure: no Next, no Prisma.
//
// Lengths are counted in characters as readers see them (Unicode code points; an emoji outside the
// BMP is one, never half of a surrogate pair). 微博 counts two half-width characters as one and a link
// as a short link, so a pack that fits by this count always fits there.

/** 微博: a post of up to 2,000 characters; the timeline shows the first 140 before 展开全文. */
export const WEIBO_LIMIT = 2000;
export const WEIBO_LEAD_LIMIT = 140;
/**
 * 抖音: the description (作品描述) of a video or 图文. 1,000 characters is what its creator page
 * allowed when this was written; not checked from this machine (no network): change it here if 抖音 does.
 */
export const DOUYIN_LIMIT = 1000;
/** 微博 takes at most 9 images in one post: the ZIP holds no more. */
export const MAX_PACK_IMAGES = 9;
/** Hashtags per post: more reads as spam on both platforms. */
export const MAX_HASHTAGS = 3;

const ELLIPSIS = '…';
const SENTENCE_END = /[。！？!?；;]/u;
const URL_PATTERN = /https?:\/\/[^\s\u3000-\u303f\uff01-\uff5e"'<>]+/gu;

export const charCount = (text: string): number => [...text].length;

/** [start, end) code-point ranges of the links in `text`. */
function urlRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = charCount(text.slice(0, match.index));
    ranges.push([start, start + charCount(match[0])]);
  }
  return ranges;
}

/**
 * `text` in at most `max` characters. A longer text ends at its last sentence end within the limit
 * when that keeps at least 60 % of it, else is cut and given an ellipsis. Never cut inside a surrogate
 * pair (characters are code points) or inside a link (a cut link leads nowhere: the cut moves before it).
 */
export function cutText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 0) return '';
  let keep = max - 1; // room for the ellipsis
  for (const [start, end] of urlRanges(text)) if (start < keep && keep < end) keep = start;
  const head = chars.slice(0, keep);
  for (let index = head.length - 1; index >= Math.ceil(max * 0.6) - 1; index -= 1)
    if (SENTENCE_END.test(head[index]!)) return head.slice(0, index + 1).join('');
  return `${head.join('').trimEnd()}${ELLIPSIS}`;
}

export type Platform = 'weibo' | 'douyin';

// Characters that end or break a topic: 微博 closes a topic at #, 抖音 at a space; @ starts a mention.
const TOPIC_BREAKERS = /[\s#＃@＠，,。、；;：:！!？?“”"'‘’（）()【】[\]《》<>]/gu;

/**
 * Hashtags from the story's 栏目 (the names of the printed pages it is on): 微博 `#要闻#`, 抖音 `#要闻`;
 * each once, at most MAX_HASHTAGS, nothing for a name with no word left in it.
 */
export function hashtagsOf(sections: readonly (string | null)[], platform: Platform): string[] {
  const topics = sections
    .map((name) => (name ?? '').normalize('NFKC').replace(TOPIC_BREAKERS, '').slice(0, 30))
    .filter((topic) => topic.length > 0);
  return [...new Set(topics)]
    .slice(0, MAX_HASHTAGS)
    .map((topic) => (platform === 'weibo' ? `#${topic}#` : `#${topic}`));
}

export type PackSource = { headline: string; summary: string; sections: readonly (string | null)[]; link: string };

/**
 * One post: `#栏目#【headline】summary link` for 微博 (the link ends it, where 微博 makes it a short
 * link), `【headline】summary #栏目` for 抖音 (it shows no links: the address goes in a comment, so
 * the pack leaves it out). The summary takes the room the other parts leave; a headline too long for
 * the limit is cut too.
 */
export function composePost(source: PackSource, platform: Platform, limit: number): string {
  const tags = hashtagsOf(source.sections, platform);
  const summary = source.summary.replace(/\s+/g, ' ').trim();
  const parts =
    platform === 'weibo'
      ? { before: tags.join(''), after: ` ${source.link}` }
      : { before: '', after: tags.length ? ` ${tags.join(' ')}` : '' };
  const fixed = charCount(parts.before) + charCount(parts.after) + 2; // 【】
  const headline = cutText(source.headline.trim(), Math.max(1, limit - fixed - (summary ? 1 : 0)));
  const room = limit - fixed - charCount(headline);
  return `${parts.before}【${headline}】${cutText(summary, room)}${parts.after}`;
}

export type TextPack = { weibo: string; weiboLead: string; douyin: string };

export function textPack(source: PackSource): TextPack {
  return {
    weibo: composePost(source, 'weibo', WEIBO_LIMIT),
    weiboLead: composePost(source, 'weibo', WEIBO_LEAD_LIMIT),
    douyin: composePost(source, 'douyin', DOUYIN_LIMIT),
  };
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** The ZIP's file names, in the order chosen: 01.jpg, 02.png … */
export function packFileName(index: number, mime: string): string {
  return `${String(index + 1).padStart(2, '0')}.${EXTENSIONS[mime] ?? 'bin'}`;
}

/**
 * The media ids asked for (`?media=`), checked against the story's images: each once, in the order
 * given, at most MAX_PACK_IMAGES. A string is the message for the editor.
 */
export function chosenImages(asked: readonly string[], available: readonly string[]): string[] | string {
  const chosen = [...new Set(asked)];
  if (chosen.length === 0) return '请至少选择一张图片';
  if (chosen.length > MAX_PACK_IMAGES) return `微博一条最多 ${MAX_PACK_IMAGES} 张图片，请少选几张`;
  if (chosen.some((id) => !available.includes(id))) return '所选图片不在这篇稿件的已发布版本中';
  return chosen;
}
