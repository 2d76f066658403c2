import { headers } from 'next/headers';
import type { ReactNode } from 'react';

import { CareModeScript, CareModeToggle } from '@/components/public/care-mode';
import { getPublication } from '@/lib/reader/queries';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [publication, requestHeaders] = await Promise.all([getPublication(), headers()]);
  return (
    // The reading width; a 版面 page (its page image beside its story list) widens it on a desktop.
    <div className="reader mx-auto max-w-3xl px-4 lg:has-[.epaper-spread]:max-w-7xl">
      {/* Before anything visible: the reader's 长辈模式 is on <html> before the first paint. */}
      <CareModeScript nonce={requestHeaders.get('x-nonce') ?? undefined} />
      {/* React hoists this into <head> on every reader page (page metadata would replace it). */}
      <link
        rel="alternate"
        type="application/rss+xml"
        title={`${publication?.name ?? '今日柯城'} · 最新稿件`}
        href="/feed.xml"
      />
      <a href="#main" className="sr-only focus:not-sr-only">
        跳到正文
      </a>
      {/* Links are 28 px tall: touch targets of at least 24 px (WCAG 2.5.8). */}
      <nav
        aria-label="网站导航"
        className="flex flex-wrap gap-x-5 gap-y-1 py-2 text-sm text-stone-600 dark:text-stone-400 print:hidden"
      >
        <a href="/" className="inline-block py-1 hover:underline">
          最新一期
        </a>
        <a href="/archive" className="inline-block py-1 hover:underline">
          往期
        </a>
        <a href="/search" className="inline-block py-1 hover:underline">
          搜索
        </a>
        <a href="/feed.xml" className="inline-block py-1 hover:underline">
          RSS 订阅
        </a>
        <CareModeToggle />
      </nav>
      {children}
      {publication ? (
        <footer className="mt-12 border-t border-stone-300 py-6 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
          <p>
            {publication.name} · {publication.publisher}
          </p>
          <p>
            地址：{publication.address} 邮编：{publication.postcode} 采编热线：{publication.hotline}
          </p>
          <p>
            <a href="/accessibility" className="underline">
              无障碍声明
            </a>
          </p>
        </footer>
      ) : null}
    </div>
  );
}
