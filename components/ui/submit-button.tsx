'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

import { buttonClass, type ButtonVariant } from './button-class';

/** `busy` comes from the form's hook when it submits by hand (useKeptForm); otherwise from the form status. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  busy,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  busy?: boolean;
}) {
  const status = useFormStatus();
  const pending = busy ?? status.pending;
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant)}>
      {pending ? (pendingLabel ?? '正在提交…') : children}
    </button>
  );
}
