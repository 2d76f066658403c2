// Public read for the invitation page: the link itself is the credential.
import 'server-only';

import { db } from '../db';
import { lookupToken, type TokenInfo } from './account-service';

export async function lookupTokenForPage(token: string): Promise<TokenInfo | null> {
  if (token.length < 10 || token.length > 200) return null;
  return lookupToken(db, token);
}
