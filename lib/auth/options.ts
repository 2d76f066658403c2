// next-auth configuration: email + password credentials, JWT sessions carrying only the user id, the
// session version and the session's row (sid, lib/auth/sessions.ts); everything else is re-read from
// the database on each request (current-user.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { db } from '../db';
import { clientIp } from '../http/client-ip';
import { SESSION_MAX_AGE_S } from './session-validity';
import { endSession, startSession } from './sessions';
import { attemptSignIn } from './sign-in';

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
      },
      async authorize(credentials, req) {
        const headers = headerReader(req.headers);
        const ip = clientIp(headers);
        const result = await attemptSignIn(db, {
          email: String(credentials?.email ?? ''),
          password: String(credentials?.password ?? ''),
          code: String(credentials?.code ?? ''),
          ip,
        });
        // next-auth passes a thrown message back to the sign-in form as `error`.
        if (!result.ok) throw new Error(result.error);
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
