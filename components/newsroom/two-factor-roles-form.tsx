import { ActionForm } from '@/components/ui/action-form';
import { ROLE_LABELS, ROLES } from '@/lib/access/capabilities';
import type { Role } from '@/lib/generated/prisma/enums';
import { updateTwoFactorRolesAction } from '@/lib/security/actions';

/** 账号安全: which roles must sign in with a second factor. */
export function TwoFactorRolesForm({ roles }: { roles: Role[] }) {
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
    </ActionForm>
  );
}
