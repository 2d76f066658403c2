import Link from 'next/link';

/** The change prompt: the password has outlived the admin's expiry (账号安全). */
export function PasswordChangePrompt() {
  return (
    <aside
      aria-label="密码已过期"
      data-testid="password-change-prompt"
      className="border-b border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="mx-auto max-w-6xl">
        你的密码已超过管理员设定的有效期，请尽快
        <Link href="/newsroom/profile#password-heading" className="mx-1 font-medium underline">
          修改密码
        </Link>
        。
      </p>
    </aside>
  );
}
