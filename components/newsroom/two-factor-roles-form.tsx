import { ActionForm } from '@/components/ui/action-form';
import { ROLE_LABELS, ROLES } from '@/lib/access/capabilities';
import { TRUSTED_DEVICE_DAYS } from '@/lib/auth/trusted-device';
import type { Role } from '@/lib/generated/prisma/enums';
import { updateTwoFactorRolesAction } from '@/lib/security/actions';

/** 账号安全: which roles must sign in with a second factor, and whether a browser may be remembered. */
export function TwoFactorRolesForm({ roles, rememberDevice }: { roles: Role[]; rememberDevice: boolean }) {
  return (
    <ActionForm action={updateTwoFactorRolesAction} submitLabel="保存两步验证设置" successText="两步验证设置已保存">
      <fieldset className="text-sm">
        <legend className="font-medium">必须使用两步验证的角色</legend>
        {ROLES.map((role) => (
          <label key={role} className="mr-4 inline-flex items-center gap-1">
            <input type="checkbox" name="roles" value={role} defaultChecked={roles.includes(role)} />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <label className="mt-3 flex items-start gap-2 text-sm">
        <input type="checkbox" name="rememberDevice" defaultChecked={rememberDevice} className="mt-1" />
        <span>
          登录时允许选择“这台设备 {TRUSTED_DEVICE_DAYS} 天内不再询问验证码”
          <span className="block text-stone-600 dark:text-stone-400">
            默认关闭：等保三级要求每次登录都使用两种认证方式。改密码、重置两步验证或“全部退出”后，记住的设备一律失效。
          </span>
        </span>
      </label>
    </ActionForm>
  );
}
