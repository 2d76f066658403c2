import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { PASSWORD_POLICY_BOUNDS as B, type PasswordPolicy } from '@/lib/auth/password-rules';
import { updatePasswordPolicyAction } from '@/lib/security/actions';

/** 账号安全: the password rules every new password must meet, and how long a password lasts. */
export function PasswordPolicyForm({ policy }: { policy: PasswordPolicy }) {
  return (
    <ActionForm
      action={updatePasswordPolicyAction}
      submitLabel="保存账号安全设置"
      successText="账号安全设置已保存"
      className="grid max-w-3xl gap-4 sm:grid-cols-2"
    >
      <Field
        label="密码最短长度"
        name="minLength"
        type="number"
        min={B.minLength.min}
        max={B.minLength.max}
        required
        defaultValue={policy.minLength}
        hint={`${B.minLength.min} 到 ${B.minLength.max} 个字符`}
      />
      <fieldset className="text-sm">
        <legend className="font-medium">字符种类（小写字母、大写字母、数字、符号）</legend>
        {[3, 4].map((classes) => (
          <label key={classes} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="minClasses" value={classes} defaultChecked={policy.minClasses === classes} />
            {classes === 3 ? '至少 3 种' : '4 种都要有'}
          </label>
        ))}
      </fieldset>
      <Field
        label="不得与最近几次的密码相同"
        name="historyCount"
        type="number"
        min={B.historyCount.min}
        max={B.historyCount.max}
        required
        defaultValue={policy.historyCount}
        hint={`${B.historyCount.min} 到 ${B.historyCount.max} 次`}
      />
      <Field
        label="密码有效期（天）"
        name="maxAgeDays"
        type="number"
        min={0}
        max={B.maxAgeDays.max}
        defaultValue={policy.maxAgeDays || ''}
        hint={`${B.maxAgeDays.min} 到 ${B.maxAgeDays.max} 天，到期后提示修改；留空表示不过期`}
      />
    </ActionForm>
  );
}
