// 朗读: the controls, server-rendered and hidden until the page's own script (lib/reader/read-aloud-
// script.ts, inline with the response's CSP nonce) knows the browser has a Chinese voice; where it has
// none, the note (a status, so assistive technology hears it) says so in one line. No client component:
// anonymous reader pages go out without Next's client runtime (server/reader-html.ts).
import { headers } from 'next/headers';

import { READING_RATES } from '@/lib/reader/read-aloud';
import { READ_ALOUD_LABELS, READ_ALOUD_SCRIPT } from '@/lib/reader/read-aloud-script';

const BUTTON =
  'inline-flex min-h-9 items-center rounded border border-stone-500 px-3 text-sm hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-50 dark:hover:bg-stone-800';

export async function ReadAloud() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  // suppressHydrationWarning: on a signed-in reader's page React still hydrates, after the script may
  // have shown the controls, relabelled the button or written the note.
  return (
    <>
      <div data-read-aloud="" className="mt-3 print:hidden">
        <div
          role="group"
          aria-label="朗读本文"
          hidden
          data-read-aloud-controls=""
          data-testid="read-aloud"
          className="flex flex-wrap items-center gap-2"
          suppressHydrationWarning
        >
          <button type="button" data-read-aloud-main="" className={BUTTON} suppressHydrationWarning>
            {READ_ALOUD_LABELS.idle}
          </button>
          <button type="button" data-read-aloud-stop="" className={BUTTON} disabled suppressHydrationWarning>
            停止
          </button>
          <label className="inline-flex items-center gap-1 text-sm">
            语速
            <select
              data-read-aloud-rate=""
              defaultValue="1"
              className="min-h-9 rounded border border-stone-500 bg-transparent px-2 dark:bg-stone-900"
            >
              {READING_RATES.map((value) => (
                <option key={value} value={String(value)}>
                  {value === 1 ? '正常' : `${value} 倍`}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p
          role="status"
          data-read-aloud-note=""
          data-testid="read-aloud-note"
          className="text-sm text-stone-600 dark:text-stone-400"
          suppressHydrationWarning
        />
      </div>
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: READ_ALOUD_SCRIPT }} />
    </>
  );
}
