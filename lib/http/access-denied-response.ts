import { AccessDenied } from '../auth/require-user';

/** Route handlers answer a refused request with 401/403 and a Chinese message; other errors propagate. */
export function accessDeniedResponse(error: unknown): Response {
  if (!(error instanceof AccessDenied)) throw error;
  return Response.json({ error: error.message }, { status: error.reason === 'UNAUTHENTICATED' ? 401 : 403 });
}
