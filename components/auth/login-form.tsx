'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

import { buttonClass } from '@/components/ui/button-class';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';

export function LoginForm({ callbackUrl, initialEmail }: { callbackUrl: string; initialEmail?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full navigation so the server renders the newsroom with the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : '登录失败，请稍后再试');
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <FormError>{error}</FormError> : null}
      <Field label="邮箱" name="email" type="email" autoComplete="username" required defaultValue={initialEmail} />
      <Field label="密码" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending} className={`${buttonClass()} w-full`}>
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
