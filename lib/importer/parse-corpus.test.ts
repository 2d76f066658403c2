// Every issue of the fixture corpus imports to its hand-checked structure, field by field.
import { describe, expect, it } from 'vitest';

import { readCorpus } from './corpus';
import { scoreIssue } from './corpus-score';
import { parseIssue } from './parse-issue';

const corpus = readCorpus();

describe('the import corpus', () => {
  it('holds at least 12 issues in different layouts, two of them in GB18030', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(12);
    expect(corpus.filter((entry) => entry.encoding === 'gb18030').length).toBeGreaterThanOrEqual(2);
  });

  describe.each(corpus.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const result = parseIssue(entry.text);
    it('reads every field and block as checked by hand, with no wrong headline', () => {
      const score = scoreIssue(entry.expected, result);
      expect(score.wrong).toEqual([]);
      expect(score.wrongHeadlines).toEqual([]);
      expect(score.right).toBe(score.total);
    });
    it('warns exactly as often as expected', () => {
      expect(result.report.warnings).toHaveLength(entry.expected.warnings);
    });
  });
});

describe('scoring', () => {
  it('counts a wrong headline and a wrong field, and says whether the report flagged it', () => {
    const entry = corpus[0]!;
    const result = parseIssue(entry.text);
    const story = result.issue.stories[0]!;
    const broken = {
      ...result,
      issue: { ...result.issue, stories: [{ ...story, headline: '别的标题' }, ...result.issue.stories.slice(1)] },
    };
    const score = scoreIssue(entry.expected, broken);
    expect(score.wrongHeadlines).toEqual([`缺少或标题不对：${story.headline}`, '多出或标题不对：别的标题']);
    expect(score.right).toBeLessThan(score.total);
    const byline = scoreIssue(entry.expected, {
      ...result,
      issue: { ...result.issue, stories: [{ ...story, byline: '记者 某某' }, ...result.issue.stories.slice(1)] },
    });
    expect(byline.wrong).toEqual([
      { field: `稿件1「${story.headline}」 署名`, expected: story.byline, actual: '记者 某某', flagged: false },
    ]);
  });
});
