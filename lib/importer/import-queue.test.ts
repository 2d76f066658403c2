import { describe, expect, it } from 'vitest';

import { ImportQueue } from './import-queue';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('ImportQueue', () => {
  it('runs one job at a time, in arrival order, telling each how many are ahead as that changes', async () => {
    const queue = new ImportQueue();
    const gates = [gate(), gate(), gate()];
    const positions: number[][] = [[], [], []];
    const started: number[] = [];
    const results = gates.map((g, index) =>
      queue.add({
        run: async () => {
          started.push(index);
          await g.opened;
          return `job ${index}`;
        },
        onPosition: (ahead) => positions[index]!.push(ahead),
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0]);
    expect(queue.size).toBe(3);
    expect(positions).toEqual([[0], [1], [2]]);
    gates[0]!.open();
    expect(await results[0]).toBe('job 0');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([0, 1]);
    expect(positions).toEqual([[0], [1, 0], [2, 1]]);
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all(results)).toEqual(['job 0', 'job 1', 'job 2']);
    expect(positions[2]).toEqual([2, 1, 0]);
    expect(queue.size).toBe(0);
  });
  it('goes on with the next job when one fails, and passes the failure to its caller', async () => {
    const queue = new ImportQueue();
    const failed = queue.add({ run: () => Promise.reject(new Error('内存不足')), onPosition: () => {} });
    const next = queue.add({ run: async () => 'ok', onPosition: () => {} });
    await expect(failed).rejects.toThrow('内存不足');
    expect(await next).toBe('ok');
  });
});
