// A Signer whose private key stays inside a PKCS#11 token or HSM (SoftHSM2 in tests; national-CA USB tokens,
// network HSMs in production), through graphene-pk11 on the pkcs11js native addon. The addon is imported
// lazily so a server built without it (no compiler, no HSM) still starts; only opening a token then fails.
import { createHash, randomBytes, verify, X509Certificate } from 'node:crypto';
import type * as Graphene from 'graphene-pk11';
import type { KeyAlgorithm, Signer } from '../pades/types.ts';
import { orderChain } from './chain.ts';
import { rawEcdsaToDer } from './ecdsa.ts';
import {
  acquireModule,
  CKR,
  type ModuleEntry,
  Pkcs11SignerError,
  pkcs11Code,
  RECOVERABLE,
  releaseModule,
} from './pkcs11-module.ts';

// DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1), for tokens that only offer raw CKM_RSA_PKCS.
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export type Pkcs11TokenOptions = { modulePath: string; tokenLabel: string; pin: string };
export type Pkcs11SignerOptions = Pkcs11TokenOptions & {
  keyLabel: string;
  /** DER chain, signer first. Left out: read from the token (the certificate with the key's id or label). */
  certificates?: Buffer[];
};
export type Pkcs11Signer = Signer & { close(): void };
export { type Pkcs11ErrorCode, Pkcs11SignerError } from './pkcs11-module.ts';
export type Pkcs11KeyInfo = {
  label: string;
  id: string;
  algorithm: KeyAlgorithm | 'other';
  hasCertificate: boolean;
};

/** Runs `use` with a logged-in session on the named token, then closes it (and the module when unused). */
async function withToken<T>(options: Pkcs11TokenOptions, use: (t: TokenSession) => T): Promise<T> {
  const entry = await acquireModule(options.modulePath);
  try {
    const token = openToken(entry, options);
    try {
      return use(token);
    } finally {
      token.session.close();
    }
  } finally {
    releaseModule(options.modulePath, entry);
  }
}

type TokenSession = { graphene: typeof Graphene; session: Graphene.Session };

function openToken(entry: ModuleEntry, options: Pkcs11TokenOptions): TokenSession {
  const { graphene } = entry;
  let session: Graphene.Session;
  try {
    const slot = findSlot(entry.module, options.tokenLabel);
    if (!slot)
      throw new Pkcs11SignerError('unknown_token', `no token labelled "${options.tokenLabel}" is present`);
    session = slot.open(graphene.SessionFlag.SERIAL_SESSION);
  } catch (cause) {
    if (cause instanceof Pkcs11SignerError) throw cause;
    throw new Pkcs11SignerError('device_error', `cannot open a session on "${options.tokenLabel}"`, {
      cause,
    });
  }
  try {
    session.login(options.pin, graphene.UserType.USER);
  } catch (cause) {
    const code = pkcs11Code(cause);
    // Login state is per token and application: another signer on this token may already have logged in.
    if (code === CKR.USER_ALREADY_LOGGED_IN) return { graphene, session };
    session.close();
    if (code === CKR.PIN_INCORRECT || code === CKR.PIN_LEN_RANGE) {
      throw new Pkcs11SignerError('wrong_pin', `wrong PIN for token "${options.tokenLabel}"`, { cause });
    }
    if (code === CKR.PIN_LOCKED) {
      throw new Pkcs11SignerError('pin_locked', `the PIN of token "${options.tokenLabel}" is locked`, {
        cause,
      });
    }
    throw new Pkcs11SignerError('device_error', `login to token "${options.tokenLabel}" failed`, { cause });
  }
  return { graphene, session };
}

function findSlot(module: Graphene.Module, tokenLabel: string): Graphene.Slot | undefined {
  const slots = module.getSlots(true);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots.items(i);
    // Token labels are blank-padded to 32 bytes in CK_TOKEN_INFO.
    if (slot.getToken().label.trim() === tokenLabel.trim()) return slot;
  }
  return undefined;
}

