import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/require-user';
import { can, ROLE_LABELS } from '@/lib/access/capabilities';
import { myStoryCounts } from '@/lib/articles/queries';
import { ARTICLE_STATUS_LABELS } from '@/lib/articles/status-labels';

export const metadata = { title: '工作台' };

export default async function DashboardPage() {
  const user = await requirePageUser('newsroom:enter', '/newsroom');
  const counts = can(user.role, 'article:create') ? await myStoryCounts() : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">工作台</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-400">{user.name}，你好。你的角色是{ROLE_LABELS[user.role]}。</p>
      </div>
      {counts ? (
        <section aria-labelledby="my-stories">
          <h2 id="my-stories" className="text-lg font-semibold">我的稿件</h2>
          <ul className="mt-2 flex flex-wrap gap-3">
            {Object.entries(ARTICLE_STATUS_LABELS).map(([status, label]) => (
              <li key={status} className="rounded border border-stone-300 px-3 py-2 dark:border-stone-700">
                {label} <strong>{counts[status] ?? 0}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can(user.role, 'user:manage') ? (
        <section aria-labelledby="admin-links">
          <h2 id="admin-links" className="text-lg font-semibold">管理</h2>
          <ul className="mt-2 list-inside list-disc">
            <li><Link className="underline" href="/newsroom/admin/users">账号管理</Link>：创建账号、修改角色、停用与重置密码</li>
            <li><Link className="underline" href="/newsroom/admin/audit">审计日志</Link>：谁在什么时候做了什么</li>
          </ul>
        </section>
      ) : null}
    </div>
  );
}
