import { describe, expect, it } from 'vitest';

import { elapsedText } from './elapsed';

describe('elapsedText', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it('reads as a newsroom would say it', () => {
    expect(elapsedText(ago(20_000), now)).toBe('刚刚');
    expect(elapsedText(ago(12 * 60_000), now)).toBe('12 分钟');
    expect(elapsedText(ago(3 * 3600_000 + 5), now)).toBe('3 小时');
    expect(elapsedText(ago(50 * 3600_000), now)).toBe('2 天');
    expect(elapsedText(new Date(now.getTime() + 5000), now)).toBe('刚刚');
  });
});
