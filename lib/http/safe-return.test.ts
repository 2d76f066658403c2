import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-return';

describe('safeReturnPath', () => {
  it('keeps paths on this site', () => {
    expect(safeReturnPath('/newsroom/admin/users?q=张')).toBe('/newsroom/admin/users?q=张');
  });
  it('refuses other origins and odd values', () => {
    for (const value of ['//evil.example', 'https://evil.example', '/\\evil.example', undefined, 42, '/login?x=1', '/a\nb']) {
      expect(safeReturnPath(value)).toBe('/newsroom');
    }
  });
});
