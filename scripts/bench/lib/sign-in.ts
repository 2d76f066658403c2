// How the benchmarks sign in: as a person would, through next-auth's credentials endpoint, keeping
// the cookies it sets (the CSRF cookie and the session token).
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

/** The Cookie header of a signed-in session, or an error naming the account. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/newsroom`, json: 'true' }),
  });
  const all = [...jar, ...cookiesOf(response)];
  if (!all.some((cookie) => cookie.includes('session-token=')))
    throw new Error(`sign-in as ${email} failed (${response.status})`);
  return all.join('; ');
}
