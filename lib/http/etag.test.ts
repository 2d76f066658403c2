import { describe, expect, it } from 'vitest';

import { etagOf, matchesIfNoneMatch } from './etag';

describe('etagOf', () => {
  it('is a quoted tag that follows the bytes of the body', () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf('{"a":1}')).toBe(tag);
    expect(etagOf('{"a":2}')).not.toBe(tag);
    expect(etagOf(new TextEncoder().encode('{"a":1}'))).toBe(tag);
  });
});

describe('matchesIfNoneMatch', () => {
  const tag = etagOf('body');

  it('matches the same tag, weak or strong, alone or in a list', () => {
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(tag.slice(2), tag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
  });

  it('does not match another tag, a missing header, or the tag without its quotes', () => {
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(null, tag)).toBe(false);
    expect(matchesIfNoneMatch('', tag)).toBe(false);
    expect(matchesIfNoneMatch(tag.slice(3, -1), tag)).toBe(false);
  });
});
