// Bylines: "衢报传媒集团记者 徐敏 本报记者 严嘉慧" → authors with their labels. A label is any word
// ending in 记者, or 通讯员, 实习生, 摄影, 编辑, 撰稿; the names after it (until the next label) carry it.
import type { StructuredAuthor } from '../issues/structured';

const LABEL = /^(?:\S*记者|\S*通讯员|实习生|摄影|编辑|撰稿|编译)$/u;
const GLUED = /^(\S*?(?:记者|通讯员|实习生|摄影))(\p{Script=Han}{2,4})$/u;

export function parseByline(text: string): { byline: string; authors: StructuredAuthor[] } {
  const byline = text
    .replace(/^[■●▲◆★□]\s*/u, '')
    .replace(/^(?:文\s*图|文|图)[/／]\s*/u, '')
    .replace(/[、，,/／]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/\s*(?:摄影|摄)$/u, '')
    .trim();
  const authors: StructuredAuthor[] = [];
  let label: string | null = null;
  // A name glued to its label ("记者徐敏", as a letter-spaced line reads once its spacing is closed)
  // is written apart in the byline too.
  const words = byline.split(' ').map((word) => {
    const glued = GLUED.exec(word);
    return glued ? `${glued[1]} ${glued[2]}` : word;
  });
  for (const word of words.join(' ').split(' ')) {
    if (!word) continue;
    if (LABEL.test(word)) {
      label = word;
      continue;
    }
    authors.push({ name: word, label: label ?? '记者' });
  }
  return { byline: words.join(' '), authors };
}
