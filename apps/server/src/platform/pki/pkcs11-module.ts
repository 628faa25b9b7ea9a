// The PKCS#11 plumbing under pkcs11.ts: typed errors, the CKR_ codes it reacts to, and the process-wide
// registry of loaded libraries (C_Initialize / C_Finalize are per library and process, not per signer).
import type * as Graphene from 'graphene-pk11';

export type Pkcs11ErrorCode =
  | 'module_unavailable'
  | 'unknown_token'
  | 'wrong_pin'
  | 'pin_locked'
  | 'unknown_key'
  | 'unsupported_key'
  | 'no_certificate'
  | 'certificate_mismatch'
  | 'closed'
  | 'device_error';

export class Pkcs11SignerError extends Error {
  constructor(
    readonly code: Pkcs11ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'Pkcs11SignerError';
  }
}

// PKCS#11 v2.40 return values (fixed by the standard; spelled out so no native import is needed to read them).
export const CKR = {
  CANT_LOCK: 0x0a,
  KEY_HANDLE_INVALID: 0x60,
  MECHANISM_INVALID: 0x70,
  OBJECT_HANDLE_INVALID: 0x82,
  PIN_INCORRECT: 0xa0,
  PIN_LEN_RANGE: 0xa2,
  PIN_LOCKED: 0xa4,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  USER_ALREADY_LOGGED_IN: 0x100,
  USER_NOT_LOGGED_IN: 0x101,
  CRYPTOKI_ALREADY_INITIALIZED: 0x191,
} as const;
// Errors after which a fresh session and login usually succeed (token re-plugged, HSM fail-over, idle logout).
// Object handles are per session on some tokens, hence the key is looked up again after a new login.
export const RECOVERABLE = new Set<number>([
  CKR.KEY_HANDLE_INVALID,
  CKR.OBJECT_HANDLE_INVALID,
  CKR.SESSION_CLOSED,
  CKR.SESSION_HANDLE_INVALID,
  CKR.USER_NOT_LOGGED_IN,
]);

const CKF_OS_LOCKING_OK = 0x02;

export function pkcs11Code(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code !== 0 ? code : undefined;
}

type Library = { graphene: typeof Graphene; module: Graphene.Module };
/**
 * `owned`: this code called C_Initialize, so it calls C_Finalize. `threadSafe`: the library accepted
 * CKF_OS_LOCKING_OK, so operations on different sessions may run on libuv's worker threads at once.
 */
export type ModuleEntry = Library & { users: number; owned: boolean; threadSafe: boolean };
// Each library is dlopen'ed once and kept for the life of the process: SoftHSM2 (and some vendor modules)
// can crash when unloaded and loaded again, and pkcs11js dlcloses whenever a wrapper is garbage-collected.
const libraries = new Map<string, Promise<Library>>();
// C_Initialize / C_Finalize are process-wide per library, so signers on one library share an entry, counted.
const entries = new Map<string, ModuleEntry>();

export async function acquireModule(modulePath: string): Promise<ModuleEntry> {
  let pending = libraries.get(modulePath);
  if (!pending) {
    pending = loadLibrary(modulePath);
    libraries.set(modulePath, pending);
    pending.catch(() => libraries.delete(modulePath));
  }
  const library = await pending;
  // Synchronous from here on, so two opens racing cannot both C_Initialize.
  let entry = entries.get(modulePath);
  if (!entry) {
    entry = { ...library, users: 0, ...initialize(library.module, modulePath) };
    entries.set(modulePath, entry);
  }
  entry.users++;
  return entry;
}

async function loadLibrary(modulePath: string): Promise<Library> {
  try {
    const graphene = await import('graphene-pk11');
    return { graphene, module: graphene.Module.load(modulePath) };
  } catch (cause) {
    throw new Pkcs11SignerError('module_unavailable', `cannot load the PKCS#11 module ${modulePath}`, {
      cause,
    });
  }
}

/**
 * C_Initialize asking the library to lock with OS primitives. Without that flag PKCS#11 lets a library assume
 * one thread only, and SoftHSM2 then corrupts its heap when two sessions sign on worker threads at once
 * (observed: SIGSEGV / "malloc(): unaligned tcache chunk"). A library that cannot lock (CKR_CANT_LOCK) is
 * initialised plainly and used from the main thread only.
 */
function initialize(module: Graphene.Module, modulePath: string): { owned: boolean; threadSafe: boolean } {
  try {
    try {
      module.initialize({ flags: CKF_OS_LOCKING_OK });
      return { owned: true, threadSafe: true };
    } catch (cause) {
      if (pkcs11Code(cause) !== CKR.CANT_LOCK) throw cause;
      module.initialize();
      return { owned: true, threadSafe: false };
    }
  } catch (cause) {
    // Someone else in the process initialised it (flags unknown): use it serially, leave C_Finalize to them.
    if (pkcs11Code(cause) === CKR.CRYPTOKI_ALREADY_INITIALIZED) return { owned: false, threadSafe: false };
    throw new Pkcs11SignerError('module_unavailable', `cannot initialise ${modulePath}`, { cause });
  }
}

/** Drops one user; the last one calls C_Finalize (synchronously, so the next open initialises afresh). */
export function releaseModule(modulePath: string, entry: ModuleEntry): void {
  if (entries.get(modulePath) !== entry || --entry.users > 0) return;
  entries.delete(modulePath);
  if (entry.owned) entry.module.finalize();
}
