'use client';

import { useState } from 'react';

import { FormSuccess } from '@/components/ui/form-message';

/** Shows a one-time link as an absolute URL with a copy button. */
export function OneTimeLink({ path, label }: { path: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const url = typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
  return (
    <FormSuccess>
      <p>{label}</p>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <input
          readOnly
          value={url}
          aria-label="一次性链接"
          data-testid="one-time-link"
          className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 font-mono text-xs text-stone-900"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="underline"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? '已复制' : '复制'}
        </button>
      </p>
    </FormSuccess>
  );
}
