// The nginx front the end-to-end setup starts in front of the app (server/front.ts).
export const E2E_FRONT_PORT = Number(process.env.E2E_FRONT_PORT ?? 8100);
export const FRONT_URL = `http://127.0.0.1:${E2E_FRONT_PORT}`;
// The two-instance journey (e2e/instances.spec.ts): instance B and a front with A and B as upstream.
// E2E_PORT+1 is the co-editing process the global setup starts, so B takes E2E_PORT+2.
export const E2E_SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);
export const E2E_CLUSTER_FRONT_PORT = Number(process.env.E2E_CLUSTER_FRONT_PORT ?? E2E_FRONT_PORT + 1);
