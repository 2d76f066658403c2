// Public read for the invitation page: the link itself is the credential.
import 'server-only';

import { passwordRulesHint } from '../auth/password-rules';
import { readPasswordPolicy } from '../auth/security-policy';
import { db } from '../db';
import { lookupToken, type TokenInfo } from './account-service';

export type TokenPageInfo = TokenInfo & { rules: { minLength: number; hint: string } };

export async function lookupTokenForPage(token: string): Promise<TokenPageInfo | null> {
  if (token.length < 10 || token.length > 200) return null;
  const info = await lookupToken(db, token);
  if (!info) return null;
  const policy = await readPasswordPolicy(db);
  return { ...info, rules: { minLength: policy.minLength, hint: passwordRulesHint(policy) } };
}
