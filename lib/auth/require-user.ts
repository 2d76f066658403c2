// The one gate for non-public data (docs/architecture.md: Layout): every query and action that reads or writes it
// calls requireUser(capability) first. Pages use requirePageUser to turn a refusal into the sign-in
// redirect or the 403 page.
import 'server-only';

import { forbidden, redirect } from 'next/navigation';

import { can, type Capability } from '../access/capabilities';
import { AccessDenied } from '../access/denied';
import { getCurrentUser, type CurrentUser } from './current-user';

export { AccessDenied };

export async function requireUser(capability: Capability): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AccessDenied('UNAUTHENTICATED');
  if (!can(user.role, capability)) throw new AccessDenied('FORBIDDEN');
  return user;
}

export async function requirePageUser(capability: Capability, returnTo: string): Promise<CurrentUser> {
  try {
    return await requireUser(capability);
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    if (error.reason === 'UNAUTHENTICATED') redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
    forbidden();
  }
}

/** For pages: a data-layer refusal becomes the sign-in redirect or the 403 page. */
export async function orPageDenied<T>(work: Promise<T>, returnTo: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    if (error.reason === 'UNAUTHENTICATED') redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
    forbidden();
  }
}
