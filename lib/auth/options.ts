// next-auth configuration: email + password credentials, JWT sessions carrying only the user id, the
// session version and the session's row (sid, lib/auth/sessions.ts); everything else is re-read from
// the database on each request (current-user.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';

import { db } from '../db';
import { clientIp } from '../http/client-ip';
import { SESSION_MAX_AGE_S } from './session-validity';
import { endSession, startSession } from './sessions';
import { attemptSignIn } from './sign-in';
import { cookieValue, TRUSTED_DEVICE_COOKIE, TRUSTED_DEVICE_COOKIE_PATH, TRUSTED_DEVICE_MS } from './trusted-device';

function headerReader(headers: Record<string, unknown> | undefined) {
  return {
    get(name: string) {
      const value = headers?.[name];
      return typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : null;
    },
  };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: '邮箱和密码',
      credentials: {
        email: { label: '邮箱', type: 'email' },
        password: { label: '密码', type: 'password' },
        // The second step, for an account with two-factor sign-in (sign-in.ts: CODE_REQUIRED).
        code: { label: '验证码', type: 'text' },
        // Ticked at the code step where the admin offers it: this browser for 30 days (trusted-device.ts).
        remember: { label: '记住这台设备', type: 'checkbox' },
      },
      async authorize(credentials, req) {
        const headers = headerReader(req.headers);
        const ip = clientIp(headers);
        const result = await attemptSignIn(db, {
          email: String(credentials?.email ?? ''),
          password: String(credentials?.password ?? ''),
          code: String(credentials?.code ?? ''),
          ip,
          deviceToken: cookieValue(headers.get('cookie'), TRUSTED_DEVICE_COOKIE),
          rememberDevice: credentials?.remember === 'true',
          userAgent: headers.get('user-agent'),
        });
        // next-auth passes a thrown message back to the sign-in form as `error`.
        if (!result.ok) throw new Error(result.error);
        // Set on the sign-in route's own response (a Route Handler may set cookies); next-auth's session
        // cookie follows the same rule for Secure: the site's address is https.
        if (result.deviceToken) {
          (await cookies()).set(TRUSTED_DEVICE_COOKIE, result.deviceToken, {
            httpOnly: true,
            sameSite: 'lax',
            secure: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
            path: TRUSTED_DEVICE_COOKIE_PATH,
            maxAge: TRUSTED_DEVICE_MS / 1000,
          });
        }
        const sid = await startSession(db, result.user.id, { ip, userAgent: headers.get('user-agent') });
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sv: result.user.sessionVersion,
          sid,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, sid: token.sid };
    },
  },
  events: {
    // Signing out ends the session on the server too: the token, if kept somewhere, no longer admits.
    async signOut({ token }) {
      if (typeof token?.uid === 'string' && typeof token.sid === 'string') await endSession(db, token.uid, token.sid);
    },
  },
};
