// Hooks for the end-to-end tests only. They do nothing unless the server was started with
// E2E_TEST_HOOKS=1, which only e2e/support/global-setup.ts sets; a production server ignores the
// cookie below whatever a client sends.
import 'server-only';
import { cookies } from 'next/headers';

/** A test's browser sets this cookie to make story saves slow (milliseconds, at most 10 s). */
export const SAVE_DELAY_COOKIE = 'e2e-save-delay-ms';

export async function testOnlySaveDelay(env: Record<string, string | undefined> = process.env): Promise<void> {
  if (env.E2E_TEST_HOOKS !== '1') return;
  const ms = Number((await cookies()).get(SAVE_DELAY_COOKIE)?.value ?? 0);
  if (Number.isInteger(ms) && ms > 0 && ms <= 10_000) await new Promise((resolve) => setTimeout(resolve, ms));
}
