// The seed file must import to exactly the hand-checked sample issue, field by field.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { SAMPLE_ISSUE_FILE, sampleIssue } from '../../seeds/sample-issue';
import { parseIssue } from './parse-issue';

const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds', SAMPLE_ISSUE_FILE), 'utf8');
const { issue, report } = parseIssue(text);

describe('importing the seed issue', () => {
  it('reads the masthead', () => {
    expect(issue.number).toBe(sampleIssue.number);
    expect(issue.date).toBe(sampleIssue.date);
    expect(issue.pageCount).toBe(sampleIssue.pageCount);
    expect(issue.pages).toEqual(sampleIssue.pages);
    expect(issue.publication).toEqual(sampleIssue.publication);
    expect(report.masthead.lunar?.value).toBe('农历庚子年六月廿八');
    expect(report.masthead.weekday?.value).toBe('星期一');
  });

  it('finds the four stories', () => {
    expect(issue.stories.map((story) => story.headline)).toEqual(sampleIssue.stories.map((story) => story.headline));
  });

  describe.each(sampleIssue.stories.map((story, index) => [story.headline, index] as const))(
    '%s',
    (_headline, index) => {
      const expected = sampleIssue.stories[index]!;
      const actual = () => issue.stories[index]!;
      it('has the same kicker, headline, subheadline, dateline and byline', () => {
        const withoutBody = (story: typeof expected) => ({ ...story, body: null });
        expect(withoutBody(actual())).toEqual(withoutBody(expected));
      });
      it('has the same body, block by block', () => {
        const got = actual().body.content;
        expect(got.length).toBe(expected.body.content.length);
        expected.body.content.forEach((node, position) => expect(got[position]).toEqual(node));
      });
    },
  );

  it('places every line', () => {
    expect(report.unplaced).toEqual([]);
    expect(report.warnings).toEqual([]);
  });
});
