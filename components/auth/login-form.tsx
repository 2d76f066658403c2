'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

import { buttonClass } from '@/components/ui/button-class';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { CODE_REQUIRED } from '@/lib/auth/sign-in-messages';

type Props = {
  callbackUrl: string;
  initialEmail?: string;
  /** Days a browser may be remembered at the code step, where the admin offers it (账号安全); else null. */
  rememberDays: number | null;
};

export function LoginForm({ callbackUrl, initialEmail, rememberDays }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Once the server asks for the code, the form keeps the email and password and adds the code field.
  const [needsCode, setNeedsCode] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      code: String(form.get('code') ?? ''),
      remember: String(form.get('remember') === 'on'),
    }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full navigation so the server renders the newsroom with the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    if (result?.error === CODE_REQUIRED) {
      setNeedsCode(true);
      setError(null);
      return;
    }
    setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : '登录失败，请稍后再试');
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <FormError>{error}</FormError> : null}
      <Field label="邮箱" name="email" type="email" autoComplete="username" required defaultValue={initialEmail} />
      <Field label="密码" name="password" type="password" autoComplete="current-password" required />
      {needsCode ? (
        <Field
          label="验证码"
          name="code"
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={16}
          hint="打开手机上的身份验证器，输入显示的 6 位数字；手机丢失时可以输入一个恢复码"
        />
      ) : null}
      {needsCode && rememberDays ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="remember" />
          这台设备 {rememberDays} 天内不再询问验证码（公用电脑请勿勾选）
        </label>
      ) : null}
      <button type="submit" disabled={pending} className={`${buttonClass()} w-full`}>
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