function findPrivateKey({ graphene, session }: TokenSession, keyLabel: string): Graphene.PrivateKey {
  const found = session.find({ class: graphene.ObjectClass.PRIVATE_KEY, label: keyLabel });
  if (found.length === 0)
    throw new Pkcs11SignerError('unknown_key', `no private key labelled "${keyLabel}" on the token`);
  return found.items(0).toType<Graphene.PrivateKey>();
}

function algorithmOf(graphene: typeof Graphene, key: Graphene.PrivateKey): KeyAlgorithm | 'other' {
  if (key.type === graphene.KeyType.RSA) return 'rsa';
  if (key.type === graphene.KeyType.EC) return 'ecdsa';
  return 'other';
}

/** All X.509 certificates on the token, with the key's own (same CKA_ID, else same label) first. */
function tokenCertificates({ graphene, session }: TokenSession, key: Graphene.PrivateKey): Buffer[] {
  const all: { id: Buffer; label: string; value: Buffer }[] = [];
  const found = session.find({ class: graphene.ObjectClass.CERTIFICATE });
  for (let i = 0; i < found.length; i++) {
    const cert = found.items(i).toType<Graphene.X509Certificate>();
    all.push({ id: cert.id, label: cert.label, value: cert.value });
  }
  const own =
    (key.id.length > 0 ? all.find((c) => c.id.equals(key.id)) : undefined) ??
    all.find((c) => c.label === key.label);
  if (!own) return [];
  return orderChain(
    own.value,
    all.map((c) => c.value),
  );
}

/**
 * Opens a PKCS#11 signer: finds the token and the private key by label, logs in, and checks with one test
 * signature that the key really belongs to the certificate (a wrongly bound key would only surface later,
 * as PDFs that fail verification). Call close() when done; the module is finalised with its last user.
 */
export async function openPkcs11Signer(options: Pkcs11SignerOptions): Promise<Pkcs11Signer> {
  const entry = await acquireModule(options.modulePath);
  let signer: TokenSigner;
  try {
    signer = new TokenSigner(entry, options);
  } catch (error) {
    releaseModule(options.modulePath, entry);
    throw error;
  }
  try {
    await signer.checkBinding();
  } catch (error) {
    signer.close();
    throw error;
  }
  return signer;
}

/** Lists the token's private keys for the admin binding screen (labels, hex ids, whether a certificate is there). */
export async function listPkcs11Keys(options: Pkcs11TokenOptions): Promise<Pkcs11KeyInfo[]> {
  return withToken(options, (token) => {
    const { graphene, session } = token;
    const found = session.find({ class: graphene.ObjectClass.PRIVATE_KEY });
    const keys: Pkcs11KeyInfo[] = [];
    for (let i = 0; i < found.length; i++) {
      const key = found.items(i).toType<Graphene.PrivateKey>();
      keys.push({
        label: key.label,
        id: key.id.toString('hex'),
        algorithm: algorithmOf(graphene, key),
        hasCertificate: tokenCertificates(token, key).length > 0,
      });
    }
    return keys;
  });
}

class TokenSigner implements Pkcs11Signer {
  readonly certificates: Buffer[];
  readonly algorithm: KeyAlgorithm;
  private token: TokenSession;
  private key: Graphene.PrivateKey;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private useRawRsa = false;

  constructor(
    private readonly entry: ModuleEntry,
    private readonly options: Pkcs11SignerOptions,
  ) {
    this.token = openToken(entry, options);
    try {
      this.key = findPrivateKey(this.token, options.keyLabel);
      const algorithm = algorithmOf(entry.graphene, this.key);
      if (algorithm === 'other')
        throw new Pkcs11SignerError('unsupported_key', 'only RSA and EC keys can sign');
      this.algorithm = algorithm;
      this.certificates = options.certificates?.length
        ? options.certificates
        : tokenCertificates(this.token, this.key);
      if (this.certificates.length === 0) {
        throw new Pkcs11SignerError(
          'no_certificate',
          `no certificate for key "${options.keyLabel}" on the token`,
        );
      }
    } catch (error) {
      this.token.session.close();
      throw error;
    }
  }

