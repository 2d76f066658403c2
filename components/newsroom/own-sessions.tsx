import { ActionForm } from '@/components/ui/action-form';
import { formatDateTime } from '@/lib/dates/format';
import { endOwnSessionAction } from '@/lib/users/session-actions';
import type { OpenSession } from '@/lib/users/session-service';

/** 个人设置: where the person is signed in (device, address, last seen), each one endable. */
export function OwnSessions({ sessions }: { sessions: (OpenSession & { current: boolean })[] }) {
  return (
    <ul className="divide-y divide-stone-200 text-sm dark:divide-stone-700" data-testid="own-sessions">
      {sessions.map((session) => (
        <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div>
            <p className="font-medium">
              {session.device}
              {session.current ? <span className="ml-2 text-green-700 dark:text-green-400">（本设备）</span> : null}
            </p>
            <p className="text-stone-600 dark:text-stone-400">
              {session.ip ?? '地址未知'} · 最近活动 {formatDateTime(session.lastSeenAt)} · 登录于{' '}
              {formatDateTime(session.createdAt)}
            </p>
          </div>
          <ActionForm
            action={endOwnSessionAction}
            submitLabel={session.current ? '退出本设备' : '结束此登录'}
            variant="secondary"
            confirmText={session.current ? '结束本设备的登录？之后需要重新登录。' : undefined}
            successText="已结束"
          >
            <input type="hidden" name="sessionId" value={session.id} />
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}
