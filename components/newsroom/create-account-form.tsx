'use client';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { ROLE_LABELS, ROLES } from '@/lib/access/capabilities';
import type { ActionResult } from '@/lib/actions/result';

import { OneTimeLink } from './one-time-link';

type Props = {
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<{ link: string; userId: string }>>;
  /** The 部门 names in use, offered in the 部门 box (one spelling per 部门 keeps 考核's totals whole). */
  departments: string[];
};

export function CreateAccountForm({ action, departments }: Props) {
  const { state, pending, onSubmit, formAction } = useKeptForm(action);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_10rem_auto] sm:items-end"
      key={state?.ok ? state.userId : 'new'}
    >
      <Field label="姓名" name="name" required maxLength={40} error={fieldErrors?.name} />
      <Field label="邮箱" name="email" type="email" required error={fieldErrors?.email} />
      <div>
        <label htmlFor="new-role" className="block text-sm font-medium">
          角色
        </label>
        <select
          id="new-role"
          name="role"
          defaultValue="REPORTER"
          className="mt-1 block rounded border border-stone-400 bg-white px-2 py-1.5 dark:bg-stone-900"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="部门"
        name="department"
        list="new-department-names"
        maxLength={20}
        autoComplete="off"
        placeholder="可不填"
        error={fieldErrors?.department}
      />
      <datalist id="new-department-names">
        {departments.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <SubmitButton pendingLabel="正在创建…" busy={pending}>
        创建账号
      </SubmitButton>
      <div className="sm:col-span-5">
        {state && !state.ok ? <FormError>{state.error}</FormError> : null}
        {state?.ok ? (
          <OneTimeLink
            path={state.link}
            label="账号已创建。请把这个邀请链接发给本人（72 小时内有效，只显示这一次）："
          />
        ) : null}
      </div>
    </form>
  );
}
