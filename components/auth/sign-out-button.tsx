'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/login' })} className="underline-offset-2 hover:underline">
      退出登录
    </button>
  );
}
