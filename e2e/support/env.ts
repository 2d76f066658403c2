// What the end-to-end server is started with, shared by the global setup and the specs.
import path from 'node:path';

export const E2E_DATA_DIR = path.resolve(import.meta.dirname, '..', '.tmp', 'data');
export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'E2e-root-password-1' } as const;
/** The first server's environment, written by the global setup, so that a spec can start a second instance on it. */
export const E2E_SERVER_ENV_FILE = path.resolve(import.meta.dirname, '..', '.tmp', 'server-env.json');
/** The instance with its micro-cache on that e2e/through-app.spec.ts starts (the first server runs without it). */
export const E2E_CACHED_PORT = Number(process.env.E2E_CACHED_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 3);
/**
 * The local double of the 公众号 API (test/support/wechat-double.ts) that e2e/wechat-push.spec.ts starts;
 * the server is given its address as WECHAT_API_BASE. E2E_PORT+1 is co-editing, +2 instance B, +3 the cached instance.
 */
export const E2E_WECHAT_PORT = Number(process.env.E2E_WECHAT_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 5);
