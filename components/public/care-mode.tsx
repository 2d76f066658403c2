// 长辈模式 (care mode): the inline script that applies the reader's remembered choice before the first
// paint, and the one switch in the site navigation. Both are server-rendered; the script (lib/reader/
// care-mode-script.ts) handles the switch's clicks, so the reader pages still hydrate no component of
// their own for it.
import { CARE_MODE_SCRIPT } from '@/lib/reader/care-mode-script';

/** First inside the reader layout, with the response's CSP nonce. */
export function CareModeScript({ nonce }: { nonce: string | undefined }) {
  // The browser hides a nonce from the DOM once the script has run, so hydration sees it differently.
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: CARE_MODE_SCRIPT }} />;
}

/** The switch: a toggle button whose pressed state the script sets (before React hydrates). */
export function CareModeToggle() {
  return (
    <button
      type="button"
      data-care-toggle=""
      data-testid="care-toggle"
      aria-pressed="false"
      // The script marks it pressed before React hydrates; that difference is expected.
      suppressHydrationWarning
      className="group ml-auto inline-block cursor-pointer rounded border border-stone-500 px-3 py-1 text-stone-800 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 aria-pressed:border-stone-900 aria-pressed:bg-stone-900 aria-pressed:text-white dark:text-stone-200 dark:hover:bg-stone-800 dark:aria-pressed:border-stone-100 dark:aria-pressed:bg-stone-100 dark:aria-pressed:text-stone-900"
    >
      长辈模式
      {/* The state in words for sighted readers; assistive technology hears the pressed state. */}
      <span aria-hidden="true" className="group-aria-pressed:hidden">
        ：关
      </span>
      <span aria-hidden="true" className="hidden group-aria-pressed:inline">
        ：开
      </span>
    </button>
  );
}
