// One editor tab's saves, one at a time. Each save names the version it is based on; two saves in
// flight at once would both name the same version and the second would "conflict" with the first,
// although both came from the same person. So a save asked for while another is in flight waits for
// it, and then reads the version that save returned. Any number of requests made meanwhile are
// served by one follow-up save, which sends the newest text.
export class SaveQueue {
  private running: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;

  constructor(private readonly run: () => Promise<void>) {}

  /** Whether a save is in flight or waiting. */
  get busy(): boolean {
    return this.running !== null || this.followUp !== null;
  }

  /** Resolves once a save that started after this call has finished. */
  request(): Promise<void> {
    if (!this.running) return this.start();
    this.followUp ??= this.running.then(() => {
      this.followUp = null;
      return this.start();
    });
    return this.followUp;
  }

  private start(): Promise<void> {
    // A failed save must not stall the queue: the run reports its own errors.
    const current: Promise<void> = this.run()
      .catch(() => undefined)
      .finally(() => {
        if (this.running === current) this.running = null;
      });
    this.running = current;
    return current;
  }
}
