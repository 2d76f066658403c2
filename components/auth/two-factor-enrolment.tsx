'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';

import { buttonClass } from '@/components/ui/button-class';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { confirmEnrolmentAction, startEnrolmentAction } from '@/lib/users/two-factor-actions';

import { RecoveryCodeList } from './recovery-code-list';

/** Enrolment: the QR code and key (shown once), a code from the app to confirm, then the recovery codes. */
export function TwoFactorEnrolment() {
  const [offer, setOffer] = useState<{ qr: string; key: string } | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const { state, pending, onSubmit, formAction } = useKeptForm(confirmEnrolmentAction);

  function start() {
    startTransition(async () => {
      const result = await startEnrolmentAction();
      if (result.ok) {
        setOffer({ qr: result.qr, key: result.key });
        setStartError(null);
      } else setStartError(result.error);
    });
  }

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="font-medium text-green-800 dark:text-green-300">
          两步验证已启用。以后登录时，输入密码后还要输入身份验证器上的验证码。
        </p>
        <RecoveryCodeList codes={state.recoveryCodes} />
        <Link href="/newsroom" className={buttonClass()}>
          我已保存恢复码，进入采编系统
        </Link>
      </div>
    );
  }

  if (!offer) {
    return (
      <div className="space-y-3">
        {startError ? <FormError>{startError}</FormError> : null}
        <button type="button" onClick={start} disabled={starting} className={buttonClass()}>
          {starting ? '正在生成…' : '开始设置'}
        </button>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>在手机上打开身份验证器（如 Google Authenticator、Microsoft Authenticator、腾讯身份验证器）。</li>
        <li>扫描下面的二维码；不能扫描时，手动输入密钥。二维码和密钥只显示这一次。</li>
        <li>输入身份验证器上显示的 6 位验证码，点「确认启用」。</li>
      </ol>
      {/* A data URL made on the server: nothing leaves for a third-party QR service. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={offer.qr} alt="身份验证器二维码" width={220} height={220} className="rounded border border-stone-300" />
      <p className="text-sm">
        密钥：
        <code data-testid="totp-key" className="font-mono select-all">
          {offer.key}
        </code>
      </p>
      <form action={formAction} onSubmit={onSubmit} className="space-y-3">
        <Field
          label="验证码"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={7}
          error={state && !state.ok ? state.fieldErrors?.code : undefined}
        />
        {state && !state.ok && !state.fieldErrors?.code ? <FormError>{state.error}</FormError> : null}
        <SubmitButton busy={pending}>确认启用</SubmitButton>
      </form>
    </div>
  );
}
