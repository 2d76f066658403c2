import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { NewsroomNav } from '@/components/newsroom/newsroom-nav';
import { requirePageUser } from '@/lib/auth/require-user';

export const metadata: Metadata = {
  title: { default: '采编系统', template: '%s · 今日柯城采编' },
  robots: { index: false },
};

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser('newsroom:enter', '/newsroom');
  return (
    <div className="min-h-screen">
      <NewsroomNav user={user} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
