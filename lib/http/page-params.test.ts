import { describe, expect, it } from 'vitest';

import { pageParams } from './page-params';

describe('pageParams', () => {
  it('keeps single values and drops repeated or missing ones', () => {
    const params = pageParams({ month: '2026-11', from: ['a', 'b'], to: undefined });
    expect([...params]).toEqual([['month', '2026-11']]);
  });
});
