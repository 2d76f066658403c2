'use client';

import Link from 'next/link';

import { Field } from '@/components/ui/field';
import { FormError, FormSuccess } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptForm } from '@/components/ui/use-kept-form';
import type { ActionResult } from '@/lib/actions/result';

type Props = {
  token: string;
  /** The password policy's minimum length and its rules in one line (passwordRulesHint). */
  rules: { minLength: number; hint: string };
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<{ email: string }>>;
};

export function SetPasswordForm({ token, rules, action }: Props) {
  const { state, pending, onSubmit, formAction } = useKeptForm(action);
  if (state?.ok) {
    return (
      <FormSuccess>
        密码已设置。
        <Link className="underline" href={`/login?email=${encodeURIComponent(state.email)}`}>
          现在登录
        </Link>
      </FormSuccess>
    );
  }
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4">
      {state && !state.ok ? <FormError>{state.error}</FormError> : null}
      <input type="hidden" name="token" value={token} />
      <Field
        label="新密码"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={rules.minLength}
        hint={rules.hint}
        error={fieldErrors?.password}
      />
      <Field
        label="再次输入新密码"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrors?.confirm}
      />
      <SubmitButton pendingLabel="正在保存…" busy={pending}>
        设置密码
      </SubmitButton>
    </form>
  );
}
