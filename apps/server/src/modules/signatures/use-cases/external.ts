import type { Config } from '../../../config.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { readPkcs12 } from '../../../platform/pki/p12.ts';
import { openPkcs11Signer } from '../../../platform/pki/pkcs11.ts';
import { seal } from '../../../platform/seal.ts';
import { addExternal, type Holder } from './certificates.ts';

// Keys from outside the platform CA: a national CA's PKCS#12 file (the key is then sealed here), or a key that
// stays on a PKCS#11 token or HSM (only its label and the sealed PIN are kept; every signature opens the token).

export async function importPkcs12(
  ctx: Ctx,
  config: Config,
  actor: Actor,
  h: Holder,
  file: Buffer,
  password: string,
) {
  const parsed = await Promise.resolve()
    .then(() => readPkcs12(file, password))
    .catch((err: Error & { code?: string }) => {
      throw new AppError('bad_request', `signatures.p12.${err.code ?? 'not_pkcs12'}`);
    });
  const [certificate, ...chain] = parsed.certificates;
  if (!certificate) throw new AppError('bad_request', 'signatures.p12.no_matching_certificate');
  return addExternal(ctx, config, actor, h, { certificate, chain, source: 'pkcs12', key: parsed.key });
}

export type TokenInput = { module: string; tokenLabel: string; keyLabel: string; pin: string };

export async function bindPkcs11(ctx: Ctx, config: Config, actor: Actor, h: Holder, t: TokenInput) {
  if (!config.pkcs11Modules.includes(t.module))
    throw new AppError('bad_request', 'signatures.module_not_allowed');
  let certificates: Buffer[];
  try {
    const signer = await openPkcs11Signer({
      modulePath: t.module,
      tokenLabel: t.tokenLabel,
      keyLabel: t.keyLabel,
      pin: t.pin,
    });
    try {
      // Proves now that the PIN opens the token and the key signs, rather than at the first document.
      await signer.sign(Buffer.from('civicdesk token check'));
      certificates = signer.certificates;
    } finally {
      signer.close();
    }
  } catch (err) {
    throw new AppError('bad_request', `signatures.pkcs11.${(err as { code?: string }).code ?? 'failed'}`);
  }
  const [certificate, ...chain] = certificates;
  if (!certificate) throw new AppError('bad_request', 'signatures.pkcs11.no_certificate');
  return addExternal(ctx, config, actor, h, {
    certificate,
    chain,
    source: 'pkcs11',
    pkcs11: {
      module: t.module,
      tokenLabel: t.tokenLabel,
      keyLabel: t.keyLabel,
      sealedPin: seal(config.secret, t.pin),
    },
  });
}
