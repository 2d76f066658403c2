// One instant (ms since the epoch) written by one thread and read by another without a message: the
// app's thread writes when the reader data last expired, the edge's micro-cache reads it on every hit
// (server/edge.ts). Atomics, so a reader never sees half a write.
export class SharedInstant {
  readonly buffer: SharedArrayBuffer;
  private readonly cell: BigInt64Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.buffer = buffer;
    this.cell = new BigInt64Array(buffer);
  }

  get(): number {
    return Number(Atomics.load(this.cell, 0));
  }

  set(ms: number): void {
    Atomics.store(this.cell, 0, BigInt(Math.trunc(ms)));
  }
}
