import { describe, expect, it } from 'vitest';

import { retractionPageHtml } from './retraction-page';

describe('retractionPageHtml', () => {
  const story = {
    headline: '柯城新增三条公交线路',
    note: '本文信息有误，已撤稿。',
    retractedAt: new Date('2026-11-26T02:30:00Z'),
  };

  it('shows the notice with the Beijing time and the reason, and has no script', () => {
    const html = retractionPageHtml(story);
    expect(html).toContain('<h1>本文已撤稿</h1>');
    expect(html).toContain(
      '《柯城新增三条公交线路》已于 <time datetime="2026-11-26T02:30:00.000Z">2026-11-26 10:30</time> 撤稿。',
    );
    expect(html).toContain('撤稿说明：本文信息有误，已撤稿。');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('<script');
  });

  it('escapes what editors typed', () => {
    const html = retractionPageHtml({
      ...story,
      headline: '<img src=x onerror=alert(1)>',
      note: '"><script>alert(1)</script>',
    });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('leaves the reason out when there is none', () => {
    expect(retractionPageHtml({ ...story, note: null })).not.toContain('撤稿说明');
  });
});
