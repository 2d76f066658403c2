import Link from 'next/link';

import { RecoveryCodesRenewal } from '@/components/auth/recovery-codes-renewal';
import { OwnRememberedDevices } from '@/components/newsroom/own-remembered-devices';
import { OwnSessions } from '@/components/newsroom/own-sessions';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { passwordRulesHint } from '@/lib/auth/password-rules';
import { requirePageUser } from '@/lib/auth/require-user';
import { getOwnPasswordRules, getOwnTwoFactorStatus } from '@/lib/security/queries';
import { changeOwnPasswordAction, renameSelfAction } from '@/lib/users/actions';
import { getOwnRememberedDevices, getOwnSessions } from '@/lib/users/queries';

export const metadata = { title: '个人设置' };

export default async function ProfilePage() {
  const user = await requirePageUser('newsroom:enter', '/newsroom/profile');
  const [rules, twoFactor, sessions, devices] = await Promise.all([
    getOwnPasswordRules(),
    getOwnTwoFactorStatus(),
    getOwnSessions(),
    getOwnRememberedDevices(),
  ]);
  return (
    <div className="max-w-md space-y-10">
      <h1 className="text-2xl font-bold">个人设置</h1>
      <section aria-labelledby="name-heading" className="space-y-3">
        <h2 id="name-heading" className="text-lg font-semibold">
          显示姓名
        </h2>
        <ActionForm action={renameSelfAction} submitLabel="保存姓名" successText="姓名已保存" className="space-y-3">
          <Field label="姓名" name="name" defaultValue={user.name} required maxLength={40} />
        </ActionForm>
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          修改密码
        </h2>
        <ActionForm
          action={changeOwnPasswordAction}
          submitLabel="修改密码"
          successText="密码已修改"
          className="space-y-3"
        >
          <Field label="当前密码" name="current" type="password" autoComplete="current-password" required />
          <Field
            label="新密码"
            name="next"
            type="password"
            autoComplete="new-password"
            required
            minLength={rules.minLength}
            hint={passwordRulesHint(rules)}
          />
          <Field label="再次输入新密码" name="confirm" type="password" autoComplete="new-password" required />
        </ActionForm>
      </section>
      <section aria-labelledby="two-factor-heading" className="space-y-3">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          两步验证
        </h2>
        {twoFactor.enabled ? (
          <>
            <p className="text-sm" data-testid="two-factor-status">
              已启用：登录时除了密码还要输入身份验证器上的验证码。还剩 {twoFactor.recoveryCodesLeft} 个恢复码可用。
            </p>
            <RecoveryCodesRenewal />
            <OwnRememberedDevices devices={devices} />
          </>
        ) : (
          <p className="text-sm" data-testid="two-factor-status">
            未启用。
            <Link href="/two-factor" className="ml-1 underline">
              设置两步验证
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          登录的设备
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          这些浏览器正登录着你的账号。不认识的请结束它，并修改密码。
        </p>
        <OwnSessions sessions={sessions} />
      </section>
    </div>
  );
}
