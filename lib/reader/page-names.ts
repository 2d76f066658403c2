// How print names pages and page counts: 第1版：要闻, 今日四版.
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 4 → 四, 12 → 十二, 24 → 二十四 (page counts are small). */
export function pageCountWords(count: number): string {
  if (!Number.isInteger(count) || count < 0 || count >= 100) return String(count);
  if (count < 10) return DIGITS[count]!;
  const tens = Math.floor(count / 10);
  const ones = count % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export function pageLabel(page: { number: number; name: string | null }): string {
  return page.name ? `第${page.number}版：${page.name}` : `第${page.number}版`;
}
