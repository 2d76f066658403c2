// The newsroom first (issue 31): one Node process answers readers from its micro-cache and renders
// the newsroom. Under a flood of readers (wrk keeping 32 connections busy), every step of a newsroom
// render that waits for the next turn of the event loop (React and Next schedule work with
// setImmediate, streams and I/O) waited behind every reader answer ready in that turn, so the newsroom's
// p95 went from 55–135 ms to 160–252 ms (npm run bench:newsroom). While a newsroom request is being
// answered, reader answers go out at most READERS_PER_TURN per turn of the loop; the rest wait for the
// next turns. A reader client waiting for its answer sends nothing new, so the turns stay short and the
// newsroom's steps follow one another; with no newsroom request under way, readers are answered at once.
import type { ServerResponse } from 'node:http';

import { PRIVATE_ROUTES } from '../lib/http/cache-policy';

export const READERS_PER_TURN = 4;

/** Whether a request's path is the newsroom's (or sign-in, invitations, the API): never cached, served first. */
export function isNewsroomPath(url: string): boolean {
  return PRIVATE_ROUTES.test(url.split('?', 1)[0]!);
}

export class NewsroomFirst {
  private underWay = 0;
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(
    private readonly perTurn = READERS_PER_TURN,
    private readonly nextTurn: (run: () => void) => void = (run) => void setImmediate(run),
  ) {}

  /** Newsroom requests being answered now. */
  get inFlight(): number {
    return this.underWay;
  }

  /** Reader answers waiting for their turn. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Counts a newsroom request as under way until its response is done (or its connection gone). */
  track(response: ServerResponse): void {
    this.underWay += 1;
    response.once('close', () => {
      this.underWay -= 1;
    });
  }

  /** Whether a reader answer may go out now (no newsroom request under way, nobody waiting). */
  get idle(): boolean {
    return this.underWay === 0 && this.waiting.length === 0;
  }

  /** Sends a reader answer now, or in its turn while a newsroom request is under way. */
  reader(send: () => void): void {
    if (this.idle) return send();
    this.waiting.push(send);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.nextTurn(() => {
      this.scheduled = false;
      // With the newsroom done, everyone still waiting goes out in this turn.
      const count = this.underWay > 0 ? this.perTurn : this.waiting.length;
      for (const send of this.waiting.splice(0, count)) send();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
