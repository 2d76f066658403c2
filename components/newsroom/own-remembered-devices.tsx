import { ActionForm } from '@/components/ui/action-form';
import { formatDateTime } from '@/lib/dates/format';
import { forgetOwnDevicesAction } from '@/lib/users/session-actions';
import type { RememberedDevice } from '@/lib/users/session-service';

/** 个人设置: the browsers that sign in without a code ("this device for 30 days"), forgotten at once. */
export function OwnRememberedDevices({ devices }: { devices: RememberedDevice[] }) {
  if (devices.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="remembered-devices">
      <p className="text-sm font-medium">这些浏览器登录时不再询问验证码：</p>
      <ul className="divide-y divide-stone-200 text-sm dark:divide-stone-700">
        {devices.map((device) => (
          <li key={device.id} className="py-2">
            <p className="font-medium">{device.device}</p>
            <p className="text-stone-600 dark:text-stone-400">
              {device.ip || '地址未知'} · 最近使用 {formatDateTime(device.lastUsedAt)} · 到期{' '}
              {formatDateTime(device.expiresAt)}
            </p>
          </li>
        ))}
      </ul>
      <ActionForm
        action={forgetOwnDevicesAction}
        submitLabel="忘记这些设备"
        variant="secondary"
        confirmText="忘记后，在这些浏览器上登录都要重新输入验证码。"
        successText="已忘记，下次登录需要验证码"
      />
    </div>
  );
}
