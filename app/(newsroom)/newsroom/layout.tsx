import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';

import { NewsroomNav } from '@/components/newsroom/newsroom-nav';
import { PasswordChangePrompt } from '@/components/newsroom/password-change-prompt';
import { requirePageUser } from '@/lib/auth/require-user';
import { getOwnPasswordChangeDue, getOwnTwoFactorStatus } from '@/lib/security/queries';

export const metadata: Metadata = {
  title: { default: '采编系统', template: '%s · 今日柯城采编' },
  robots: { index: false },
};

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser('newsroom:enter', '/newsroom');
  const [changeDue, twoFactor] = await Promise.all([getOwnPasswordChangeDue(), getOwnTwoFactorStatus()]);
  // A role that must use two-factor sign-in (账号安全) enters only once it is set up, and after an
  // admin's reset everyone who had it is asked to set it up again.
  if (!twoFactor.enabled && (twoFactor.required || twoFactor.resetNote)) redirect('/two-factor');
  return (
    <div className="min-h-screen">
      <NewsroomNav user={user} />
      {changeDue ? <PasswordChangePrompt /> : null}
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
