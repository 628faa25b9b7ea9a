import { X509Certificate } from 'node:crypto';

/**
 * Orders certificates as the Signer seam wants them: `leaf` first, then each issuer found in `pool` up to a
 * self-signed root (or as far as the pool goes). Issuers are matched by signature, not just by name, so two
 * CA generations with the same DN cannot be confused; unrelated certificates in the pool are dropped.
 */
export function orderChain(leaf: Buffer, pool: Buffer[]): Buffer[] {
  const chain = [leaf];
  const used = new Set<number>(pool.flatMap((cert, i) => (cert.equals(leaf) ? [i] : [])));
  let current = new X509Certificate(leaf);
  while (!(current.checkIssued(current) && current.verify(current.publicKey))) {
    const index = pool.findIndex((candidate, i) => {
      if (used.has(i)) return false;
      const issuer = new X509Certificate(candidate);
      return current.checkIssued(issuer) && current.verify(issuer.publicKey);
    });
    const next = pool[index];
    if (!next) break;
    used.add(index);
    chain.push(next);
    current = new X509Certificate(next);
  }
  return chain;
}
