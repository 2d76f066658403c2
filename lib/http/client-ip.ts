// The address a request came from. `next start` appends the socket's peer to X-Forwarded-For, so
// the last entry is the one nobody outside can forge; a reverse proxy in front becomes that peer,
// and TRUSTED_PROXY_HOPS=N tells us to step back N entries to the real client.
type HeaderSource = { get(name: string): string | null | undefined };

export function clientIp(headers: HeaderSource, trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const hops = Number.isInteger(trustedHops) && trustedHops > 0 ? trustedHops : 0;
  const chosen = forwarded[forwarded.length - 1 - hops] ?? forwarded[0] ?? headers.get('x-real-ip') ?? '';
  return chosen.replace(/^::ffff:/, '') || 'unknown';
}
