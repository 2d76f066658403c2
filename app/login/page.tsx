import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { LoginForm } from '@/components/auth/login-form';
import { LoginLocalCopies } from '@/components/auth/login-local-copies';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/http/safe-return';
import { getRememberDeviceDays } from '@/lib/security/queries';

export const metadata: Metadata = { title: '登录', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const email = typeof params.email === 'string' ? params.email : undefined;
  const rememberDays = await getRememberDeviceDays();
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="text-2xl font-bold tracking-widest">今日柯城 · 采编系统</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">请用采编账号登录</p>
      <LoginLocalCopies />
      <div className="mt-6">
        <LoginForm callbackUrl={callbackUrl} initialEmail={email} rememberDays={rememberDays} />
      </div>
    </main>
  );
}
