// Tag expiries broadcast between instances on several machines with PostgreSQL's LISTEN/NOTIFY on
// the newsroom's own database: no other server to run. Each instance listens on one connection and
// keeps the expiries it heard in memory, stamped with its own clock when they arrive (so the
// machines' clocks need not agree). A notification is only heard by those listening, so whenever
// the listening connection is (re)opened everything cached before that moment counts as expired,
// and while it is down nothing cached is served at all: readers then get fresh reads, never stale ones.
import { Client } from 'pg';

import { latestExpiry, type TagInvalidations } from './tag-invalidations';

export const CHANNEL = 'kecheng_reader_cache';
// NOTIFY payloads must stay under 8000 bytes; tags are short, so batches of this many fit.
const TAGS_PER_NOTIFY = 40;
const RECONNECT_MS = 1000;

type Options = { connectionString: string; now?: () => number; log?: (message: string) => void };

export class PgTagInvalidations implements TagInvalidations {
  private readonly known = new Map<string, number>();
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private readonly connectionString: string;
  private client: Client | null = null;
  /** Everything cached before this time is expired (the last (re)connect), or Infinity while disconnected. */
  private floor = Number.POSITIVE_INFINITY;
  private closed = false;
  private connecting: Promise<void> | null = null;

  constructor(options: Options) {
    this.connectionString = options.connectionString;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.error(message));
  }

  /** Opens the listening connection and keeps it open (retrying every second after a failure). */
  listen(): void {
    this.start().catch((error: unknown) => {
      this.log(
        `读者缓存：无法连接 PostgreSQL 监听失效通知（${error instanceof Error ? error.message : String(error)}），暂不使用缓存，稍后重试`,
      );
      this.retry();
    });
  }

  /** Opens the listening connection; resolves once LISTEN is in place (or rejects on the first failure). */
  start(): Promise<void> {
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async expire(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    const at = this.now();
    for (const tag of tags) this.known.set(tag, Math.max(this.known.get(tag) ?? 0, at));
    const batches: string[][] = [];
    for (let i = 0; i < tags.length; i += TAGS_PER_NOTIFY) batches.push(tags.slice(i, i + TAGS_PER_NOTIFY));
    // The listening connection if it is up, otherwise a connection of its own for this notice.
    const listening = this.client;
    const client = listening ?? new Client({ connectionString: this.connectionString });
    try {
      if (!listening) await client.connect();
      for (const batch of batches) await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(batch)]);
    } finally {
      if (!listening) await client.end().catch(() => undefined);
    }
  }

  expiredAt(tags: readonly string[]): number {
    if (this.floor === Number.POSITIVE_INFINITY) return this.now();
    return latestExpiry(this.known, tags, this.floor);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    this.floor = Number.POSITIVE_INFINITY;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      this.heard(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.floor = this.now();
  }

  private heard(payload: string): void {
    let tags: unknown;
    try {
      tags = JSON.parse(payload);
    } catch {
      return;
    }
    if (!Array.isArray(tags)) return;
    const at = this.now();
    for (const tag of tags) if (typeof tag === 'string') this.known.set(tag, Math.max(this.known.get(tag) ?? 0, at));
  }

  private lost(client: Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    this.floor = Number.POSITIVE_INFINITY;
    if (this.closed) return;
    this.log(
      `读者缓存：PostgreSQL 监听连接中断（${error ? error.message : '连接已关闭'}），${RECONNECT_MS / 1000} 秒后重连；其间不使用缓存`,
    );
    void client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    setTimeout(() => {
      if (!this.closed) this.listen();
    }, RECONNECT_MS).unref();
  }
}