  /** Signs a random challenge and verifies it with the certificate's public key. */
  async checkBinding(): Promise<void> {
    const challenge = randomBytes(32);
    const signature = await this.sign(challenge);
    const [leaf] = this.certificates;
    const publicKey = new X509Certificate(leaf ?? Buffer.alloc(0)).publicKey;
    if (!verify('sha256', challenge, publicKey, signature)) {
      throw new Pkcs11SignerError(
        'certificate_mismatch',
        `key "${this.options.keyLabel}" does not match the certificate`,
      );
    }
  }

  /** PKCS#11 sessions are not safe for concurrent operations: calls queue up on a promise chain (a mutex). */
  sign(data: Buffer): Promise<Buffer> {
    const run = this.queue.then(() => this.signWithRetry(data));
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.token.session.close();
    } catch {
      // The session may already be gone (token removed); finalising below still releases the library.
    }
    releaseModule(this.options.modulePath, this.entry);
  }

  private async signWithRetry(data: Buffer): Promise<Buffer> {
    if (this.closed) throw new Pkcs11SignerError('closed', 'the PKCS#11 signer is closed');
    try {
      return await this.signOnce(data);
    } catch (error) {
      const code = pkcs11Code(error);
      if (code === undefined || !RECOVERABLE.has(code)) throw this.deviceError(error);
      this.reopen();
      try {
        return await this.signOnce(data);
      } catch (retryError) {
        throw this.deviceError(retryError);
      }
    }
  }

  private async signOnce(data: Buffer): Promise<Buffer> {
    const { session } = this.token;
    if (this.algorithm === 'ecdsa') {
      // CKM_ECDSA signs a digest and returns raw r||s; the Signer seam promises DER SEQUENCE { r, s }.
      const digest = createHash('sha256').update(data).digest();
      return rawEcdsaToDer(await this.signWith(session.createSign('ECDSA', this.key), digest));
    }
    if (!this.useRawRsa) {
      try {
        return await this.signWith(session.createSign('SHA256_RSA_PKCS', this.key), data);
      } catch (error) {
        if (pkcs11Code(error) !== CKR.MECHANISM_INVALID) throw error;
        this.useRawRsa = true; // some smart-card tokens only offer CKM_RSA_PKCS over a DigestInfo
      }
    }
    const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, createHash('sha256').update(data).digest()]);
    return this.signWith(session.createSign('RSA_PKCS', this.key), digestInfo);
  }

  private signWith(signer: Graphene.Sign, data: Buffer): Promise<Buffer> {
    return signOn(this.entry, signer, data);
  }

  /** A new session and login after the old one was invalidated; the key handle is looked up again. */
  private reopen(): void {
    try {
      this.token.session.close();
    } catch {
      // already invalid
    }
    this.token = openToken(this.entry, this.options);
    this.key = findPrivateKey(this.token, this.options.keyLabel);
  }

  private deviceError(error: unknown): Error {
    if (error instanceof Pkcs11SignerError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new Pkcs11SignerError('device_error', `signing on the token failed: ${detail}`, { cause: error });
  }
}

/**
 * The callback form of C_Sign runs on a libuv worker thread, so a slow token never blocks the event loop; a
 * library that cannot lock for itself signs synchronously instead, so no two of its calls ever overlap.
 */
function signOn(entry: ModuleEntry, signer: Graphene.Sign, data: Buffer): Promise<Buffer> {
  if (!entry.threadSafe) return Promise.resolve().then(() => signer.once(data));
  return new Promise((resolve, reject) => {
    signer.once(data, (error, signature) => (error ? reject(error) : resolve(signature)));
  });
}
