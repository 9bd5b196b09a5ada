import { BlockList, isIP } from 'node:net';

/**
 * The addresses allowed to read /metrics: single addresses ("127.0.0.1", "::1") or CIDR ranges
 * ("10.0.0.0/8", "fd00::/8"). Throws on an entry that is neither, saying which.
 */
export function parseAllowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined)
      throw new Error(`"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128))
      throw new Error(`"${entry}" has a bad prefix length`);
    list.addSubnet(address, bits, type);
  }
  return list;
}

/** Whether the connection's peer address is in the list (an IPv4 peer seen as ::ffff:a.b.c.d counts as a.b.c.d). */
export function isAllowed(list: BlockList, peer: string | undefined): boolean {
  if (!peer) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(peer);
  const address = mapped ? mapped[1] : peer;
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
