// A failed sign-in sent from a chosen loopback address with a chosen X-Forwarded-For, as a client that
// reaches the app port itself could send it (issue 29); the caller reads which address was recorded.
import http from 'node:http';

type Answer = { status: number; body: string; cookies: string[] };

function send(url: string, options: http.RequestOptions, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, options, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (piece: string) => (text += piece));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: text,
          cookies: (response.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]!),
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

export async function forgedSignIn(
  baseUrl: string,
  options: { from: string; forwardedFor: string; email: string },
): Promise<number> {
  const csrf = await send(`${baseUrl}/api/auth/csrf`, { localAddress: options.from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email: options.email, password: 'not-the-password', json: 'true' });
  const answer = await send(
    `${baseUrl}/api/auth/callback/credentials`,
    {
      method: 'POST',
      localAddress: options.from,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: csrf.cookies.join('; '),
        'X-Forwarded-For': options.forwardedFor,
      },
    },
    form.toString(),
  );
  return answer.status;
}
