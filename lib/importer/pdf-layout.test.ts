import { describe, expect, it } from 'vitest';

import { toPlainText } from '../content/plain-text';
import { matchAreas } from '../epaper/match-areas';
import { readPdf } from '../epaper/pdf-read';
import { readPdfCorpus } from './corpus';
import { parseIssue } from './parse-issue';
import { articleAreas, withLayout } from './pdf-layout';
import { readImportFile } from './read-file';

const corpus = readPdfCorpus();

async function imported(name: string) {
  const entry = corpus.find((candidate) => candidate.name === name)!;
  const read = await readImportFile(entry.bytes);
  if (!read.ok) throw new Error(read.error);
  const result = withLayout(parseIssue(read.text, { titleRoles: read.titleRoles }), read.layout);
  return { read, result, areas: articleAreas(result, read.layout) };
}

const inside = (x: number, y: number, rect: { x: number; y: number; w: number; h: number }) =>
  x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;

describe('photos and story areas from the page analysis', () => {
  it('puts the photo pdf-lib drew into the story its 摄 caption belongs to, as a figure captioned by it', async () => {
    const { result } = await imported('02-pdflib-inner-page.pdf');
    const story = result.issue.stories.find((candidate) => candidate.headline === '九华乡稻田迎来丰收')!;
    const [photo] = story.body.content;
    expect(photo?.type).toBe('figure');
    // The credit keeps its spaces, though the line broke at the one after 通讯员 (line-join.ts).
    expect(photo?.attrs?.caption).toBe(
      '9月5日，九华乡梧桐源村的农户正在抢收早稻。今年全乡早稻种植面积三千亩，亩产预计比去年增加五十斤。（通讯员 周杰 摄）',
    );
    expect(photo?.attrs?.alt).not.toMatch(/摄/u);
    expect(String(photo?.attrs?.src)).toMatch(/^data:image\/jpeg;base64,\/9j\//u);
    expect(photo?.attrs?.width).toBeGreaterThan(0);
    // The caption is the figure's, not a paragraph of its own as well; no other story holds a photo.
    expect(story.body.content.filter((node) => toPlainText(node) === photo?.attrs?.caption)).toHaveLength(1);
    expect(
      result.issue.stories.flatMap((other) => other.body.content).filter((node) => node.type === 'figure'),
    ).toHaveLength(1);
  });

  it.each(corpus.map((entry) => entry.name))(
    '%s: each story headline lies in that story’s area and in no other story’s',
    async (name) => {
      const { read, result, areas } = await imported(name);
      let checked = 0;
      for (const page of read.layout) {
        const width = page.view.right - page.view.left;
        const height = page.view.top - page.view.bottom;
        result.issue.stories.forEach((story, index) => {
          const folded = story.headline.replace(/\s/gu, '');
          const paragraph = page.paragraphs.find((candidate) => candidate.text.replace(/\s/gu, '') === folded);
          if (!folded || !paragraph) return;
          const box = paragraph.boxes[0]!;
          const x = ((box.left + box.right) / 2 - page.view.left) / width;
          const y = (page.view.top - (box.top + box.bottom) / 2) / height;
          const holders = areas.flatMap((own, owner) =>
            own.some((area) => area.pdfPage === page.number && area.rects.some((rect) => inside(x, y, rect)))
              ? [owner]
              : [],
          );
          expect(holders, story.headline).toEqual([index]);
          checked += 1;
        });
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  it.each(corpus.filter((entry) => !entry.name.includes('-blind-')).map((entry) => entry.name))(
    '%s: once imported and attached, the render job finds every imported story on its page',
    async (name) => {
      const { result } = await imported(name);
      const entry = corpus.find((candidate) => candidate.name === name)!;
      const read = await readPdf(entry.bytes, 1);
      if (!read.ok) throw new Error(read.error);
      const page = read.pages[0]!;
      const articles = result.issue.stories
        .filter((story) => story.page === result.issue.stories[0]!.page)
        .map((story, index) => ({
          articleId: String(index),
          headline: story.headline,
          body: story.body.content.map(toPlainText).join('\n'),
        }));
      expect(matchAreas(page.pieces, page, articles, page.rules).unmatched).toEqual([]);
    },
  );
});
