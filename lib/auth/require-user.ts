// The one gate for non-public data (docs/architecture.md: Layout): every query and action that reads or writes it
// calls requireUser(capability) first. Pages use requirePageUser to turn a refusal into the sign-in
// redirect, the two-factor set-up or the 403 page.
//
// A person whose role must use two-factor sign-in (账号安全), or whose second factor an admin reset,
// and who has not set it up yet, passes only requireEnrollingUser (the /two-factor page and its
// actions): every other page, action, route handler and the co-editing socket refuse them
// (TWO_FACTOR_REQUIRED), so no path into the newsroom skips the second factor.
import 'server-only';

import { forbidden, redirect } from 'next/navigation';

import { can, type Capability } from '../access/capabilities';
import { AccessDenied } from '../access/denied';
import { getCurrentSession, type CurrentUser } from './current-user';

export { AccessDenied };

/** Where a person who owes a two-factor set-up is sent. */
export const TWO_FACTOR_PAGE = '/two-factor';

export async function requireUser(capability: Capability): Promise<CurrentUser> {
  const session = await getCurrentSession();
  if (!session) throw new AccessDenied('UNAUTHENTICATED');
  if (session.twoFactorPending) throw new AccessDenied('TWO_FACTOR_REQUIRED');
  if (!can(session.user.role, capability)) throw new AccessDenied('FORBIDDEN');
  return session.user;
}

/** The signed-in person, even one who still owes the two-factor set-up: only for setting it up. */
export async function requireEnrollingUser(): Promise<CurrentUser> {
  const session = await getCurrentSession();
  if (!session) throw new AccessDenied('UNAUTHENTICATED');
  if (!can(session.user.role, 'newsroom:enter')) throw new AccessDenied('FORBIDDEN');
  return session.user;
}

function pageRefusal(error: unknown, returnTo: string): never {
  if (!(error instanceof AccessDenied)) throw error;
  if (error.reason === 'UNAUTHENTICATED') redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (error.reason === 'TWO_FACTOR_REQUIRED') redirect(TWO_FACTOR_PAGE);
  forbidden();
}

export async function requirePageUser(capability: Capability, returnTo: string): Promise<CurrentUser> {
  try {
    return await requireUser(capability);
  } catch (error) {
    pageRefusal(error, returnTo);
  }
}

/** The /two-factor page: the person signed in, whether or not they still owe the set-up. */
export async function requireEnrollingPageUser(returnTo: string): Promise<CurrentUser> {
  try {
    return await requireEnrollingUser();
  } catch (error) {
    pageRefusal(error, returnTo);
  }
}

/** For pages: a data-layer refusal becomes the sign-in redirect, the two-factor set-up or the 403 page. */
export async function orPageDenied<T>(work: Promise<T>, returnTo: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    pageRefusal(error, returnTo);
  }
}
