// Placing a story in the open issue planner by drag and drop, as a person does it.
import { expect, type Page } from '@playwright/test';

/**
 * Drags the candidate headlined `headline` onto page `number` and checks the page then holds it.
 * Both ends are in view before the mouse goes down: Playwright's dragTo otherwise scrolls to the
 * target between pressing and moving, and Chromium starts the drag from the card under the pointer
 * by then. With a long candidate list that was another story (seen in the whole suite: a story left
 * by an earlier journey went to 第1版 and the journey's own stayed unplaced).
 */
export async function dragToPage(planner: Page, headline: string, number: number): Promise<void> {
  const target = planner.getByTestId(`page-${number}`);
  const candidate = planner.getByTestId('candidate').filter({ hasText: headline });
  await target.scrollIntoViewIfNeeded();
  await candidate.scrollIntoViewIfNeeded();
  await expect(candidate).toBeInViewport({ ratio: 1 });
  await expect(target).toBeInViewport({ ratio: 0.5 });
  await candidate.dragTo(target);
  await expect(target.getByTestId('board-story').filter({ hasText: headline })).toBeVisible();
}
