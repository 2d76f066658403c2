// One connection to PostgreSQL for the tools that talk to it directly (migrations, start-up checks,
// db:copy, backup). A connection that fails becomes one sentence: what failed and what to check.
import pg from 'pg';

import { ConfigError, describeTarget } from '../../config/database';

const CONNECT_TIMEOUT_MS = 5_000;

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return '连接被拒绝（服务器没有运行，或端口不对）';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return '找不到这个主机';
    case 'ETIMEDOUT':
      return '连接超时';
    case '28P01':
      return '密码错误';
    case '28000':
      return '用户无权连接（用户名或 pg_hba.conf 不对）';
    case '3D000':
      return '数据库不存在';
    default:
      return error instanceof Error && /timeout/i.test(error.message)
        ? '连接超时'
        : `连接失败（${error instanceof Error ? error.message : String(error)}）`;
  }
}

/** The one-line message for a failed connection (exported for the tests). */
export function connectionFailure(url: string, error: unknown): ConfigError {
  return new ConfigError(`无法连接 PostgreSQL：${reason(error)}。请检查 DATABASE_URL 的${describeTarget(url)}`);
}

export async function connectPostgres(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An error after connecting (the server going away) must not crash the process as unhandled.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionFailure(url, error);
  }
  return client;
}

export async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectPostgres(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
