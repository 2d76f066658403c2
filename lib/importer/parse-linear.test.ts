import { describe, expect, it } from 'vitest';

import { largeIssueText } from '../../test/support/large-issue-text';
import { parseIssue } from './parse-issue';

const MB = 1024 * 1024;

function parseMs(text: string): number {
  const started = performance.now();
  parseIssue(text);
  return performance.now() - started;
}

describe('parseIssue on a large text', () => {
  it('takes time in proportion to the text (4× the text, at most 5.5× the time)', () => {
    // Every story on one page: looking among a page's stories for a table's owner was the quadratic step.
    const small = largeIssueText(0.5 * MB, { pageHeaders: false });
    const large = largeIssueText(2 * MB, { pageHeaders: false });
    parseMs(small); // warm up the compiler, so the first measurement is not mostly that
    const smallMs = Math.min(parseMs(small), parseMs(small));
    const largeMs = Math.min(parseMs(large), parseMs(large));
    // Linear is 4 (measured 3.4); the quadratic step made it 7.3 here. The bound leaves room for a busy machine.
    expect(largeMs / smallMs).toBeLessThan(5.5);
  }, 60_000);
  it('still finds the stories of every copy of the pages', () => {
    const { issue } = parseIssue(largeIssueText(0.5 * MB));
    expect(issue.number).toBe(1705);
    expect(issue.stories.length).toBeGreaterThan(150);
    expect(new Set(issue.stories.map((story) => story.page)).size).toBeGreaterThan(10);
  });
});
