// The read beacon in the browser (issue 34; docs/architecture.md, "Reads"): a small inline script with
// the response's CSP nonce, the story's slug in its own data-slug attribute, so the page stays the same
// for every reader (one shared cached copy) and needs no client runtime (server/reader-html.ts). Once
// the page has loaded it posts the slug to the web server's own counter; it reads no cookie and sets none.
import { READS_PATH } from './beacon';

/** Runs in the browser, from its source text: keep it self-contained. */
function sendRead(script: Element | null, path: string): void {
  const slug = script?.getAttribute('data-slug');
  if (!slug) return;
  const send = () => {
    const body = new Blob([slug], { type: 'text/plain' });
    if (navigator.sendBeacon?.(path, body)) return;
    void fetch(path, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') send();
  else window.addEventListener('load', send, { once: true });
}

export const READ_BEACON_SCRIPT = `(${sendRead.toString()})(document.currentScript, ${JSON.stringify(READS_PATH)});`;
