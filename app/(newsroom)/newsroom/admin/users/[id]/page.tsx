import Link from 'next/link';
import { notFound } from 'next/navigation';

import { ResetLinkForm } from '@/components/newsroom/reset-link-form';
import { ActionForm } from '@/components/ui/action-form';
import { ROLE_LABELS, ROLES } from '@/lib/access/capabilities';
import { requirePageUser } from '@/lib/auth/require-user';
import { formatDateTime } from '@/lib/dates/format';
import {
  changeRoleAction,
  deactivateAccountAction,
  deleteAccountAction,
  issuePasswordResetAction,
  reactivateAccountAction,
  setDepartmentAction,
} from '@/lib/users/actions';
import { countOpenSessions, getUserDetail, listDepartments } from '@/lib/users/queries';
import { signOutEverywhereAction } from '@/lib/users/session-actions';
import { resetTwoFactorAction } from '@/lib/users/two-factor-actions';

type Props = { params: Promise<{ id: string }> };

export const metadata = { title: '账号详情' };

export default async function UserDetailPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageUser('user:manage', `/newsroom/admin/users/${id}`);
  const user = await getUserDetail(id);
  if (!user) notFound();
  const [openSessions, departments] = await Promise.all([countOpenSessions(id), listDepartments()]);
  const wroteAnything = user.counts.articlesCreated + user.counts.revisions + user.counts.signoffs > 0;

  return (
    <div className="max-w-2xl space-y-8">
      <p>
        <Link href="/newsroom/admin/users" className="text-sm underline">
          ← 全部账号
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{user.name}</h1>
        <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          <dt>邮箱</dt>
          <dd>{user.email}</dd>
          <dt>角色</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
          <dt>部门</dt>
          <dd data-testid="account-department">{user.department ?? '未设'}</dd>
          <dt>状态</dt>
          <dd data-testid="account-status">{!user.active ? '已停用' : user.invited ? '待接受邀请' : '在用'}</dd>
          <dt>创建于</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
          <dt>最近登录</dt>
          <dd>{formatDateTime(user.lastLoginAt)}</dd>
          <dt>稿件</dt>
          <dd>{user.counts.articlesCreated} 篇</dd>
        </dl>
      </div>

      <section aria-labelledby="role-heading" className="space-y-2">
        <h2 id="role-heading" className="text-lg font-semibold">
          角色
        </h2>
        <ActionForm action={changeRoleAction} submitLabel="修改角色" successText="角色已修改，下一次操作起生效">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor="role" className="sr-only">
            角色
          </label>
          <select
            id="role"
            name="role"
            defaultValue={user.role}
            className="rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </ActionForm>
      </section>

      <section aria-labelledby="department-heading" className="space-y-2">
        <h2 id="department-heading" className="text-lg font-semibold">
          部门
        </h2>
        <ActionForm action={setDepartmentAction} submitLabel="修改部门" successText="部门已修改">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor="department" className="sr-only">
            部门
          </label>
          <input
            id="department"
            name="department"
            list="department-names"
            maxLength={20}
            defaultValue={user.department ?? ''}
            aria-describedby="department-hint"
            className="min-w-0 rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900"
          />
          <datalist id="department-names">
            {departments.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </ActionForm>
        <p id="department-hint" className="text-sm text-stone-600 dark:text-stone-400">
          稿件考核按部门合计；请从已有的部门中选，同一个部门写法一致才会算在一起。留空表示不属于任何部门。
        </p>
      </section>

      <section aria-labelledby="password-heading" className="space-y-2">
        <h2 id="password-heading" className="text-lg font-semibold">
          {user.invited ? '邀请' : '密码'}
        </h2>
        {user.active ? (
          <ResetLinkForm userId={user.id} invited={user.invited} action={issuePasswordResetAction} />
        ) : (
          <p className="text-sm text-stone-600">账号已停用。</p>
        )}
      </section>

      <section aria-labelledby="two-factor-heading" className="space-y-2">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          两步验证
        </h2>
        {user.twoFactorSince ? (
          <>
            <p className="text-sm" data-testid="two-factor-since">
              {formatDateTime(user.twoFactorSince)} 起启用。
            </p>
            <ActionForm
              action={resetTwoFactorAction}
              submitLabel="重置两步验证"
              variant="danger"
              confirmText={`重置 ${user.name} 的两步验证？原来的身份验证器和恢复码全部失效，此人会在所有设备上退出登录，下次登录时重新设置。`}
              successText="两步验证已重置"
            >
              <input type="hidden" name="userId" value={user.id} />
            </ActionForm>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              用于手机丢失又没有恢复码的情况。请先当面或电话确认是本人。
            </p>
          </>
        ) : (
          <p className="text-sm" data-testid="two-factor-since">
            未启用。
          </p>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-2">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          登录状态
        </h2>
        <p className="text-sm" data-testid="open-sessions">
          {openSessions ? `在 ${openSessions} 处登录中。` : '没有登录中的设备。'}
        </p>
        <ActionForm
          action={signOutEverywhereAction}
          submitLabel="强制退出所有登录"
          variant="danger"
          confirmText={`让 ${user.name} 在所有设备上退出登录？正在编辑的文字不会丢失，重新登录后可以继续。`}
          successText="已在所有设备上退出登录"
        >
          <input type="hidden" name="userId" value={user.id} />
        </ActionForm>
      </section>

      <section aria-labelledby="status-heading" className="space-y-2">
        <h2 id="status-heading" className="text-lg font-semibold">
          停用与启用
        </h2>
        {user.active ? (
          <ActionForm
            action={deactivateAccountAction}
            submitLabel="停用账号"
            variant="danger"
            confirmText={`停用 ${user.name} 的账号？此人会立即在所有设备上退出登录。`}
            successText="账号已停用"
          >
            <input type="hidden" name="userId" value={user.id} />
          </ActionForm>
        ) : (
          <ActionForm action={reactivateAccountAction} submitLabel="启用账号" successText="账号已启用">
            <input type="hidden" name="userId" value={user.id} />
          </ActionForm>
        )}
        <p className="text-sm text-stone-600 dark:text-stone-400">停用后此人不能登录，已写的稿件和记录全部保留。</p>
      </section>

      {!wroteAnything && user.id !== actor.id ? (
        <section aria-labelledby="delete-heading" className="space-y-2">
          <h2 id="delete-heading" className="text-lg font-semibold">
            删除账号
          </h2>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            只有从未写稿、审稿的账号可以删除（例如建错的账号）。
          </p>
          <ActionForm
            action={deleteAccountAction}
            submitLabel="删除账号"
            variant="danger"
            confirmText={`确定删除 ${user.name} 的账号？此操作不能撤销。`}
            successText="账号已删除"
          >
            <input type="hidden" name="userId" value={user.id} />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
