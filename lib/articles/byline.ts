// The printed byline from a story's authors: consecutive authors with the same label share it
// ("记者 王一鸣 刘畅 通讯员 陈思远"), as print sets it.
export type BylineAuthor = { name: string; label: string };

export function generateByline(authors: readonly BylineAuthor[]): string {
  const parts: string[] = [];
  let label: string | null = null;
  for (const author of authors) {
    const name = author.name.trim();
    if (!name) continue;
    if (author.label !== label) {
      if (author.label.trim()) parts.push(author.label.trim());
      label = author.label;
    }
    parts.push(name);
  }
  return parts.join(' ');
}
