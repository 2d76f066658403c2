// A person's own browser keeps its session through a change that signs them out everywhere else
// (their own password change bumps sessionVersion): the token it holds is issued again under the new
// version, from the token itself, so no other browser's token can be upgraded this way.
import { decode, encode } from 'next-auth/jwt';

import { SESSION_MAX_AGE_S } from './session-validity';

/** next-auth's session cookie names (the __Secure- one when the site is served over https). */
export const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/**
 * The same session's token under `sessionVersion`, valid for a full session from now; null when the
 * token is not this app's or not this person's (then nothing is issued).
 */
export async function reissuedToken(
  token: string,
  secret: string,
  userId: string,
  sessionVersion: number,
): Promise<string | null> {
  const payload = await decode({ token, secret }).catch(() => null);
  if (!payload || payload.uid !== userId) return null;
  // iat, exp and jti are set anew by encode.
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = payload;
  return encode({ token: { ...claims, sv: sessionVersion }, secret, maxAge: SESSION_MAX_AGE_S });
}
