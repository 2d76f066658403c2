import Link from 'next/link';

import { CreateAccountForm } from '@/components/newsroom/create-account-form';
import { buttonClass } from '@/components/ui/button-class';
import { pageParam, Pager } from '@/components/ui/pager';
import { stackedCell, stackedHead, stackedLead, stackedRow, stackedTable } from '@/components/ui/stacked-table';
import { isRole, ROLE_LABELS, ROLES } from '@/lib/access/capabilities';
import { requirePageUser } from '@/lib/auth/require-user';
import { formatDateTime } from '@/lib/dates/format';
import { createAccountAction } from '@/lib/users/actions';
import { listDepartments, listUsers, type UserFilter } from '@/lib/users/queries';

export const metadata = { title: '账号管理' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

export default async function UsersPage({ searchParams }: Props) {
  await requirePageUser('user:manage', '/newsroom/admin/users');
  const params = await searchParams;
  const role = one(params.role);
  const active = one(params.active);
  const filter: UserFilter = {
    q: one(params.q).slice(0, 100) || undefined,
    role: isRole(role) ? role : undefined,
    active: active === 'yes' ? true : active === 'no' ? false : undefined,
    page: pageParam(params.page),
  };
  const [result, departments] = await Promise.all([listUsers(filter), listDepartments()]);
  const href = (page: number) => {
    const query = new URLSearchParams({
      ...(filter.q ? { q: filter.q } : {}),
      ...(role ? { role } : {}),
      ...(active ? { active } : {}),
      page: String(page),
    });
    return `/newsroom/admin/users?${query}`;
  };

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">账号管理</h1>

      <section aria-labelledby="create-heading" className="rounded border border-stone-300 p-4 dark:border-stone-700">
        <h2 id="create-heading" className="mb-3 text-lg font-semibold">
          新建账号
        </h2>
        <CreateAccountForm action={createAccountAction} departments={departments} />
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="text-lg font-semibold">
          全部账号（{result.total}）
        </h2>
        <form role="search" className="mt-3 flex flex-wrap items-end gap-3" action="/newsroom/admin/users">
          <div>
            <label htmlFor="q" className="block text-sm">
              姓名或邮箱
            </label>
            <input
              id="q"
              name="q"
              defaultValue={filter.q}
              className="mt-1 rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900"
            />
          </div>
          <div>
            <label htmlFor="role" className="block text-sm">
              角色
            </label>
            <select
              id="role"
              name="role"
              defaultValue={role}
              className="mt-1 rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900"
            >
              <option value="">全部</option>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {ROLE_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="active" className="block text-sm">
              状态
            </label>
            <select
              id="active"
              name="active"
              defaultValue={active}
              className="mt-1 rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900"
            >
              <option value="">全部</option>
              <option value="yes">在用</option>
              <option value="no">已停用</option>
            </select>
          </div>
          <button type="submit" className={buttonClass('secondary')}>
            筛选
          </button>
        </form>

        {/* Stacked rows on a phone, so the 部门 and status columns never hide in a sideways scroll box. */}
        <table className={`mt-4 ${stackedTable}`}>
          <thead className={stackedHead}>
            <tr>
              <th className="py-2">姓名</th>
              <th>邮箱</th>
              <th>角色</th>
              <th>部门</th>
              <th>状态</th>
              <th>稿件</th>
              <th>最近登录</th>
            </tr>
          </thead>
          <tbody>
            {result.users.map((user) => (
              <tr key={user.id} className={stackedRow}>
                <td className={`py-2 ${stackedLead}`}>
                  <Link className="underline" href={`/newsroom/admin/users/${user.id}`}>
                    {user.name}
                  </Link>
                </td>
                <td className={`break-all ${stackedCell}`} data-label="邮箱">
                  {user.email}
                </td>
                <td className={stackedCell} data-label="角色">
                  {ROLE_LABELS[user.role]}
                </td>
                <td className={stackedCell} data-label="部门">
                  {user.department ?? '—'}
                </td>
                <td className={stackedCell} data-label="状态">
                  {!user.active ? '已停用' : user.invited ? '待接受邀请' : '在用'}
                </td>
                <td className={stackedCell} data-label="稿件">
                  {user.articleCount}
                </td>
                <td className={stackedCell} data-label="最近登录">
                  {formatDateTime(user.lastLoginAt)}
                </td>
              </tr>
            ))}
            {result.users.length === 0 ? (
              <tr>
                <td colSpan={7} className="py-6 text-center text-stone-500">
                  没有符合条件的账号
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <Pager page={result.page} pageCount={result.pageCount} href={href} />
      </section>
    </div>
  );
}
