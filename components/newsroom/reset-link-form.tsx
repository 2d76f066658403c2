'use client';

import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptForm } from '@/components/ui/use-kept-form';
import type { ActionResult } from '@/lib/actions/result';

import { OneTimeLink } from './one-time-link';

type Props = {
  userId: string;
  invited: boolean;
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<{ link: string }>>;
};

export function ResetLinkForm({ userId, invited, action }: Props) {
  const { state, pending, onSubmit, formAction } = useKeptForm(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" busy={pending}>
        {invited ? '重新生成邀请链接' : '生成重置密码链接'}
      </SubmitButton>
      {state && !state.ok ? <FormError>{state.error}</FormError> : null}
      {state?.ok ? <OneTimeLink path={state.link} label="新链接已生成，旧链接同时失效。请发给本人：" /> : null}
    </form>
  );
}
