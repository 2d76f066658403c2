import Link from 'next/link';

import { SignOutButton } from '@/components/auth/sign-out-button';
import { can, ROLE_LABELS } from '@/lib/access/capabilities';
import type { CurrentUser } from '@/lib/auth/current-user';

export function NewsroomNav({ user }: { user: CurrentUser }) {
  const links = [
    { href: '/newsroom', label: '工作台', show: true },
    { href: '/newsroom/issues', label: '版面安排', show: can(user.role, 'issue:plan') },
    { href: '/newsroom/issues/import', label: '导入期次', show: can(user.role, 'issue:import') },
    // 考核: everyone sees their own figures, editors and chief editors everyone's (lib/stats/service.ts).
    { href: '/newsroom/stats', label: '稿件考核', show: can(user.role, 'newsroom:enter') },
    { href: '/newsroom/trash', label: '回收站', show: can(user.role, 'article:restore') },
    { href: '/newsroom/proofing', label: '审校词库', show: can(user.role, 'proofing:edit-lists') },
    { href: '/newsroom/admin/users', label: '账号管理', show: can(user.role, 'user:manage') },
    { href: '/newsroom/admin/audit', label: '审计日志', show: can(user.role, 'audit:read') },
    { href: '/newsroom/admin/settings', label: '报刊设置', show: can(user.role, 'settings:edit') },
    { href: '/newsroom/admin/settings/stats', label: '考核设置', show: can(user.role, 'stats:manage') },
  ].filter((link) => link.show);
  return (
    <header className="border-b border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 text-sm">
        <Link href="/newsroom" className="text-base font-bold tracking-widest">
          今日柯城 采编
        </Link>
        <nav aria-label="采编导航" className="flex flex-wrap gap-4">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="hover:underline">
              {link.label}
            </Link>
          ))}
        </nav>
        <form role="search" action="/newsroom/search" className="flex items-center gap-1">
          <label htmlFor="newsroom-q" className="sr-only">
            搜索稿件
          </label>
          <input
            id="newsroom-q"
            name="q"
            type="search"
            maxLength={100}
            placeholder="搜索稿件"
            className="w-40 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
          />
        </form>
        <div className="ml-auto flex items-center gap-4">
          <Link href="/newsroom/profile" className="hover:underline">
            {user.name}（{ROLE_LABELS[user.role]}）
          </Link>
          <SignOutButton userId={user.id} />
        </div>
      </div>
    </header>
  );
}
