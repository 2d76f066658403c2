// Class names for a table that turns into stacked rows on a phone (below Tailwind's sm, 640 px):
// each row becomes a block, its first cell (the headline) on a line of its own and the other cells
// after it on wrapping lines, each named by its data-label — so no column hides off to the side in
// a scroll box a phone user cannot see. From sm up it is an ordinary table.
export const stackedTable = 'w-full text-left text-sm max-sm:block max-sm:[&>tbody]:block';
export const stackedHead = 'border-b border-stone-400 max-sm:sr-only';
export const stackedRow =
  'border-b border-stone-200 dark:border-stone-800 max-sm:flex max-sm:flex-wrap max-sm:items-baseline max-sm:gap-x-3 max-sm:gap-y-1 max-sm:py-2';
/** The first cell: the whole width on a phone. */
export const stackedLead = 'max-sm:basis-full';
/** A cell that shows its data-label before its value on a phone. */
export const stackedCell =
  'max-sm:empty:hidden max-sm:before:mr-1 max-sm:before:text-stone-500 max-sm:before:content-[attr(data-label)]';
