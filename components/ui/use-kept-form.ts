'use client';

// React resets a form after its action has run, even when the action refused the input, so the
// writer would lose what they typed. Forms submit through this hook instead: the fields stay as typed
// when the server says no, and are cleared only after a success (when asked to).
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';

import type { ActionResult } from '@/lib/actions/result';

type Options = { confirmText?: string; resetOnSuccess?: boolean };

export function useKeptForm<R extends ActionResult>(
  action: (previous: unknown, formData: FormData) => Promise<R>,
  options: Options = {},
) {
  const [state, formAction, pending] = useActionState<R | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { confirmText, resetOnSuccess = false } = options;

  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmText && !window.confirm(confirmText)) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  }

  return { state, pending, formRef, onSubmit, formAction };
}
