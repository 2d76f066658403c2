// One import at a time per instance (issue 29: three confirms at once took the server to 1.4 GB).
// Later ones wait in arrival order and are told how many are ahead of them, each time that changes,
// so the page can say so. 0 means "now running".

export type QueuedJob<T> = { run: () => Promise<T>; onPosition: (ahead: number) => void };

export class ImportQueue {
  private running = false;
  private readonly waiting: { job: QueuedJob<unknown>; settle: () => Promise<void> }[] = [];

  /** How many jobs are running or waiting. */
  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  add<T>(job: QueuedJob<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = () => job.run().then(resolve, reject);
      this.waiting.push({ job, settle });
      if (this.running) job.onPosition(this.waiting.length);
      else this.next();
    });
  }

  private next(): void {
    const first = this.waiting.shift();
    if (!first) {
      this.running = false;
      return;
    }
    this.running = true;
    first.job.onPosition(0);
    this.waiting.forEach((entry, index) => entry.job.onPosition(index + 1));
    void first.settle().finally(() => this.next());
  }
}

const shared = globalThis as unknown as { __newsroomImportQueue?: ImportQueue };

/** The instance's one queue (kept on globalThis: Next may load a route's module more than once). */
export const importQueue: ImportQueue = (shared.__newsroomImportQueue ??= new ImportQueue());
