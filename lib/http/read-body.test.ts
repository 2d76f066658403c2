import { describe, expect, it } from 'vitest';

import { BodyTooLarge, readLimitedBody } from './read-body';

function streamOf(chunks: number[], onPull: () => void = () => {}): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      onPull();
      if (index >= chunks.length) controller.close();
      else controller.enqueue(new Uint8Array(chunks[index++]!).fill(index));
    },
  });
}

describe('readLimitedBody', () => {
  it('joins a body up to the limit', async () => {
    const bytes = await readLimitedBody(streamOf([3, 4]), 7);
    expect(Array.from(bytes)).toEqual([1, 1, 1, 2, 2, 2, 2]);
  });

  it('stops reading as soon as the body passes the limit, without reading the rest', async () => {
    let pulls = 0;
    await expect(
      readLimitedBody(
        streamOf([5, 5, 5, 5, 5], () => (pulls += 1)),
        7,
      ),
    ).rejects.toBeInstanceOf(BodyTooLarge);
    expect(pulls).toBeLessThanOrEqual(3);
  });

  it('gives an empty body for no body', async () => {
    expect((await readLimitedBody(null, 10)).length).toBe(0);
  });
});
