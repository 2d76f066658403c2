import Link from 'next/link';

import { WechatSettingsForm } from '@/components/channels/wechat-settings-form';
import { PasswordPolicyForm } from '@/components/newsroom/password-policy-form';
import { PublicationForm } from '@/components/newsroom/publication-form';
import { SessionIdleForm } from '@/components/newsroom/session-idle-form';
import { TwoFactorRolesForm } from '@/components/newsroom/two-factor-roles-form';
import { requirePageUser } from '@/lib/auth/require-user';
import { getWechatSettings } from '@/lib/channels/wechat-queries';
import { getPasswordPolicy, getSessionIdleMinutes, getTwoFactorSettings } from '@/lib/security/queries';
import { getPublicationSettings } from '@/lib/settings/queries';

export const metadata = { title: '报刊设置' };

export default async function SettingsPage() {
  await requirePageUser('settings:edit', '/newsroom/admin/settings');
  const [settings, wechat, policy, twoFactor, idleMinutes] = await Promise.all([
    getPublicationSettings(),
    getWechatSettings(),
    getPasswordPolicy(),
    getTwoFactorSettings(),
    getSessionIdleMinutes(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">报刊设置</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        刊名、编印单位、热线、地址和邮编印在每一页的报头和页脚。审稿级数改变后，正在审核的稿件按新的级数继续。
      </p>
      {settings ? (
        <PublicationForm settings={settings} />
      ) : (
        <p role="alert">还没有报刊信息：请先运行 npm start 完成初始化。</p>
      )}
      {settings ? <WechatSettingsForm settings={wechat} /> : null}
      <section aria-labelledby="security-heading" className="space-y-3 border-t border-stone-300 pt-6">
        <h2 id="security-heading" className="text-xl font-semibold">
          账号安全
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          每次设置或修改密码都按这些规则检查；密码也不能包含本人的姓名或邮箱，不能是常见的泄露密码。规则收紧后，已有的密码在下次修改时才按新规则检查；设置有效期后，超过期限的人在采编系统每一页都会看到修改密码的提示。
        </p>
        <PasswordPolicyForm policy={policy} />
        <p className="text-sm text-stone-600 dark:text-stone-400">
          两步验证：登录时除密码外还要输入手机身份验证器上的验证码。勾选的角色在下次打开采编系统时会被要求先完成设置；管理员可以在账号详情里为丢失手机的人重置。
        </p>
        <TwoFactorRolesForm roles={twoFactor.roles} rememberDevice={twoFactor.rememberDevice} />
        <p className="text-sm text-stone-600 dark:text-stone-400">
          空闲退出：在服务器上计时，超过设定时间没有操作（打开页面、保存、在编辑器里输入）就要重新登录，编辑器里已输入的文字不会丢失。
        </p>
        <SessionIdleForm idleMinutes={idleMinutes} />
      </section>
      <section aria-labelledby="stats-heading" className="space-y-2 border-t border-stone-300 pt-6">
        <h2 id="stats-heading" className="text-xl font-semibold">
          考核
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          稿件考核的计分规则（字数档次、图片、头版头条、传播加分、稿费）和每月结账，总编也可以修改：
          <Link href="/newsroom/admin/settings/stats" className="underline">
            考核设置
          </Link>
        </p>
      </section>
    </div>
  );
}
