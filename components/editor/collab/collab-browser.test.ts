// The socket's retry timing: a co-editing process restarted by npm start is listening again within a
// second or two, and open editors must be back within a few seconds, not after Hocuspocus' default 30 s.
import { describe, expect, it } from 'vitest';

import { RECONNECT } from './collab-browser';

describe('reconnecting to the co-editing service', () => {
  it('tries again within 2 s however long the service was away', () => {
    expect(RECONNECT.maxDelay).toBeLessThanOrEqual(2_000);
    expect(RECONNECT.delay).toBeLessThanOrEqual(RECONNECT.maxDelay);
    expect(RECONNECT.minDelay).toBeLessThanOrEqual(RECONNECT.delay);
  });
});
