import 'server-only';

import { headers } from 'next/headers';

import { clientIp } from './client-ip';

/** The client address of the request being handled (for the audit log and sign-in limits). */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
