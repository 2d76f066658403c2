import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { SESSION_IDLE_BOUNDS as B } from '@/lib/auth/security-policy';
import { updateSessionIdleAction } from '@/lib/security/actions';

/** 账号安全: how long a session may sit idle before the person has to sign in again. */
export function SessionIdleForm({ idleMinutes }: { idleMinutes: number }) {
  return (
    <ActionForm action={updateSessionIdleAction} submitLabel="保存空闲退出设置" successText="空闲退出设置已保存">
      <Field
        label="空闲退出时间（分钟）"
        name="idleMinutes"
        type="number"
        min={B.min}
        max={B.max}
        required
        defaultValue={idleMinutes}
        hint={`${B.min} 到 ${B.max} 分钟没有操作就要重新登录；登录满 12 小时也要重新登录`}
      />
    </ActionForm>
  );
}
