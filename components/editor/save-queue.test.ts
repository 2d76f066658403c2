import { describe, expect, it } from 'vitest';
import { SaveQueue } from './save-queue';

/** A server with an optimistic lock, slow to answer, and a tab that saves whatever version it last got. */
function setUp(delayMs = 20) {
  const server = { version: 1, conflicts: 0, inFlight: 0, maxInFlight: 0, saved: [] as string[] };
  const tab = { version: 1, text: '' };
  const queue = new SaveQueue(async () => {
    const base = tab.version;
    const text = tab.text;
    server.inFlight += 1;
    server.maxInFlight = Math.max(server.maxInFlight, server.inFlight);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    server.inFlight -= 1;
    if (base !== server.version) {
      server.conflicts += 1;
      return;
    }
    server.version += 1;
    server.saved.push(text);
    tab.version = server.version;
  });
  return { server, tab, queue };
}

describe('SaveQueue', () => {
  it('never has two saves of one tab in flight, so they never conflict with each other', async () => {
    const { server, tab, queue } = setUp();
    const requests: Promise<void>[] = [];
    for (let i = 1; i <= 30; i += 1) {
      tab.text = '字'.repeat(i);
      requests.push(queue.request());
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await Promise.all(requests);
    expect(server.conflicts).toBe(0);
    expect(server.maxInFlight).toBe(1);
    expect(server.saved.at(-1)).toBe('字'.repeat(30));
  });

  it('serves every request made during a save with one follow-up save of the newest text', async () => {
    const { server, tab, queue } = setUp();
    tab.text = 'a';
    const first = queue.request();
    tab.text = 'ab';
    const second = queue.request();
    tab.text = 'abc';
    const third = queue.request();
    expect(second).toBe(third);
    expect(queue.busy).toBe(true);
    await Promise.all([first, second, third]);
    expect(server.saved).toEqual(['a', 'abc']);
    expect(queue.busy).toBe(false);
  });

  it('carries on after a failed save', async () => {
    let calls = 0;
    const queue = new SaveQueue(async () => {
      calls += 1;
      if (calls === 1) throw new Error('network');
    });
    const failed = queue.request();
    await queue.request();
    await failed;
    expect(calls).toBe(2);
  });
});
