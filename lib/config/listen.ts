// Where the web server listens (HOST) and which socket peers may speak for a client through
// X-Forwarded-* (TRUSTED_PROXIES). Behind a front (TRUSTED_PROXY_HOPS > 0) the app port must not be
// reachable by clients: one that reached it directly could forge X-Forwarded-For, so the app then
// listens on loopback unless HOST says otherwise, and a forwarded address counts only when the peer
// is a listed proxy (lib/http/client-ip.ts).
import net from 'node:net';

import { ConfigError, type Env } from './database';

/** Loopback, IPv4 and IPv6: where the shipped front (deploy/nginx, npm run start:front) connects from. */
export const DEFAULT_TRUSTED_PROXIES = '127.0.0.0/8,::1';

const hopsOf = (env: Env): number => {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
};

/**
 * HOST, an IP address (or `localhost`); unset: 127.0.0.1 behind trusted proxies, else undefined
 * (every interface, as `npm start` on a LAN machine serves the newsroom).
 */
export function resolveHost(env: Env): string | undefined {
  const raw = env.HOST?.trim();
  if (raw) {
    if (raw !== 'localhost' && net.isIP(raw) === 0)
      throw new ConfigError(`HOST "${raw}" 不是 IP 地址：请设为 127.0.0.1（只在本机）、0.0.0.0 或本机的某个地址`);
    return raw;
  }
  return hopsOf(env) > 0 ? '127.0.0.1' : undefined;
}

/** One TRUSTED_PROXIES entry: an address or a CIDR range, IPv4 or IPv6. */
function addEntry(list: net.BlockList, entry: string): boolean {
  const [address = '', bits, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const prefix = Number(bits);
  if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address, prefix, type);
  return true;
}

/** The listed proxies as a BlockList, or the entry that is not an address (the start-up message names it). */
export function parseTrustedProxies(value: string): { ok: true; list: net.BlockList } | { ok: false; entry: string } {
  const list = new net.BlockList();
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (!addEntry(list, entry)) return { ok: false, entry };
  }
  return { ok: true, list };
}

export function resolveTrustedProxies(env: Env): net.BlockList {
  const parsed = parseTrustedProxies(env.TRUSTED_PROXIES?.trim() || DEFAULT_TRUSTED_PROXIES);
  if (!parsed.ok)
    throw new ConfigError(
      `TRUSTED_PROXIES 中的 "${parsed.entry}" 不是地址：请写前端代理的 IP 地址或网段，用逗号分开（如 127.0.0.1,10.0.0.0/8）`,
    );
  return parsed.list;
}

/** Whether `peer` (a socket's remote address, IPv4-mapped IPv6 included) is in `list`. */
export function isListedPeer(list: net.BlockList, peer: string): boolean {
  const address = peer.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const family = net.isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
