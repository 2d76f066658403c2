// The nginx front the end-to-end setup starts in front of the app (scripts/lib/front.ts).
export const E2E_FRONT_PORT = Number(process.env.E2E_FRONT_PORT ?? 8100);
export const FRONT_URL = `http://127.0.0.1:${E2E_FRONT_PORT}`;
