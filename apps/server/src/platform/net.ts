import { BlockList, isIPv4 } from 'node:net';

/** Builds a matcher for CIDR lists such as '10.0.0.0/8,::1/128' (used for the remote-access MFA rule). */
export function networkMatcher(cidrs: string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, bits] = cidr.split('/');
    if (!net) continue;
    const type = isIPv4(net) ? 'ipv4' : 'ipv6';
    list.addSubnet(net, Number(bits ?? (type === 'ipv4' ? 32 : 128)), type);
  }
  return (ip: string) => {
    const plain = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
    return list.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  };
}
