import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

import { siteUrl } from '@/lib/reader/site-url';

import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: '今日柯城', template: '%s · 今日柯城' },
  description: '今日柯城：衢州市柯城区融媒体中心编印的区报，网络版。',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the CSP nonce (proxy.ts) only reaches scripts rendered
  // with the request, and reader pages depend on the time (scheduled stories). Data is cached instead.
  await connection();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        {children}
      </body>
    </html>
  );
}
