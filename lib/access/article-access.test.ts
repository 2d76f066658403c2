import { describe, expect, it } from 'vitest';

import { canEditArticle } from './article-access';

const story = { createdById: 'r1', authorUserIds: ['r2', null] };

describe('canEditArticle', () => {
  it('lets reporters edit stories they created or are credited on', () => {
    expect(canEditArticle({ id: 'r1', role: 'REPORTER' }, story)).toBe(true);
    expect(canEditArticle({ id: 'r2', role: 'REPORTER' }, story)).toBe(true);
    expect(canEditArticle({ id: 'r3', role: 'REPORTER' }, story)).toBe(false);
  });
  it('lets editors and chief editors edit any story, and admins none', () => {
    expect(canEditArticle({ id: 'e', role: 'EDITOR' }, story)).toBe(true);
    expect(canEditArticle({ id: 'c', role: 'CHIEF_EDITOR' }, story)).toBe(true);
    expect(canEditArticle({ id: 'a', role: 'ADMIN' }, story)).toBe(false);
  });
});
