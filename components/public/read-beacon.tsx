// One read of this story, reported once the page has loaded (lib/reads/beacon-script.ts): an inline
// script with the response's CSP nonce, nothing render-blocking, no client component.
import { headers } from 'next/headers';

import { READ_BEACON_SCRIPT } from '@/lib/reads/beacon-script';

export async function ReadBeacon({ slug }: { slug: string }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <script
      nonce={nonce}
      data-slug={slug}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: READ_BEACON_SCRIPT }}
    />
  );
}
