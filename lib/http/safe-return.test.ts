import { describe, expect, it } from 'vitest';

import { safeReturnPath } from './safe-return';

describe('safeReturnPath', () => {
  it.each([
    ['/newsroom', '/newsroom'],
    ['/newsroom/admin/users?q=张', '/newsroom/admin/users?q=%E5%BC%A0'],
    ['/newsroom/articles/abc#history', '/newsroom/articles/abc#history'],
    ['/newsroom/./issues/../trash', '/newsroom/trash'],
    ['/newsroom/a%2Fb', '/newsroom/a%2Fb'],
  ])('keeps the path on this site: %j → %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  // Each of these, given to a browser as a location, leaves the site (or is not a path at all).
  it.each([
    '//evil.example',
    '///evil.example',
    'https://evil.example',
    'http:/evil.example',
    'javascript:alert(1)',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/ /evil.example'.replace(' ', '\u0000'),
    '/.//evil.example',
    '/./\\evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/%5C/evil.example',
    '/%5c%5cevil.example',
    '/login?callbackUrl=/newsroom',
    '/login',
    '',
    'newsroom',
  ])('refuses %j', (input) => {
    expect(safeReturnPath(input)).toBe('/newsroom');
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 42, ['/newsroom'], { href: '/newsroom' }])
      expect(safeReturnPath(value)).toBe('/newsroom');
  });
});
