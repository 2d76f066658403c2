import { describe, expect, it } from 'vitest';
import { canEditStory } from './story-access';

const story = { createdById: 'r1', authorUserIds: ['r2', null] };

describe('canEditStory', () => {
  it('lets reporters edit stories they created or are credited on', () => {
    expect(canEditStory({ id: 'r1', role: 'REPORTER' }, story)).toBe(true);
    expect(canEditStory({ id: 'r2', role: 'REPORTER' }, story)).toBe(true);
    expect(canEditStory({ id: 'r3', role: 'REPORTER' }, story)).toBe(false);
  });
  it('lets editors and chief editors edit any story, and admins none', () => {
    expect(canEditStory({ id: 'e', role: 'EDITOR' }, story)).toBe(true);
    expect(canEditStory({ id: 'c', role: 'CHIEF_EDITOR' }, story)).toBe(true);
    expect(canEditStory({ id: 'a', role: 'ADMIN' }, story)).toBe(false);
  });
});
