'use client';

// One read of this story, reported once the page has loaded (issue 34; docs/architecture.md, "Reads"):
// a beacon to the web server's own counter, so the page itself stays the same for every reader and
// keeps its one-second shared cache. It ships in the page's deferred client bundle (no new script tag,
// nothing render-blocking) and carries only the slug; the endpoint reads no cookie and sets none.
import { useEffect } from 'react';

import { READS_PATH } from '@/lib/reads/beacon';

export function ReadBeacon({ slug }: { slug: string }) {
  useEffect(() => {
    const send = () => {
      const body = new Blob([slug], { type: 'text/plain' });
      if (navigator.sendBeacon?.(READS_PATH, body)) return;
      void fetch(READS_PATH, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => undefined);
    };
    if (document.readyState === 'complete') {
      send();
      return;
    }
    window.addEventListener('load', send, { once: true });
    return () => window.removeEventListener('load', send);
  }, [slug]);
  return null;
}
