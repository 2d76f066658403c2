import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { NewsroomNav } from '@/components/newsroom/newsroom-nav';
import { PasswordChangePrompt } from '@/components/newsroom/password-change-prompt';
import { requirePageUser } from '@/lib/auth/require-user';
import { getOwnPasswordChangeDue } from '@/lib/security/queries';

export const metadata: Metadata = {
  title: { default: '采编系统', template: '%s · 今日柯城采编' },
  robots: { index: false },
};

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser('newsroom:enter', '/newsroom');
  // A person who owes the two-factor set-up (账号安全, or an admin's reset) never gets here:
  // requirePageUser sends them to /two-factor, as every action and route handler refuses them.
  const changeDue = await getOwnPasswordChangeDue();
  return (
    <div className="min-h-screen">
      <NewsroomNav user={user} />
      {changeDue ? <PasswordChangePrompt /> : null}
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
