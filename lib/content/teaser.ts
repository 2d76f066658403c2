// The opening shown under a headline in lists: the story's summary when an editor wrote one,
// otherwise its first paragraph, cut at a sentence end within the limit when there is one.
const SENTENCE_END = /[。！？!?]/g;

export function teaser(summary: string | null | undefined, bodyText: string, maxChars = 90): string {
  if (summary?.trim()) return summary.trim();
  const first =
    bodyText
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.replace(/\s+/g, ' ')
      .trim() ?? '';
  if ([...first].length <= maxChars) return first;
  const head = [...first].slice(0, maxChars).join('');
  let cut = -1;
  for (const match of head.matchAll(SENTENCE_END)) cut = match.index + 1;
  return cut >= maxChars / 2 ? head.slice(0, cut) : `${head}…`;
}
