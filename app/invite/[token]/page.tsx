import type { Metadata } from 'next';

import { SetPasswordForm } from '@/components/auth/set-password-form';
import { redeemTokenAction } from '@/lib/users/actions';
import { lookupTokenForPage } from '@/lib/users/token-queries';

export const metadata: Metadata = { title: '设置密码', robots: { index: false }, referrer: 'no-referrer' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const info = await lookupTokenForPage(token);
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="text-2xl font-bold">
        {info?.kind === 'PASSWORD_RESET' ? '重置密码' : '欢迎加入今日柯城采编系统'}
      </h1>
      {info ? (
        <>
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            {info.name}（{info.email}），请设置你的登录密码。
          </p>
          <div className="mt-6">
            <SetPasswordForm token={token} rules={info.rules} action={redeemTokenAction} />
          </div>
        </>
      ) : (
        <p role="alert" className="mt-4">
          链接无效或已过期，请联系管理员重新发送。
        </p>
      )}
    </main>
  );
}
