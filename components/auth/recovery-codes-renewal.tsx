'use client';

import { useState, useTransition } from 'react';

import { buttonClass } from '@/components/ui/button-class';
import { FormError } from '@/components/ui/form-message';
import { regenerateRecoveryCodesAction } from '@/lib/users/two-factor-actions';

import { RecoveryCodeList } from './recovery-code-list';

/** Ten new recovery codes (the old ones stop working), shown once. */
export function RecoveryCodesRenewal() {
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function renew() {
    if (!window.confirm('生成新的恢复码后，旧的恢复码全部失效。继续吗？')) return;
    startTransition(async () => {
      const result = await regenerateRecoveryCodesAction();
      if (result.ok) setCodes(result.recoveryCodes);
      else setError(result.error);
    });
  }

  return (
    <div className="space-y-3">
      {error ? <FormError>{error}</FormError> : null}
      {codes ? (
        <RecoveryCodeList codes={codes} />
      ) : (
        <button type="button" onClick={renew} disabled={pending} className={buttonClass('secondary')}>
          生成新的恢复码
        </button>
      )}
    </div>
  );
}
