'use client';

// A form bound to a server action that shows the action's error or a success line in place.
import type { ReactNode } from 'react';

import type { ActionResult } from '@/lib/actions/result';

import { FormError, FormSuccess } from './form-message';
import { SubmitButton } from './submit-button';
import { useKeptForm } from './use-kept-form';

type Props = {
  action: (previous: unknown, formData: FormData) => Promise<ActionResult>;
  children?: ReactNode;
  submitLabel: string;
  successText?: string;
  confirmText?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
};

export function ActionForm({ action, children, submitLabel, successText, confirmText, variant, className }: Props) {
  const { state, pending, formRef, onSubmit, formAction } = useKeptForm(action, { confirmText, resetOnSuccess: true });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      className={className ?? 'flex flex-wrap items-end gap-2'}
    >
      {children}
      <SubmitButton variant={variant} busy={pending}>
        {submitLabel}
      </SubmitButton>
      {state && !state.ok ? (
        <div className="basis-full">
          <FormError>
            {state.error}
            {fieldErrorText(state.fieldErrors)}
          </FormError>
        </div>
      ) : null}
      {state?.ok && successText ? (
        <div className="basis-full">
          <FormSuccess>{successText}</FormSuccess>
        </div>
      ) : null}
    </form>
  );
}

function fieldErrorText(fieldErrors: Record<string, string> | undefined): string {
  const messages = Object.values(fieldErrors ?? {});
  return messages.length ? `：${messages.join('；')}` : '';
}
