import type { Metadata } from 'next';
import Link from 'next/link';

import { TwoFactorEnrolment } from '@/components/auth/two-factor-enrolment';
import { requireEnrollingPageUser } from '@/lib/auth/require-user';
import { getOwnTwoFactorStatus } from '@/lib/security/queries';

export const metadata: Metadata = { title: '两步验证', robots: { index: false } };

// Outside the newsroom's layout on purpose: every newsroom page, action and route handler sends or
// refuses people whose role must use two-factor sign-in until they have set it up here
// (lib/auth/require-user.ts).
export default async function TwoFactorPage() {
  await requireEnrollingPageUser('/two-factor');
  const status = await getOwnTwoFactorStatus();
  return (
    <main className="mx-auto mt-16 max-w-md space-y-4 px-4">
      <h1 className="text-2xl font-bold">两步验证</h1>
      {status.enabled ? (
        <>
          <p>两步验证已启用。</p>
          <Link href="/newsroom/profile" className="underline">
            返回个人设置
          </Link>
        </>
      ) : (
        <>
          {status.resetNote ? (
            <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              管理员已重置你的两步验证（例如手机丢失后）。原来的身份验证器和恢复码都已失效，请重新设置。
            </p>
          ) : null}
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {status.required
              ? '你的角色按规定必须使用两步验证：设置完成后才能进入采编系统。'
              : '启用后，登录时除了密码还要输入手机身份验证器上的验证码。'}
          </p>
          <TwoFactorEnrolment />
        </>
      )}
    </main>
  );
}
