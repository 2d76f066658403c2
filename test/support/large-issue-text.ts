// A plain-text issue of any size for the import's size tests and benchmarks: the sample issue's
// masthead once, then its pages' text repeated. With `pageHeaders` each copy gets its own page header,
// so stories spread over pages as in a real issue; without, they all pile onto one page (the worst case
// for anything that looks among a page's stories).
import fs from 'node:fs';
import path from 'node:path';

const SAMPLE = path.join(import.meta.dirname, '..', '..', 'seeds', '000_1da880c8f8a17d23.txt');
/** The sample's masthead is its first 22 lines (date, number, lunar date, name, publisher, hotline). */
const MASTHEAD_LINES = 22;

export function largeIssueText(bytes: number, options: { pageHeaders: boolean } = { pageHeaders: true }): string {
  const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
  const masthead = lines.slice(0, MASTHEAD_LINES).join('\n');
  const pages = lines.slice(MASTHEAD_LINES).join('\n');
  const parts = [masthead];
  let size = Buffer.byteLength(masthead);
  for (let copy = 0; size < bytes; copy += 1) {
    const part = options.pageHeaders ? `第${(copy % 60) + 1}版\n\n${pages}` : pages;
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join('\n\n');
}
