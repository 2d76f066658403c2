'use client';
import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';
import { buttonClass, type ButtonVariant } from './button-class';

export function SubmitButton({ children, pendingLabel, variant = 'primary' }: { children: ReactNode; pendingLabel?: string; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant)}>
      {pending ? (pendingLabel ?? '正在提交…') : children}
    </button>
  );
}
