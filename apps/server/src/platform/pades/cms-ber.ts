import * as pkijs from 'pkijs';
import { OID, type ParsedCms } from './cms.ts';
import { readTlv, TAG, view } from './der.ts';
import { cert } from './trust.ts';

// The general CMS reader, with asn1js/pkijs: BER as well as DER (indefinite lengths, constructed OCTET
// STRINGs, as some signing tools stream out), and subject-key-identifier signer ids. It is the fallback of
// the fast DER reader in cms-read.ts: asn1js takes ~7 ms to parse a 7 KB CMS, too slow for the hot path.
// Only pkijs is called (it parses with its own asn1js); the blocks it returns are read structurally, so this
// works whichever asn1js major the rest of the server resolves.

/** The shape of the asn1js blocks pkijs hands back (the fields read here). */
type Block = {
  idBlock: { tagClass: number; tagNumber: number };
  valueBlock: { value?: Block[]; valueHexView?: Uint8Array };
  valueBeforeDecodeView: Uint8Array;
};

const raw = (block: unknown) => Buffer.from((block as Block).valueBeforeDecodeView);
const bufferOf = (ab: ArrayBuffer) => Buffer.from(new Uint8Array(ab));

/** Parses a DER/BER ContentInfo holding SignedData with one SignerInfo; throws on anything else. */
export function parseCmsBer(der: Buffer): ParsedCms {
  const info = pkijs.ContentInfo.fromBER(view(der));
  if (info.contentType !== OID.signedData) throw new Error('not SignedData');
  const sd = new pkijs.SignedData({ schema: info.content });
  const si = sd.signerInfos[0];
  if (!si || sd.signerInfos.length !== 1) throw new Error('expected one SignerInfo');
  const certificates = rawCertificates(info.content as Block);
  const attrs = (a: pkijs.SignedAndUnsignedAttributes | undefined) => {
    const map = new Map<string, Buffer[]>();
    for (const at of a?.attributes ?? [])
      map.set(at.type, [...(map.get(at.type) ?? []), ...at.values.map(raw)]);
    return map;
  };
  let signedAttrs: Buffer | null = null;
  if (si.signedAttrs) {
    signedAttrs = Buffer.from(new Uint8Array(si.signedAttrs.encodedValue));
    signedAttrs[0] = 0x31; // [0] IMPLICIT → SET OF, as signed (RFC 5652 §5.4)
  }
  const eContent = sd.encapContentInfo.eContent;
  const params = si.signatureAlgorithm.algorithmParams as Block | undefined;
  return {
    certificates,
    signerCert: findSignerCert(si, certificates),
    digestAlgorithm: si.digestAlgorithm.algorithmId,
    signatureAlgorithm: { oid: si.signatureAlgorithm.algorithmId, params: params ? raw(params) : null },
    signedAttrs,
    signed: attrs(si.signedAttrs),
    unsigned: attrs(si.unsignedAttrs),
    signature: bufferOf(si.signature.getValue()),
    eContentType: sd.encapContentInfo.eContentType,
    eContent: eContent ? bufferOf(eContent.getValue()) : null,
  };
}

/** The certificates [0] IMPLICIT SET of the SignedData sequence, each as its original bytes. */
function rawCertificates(signedData: Block): Buffer[] {
  const set = signedData.valueBlock.value?.find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 0);
  const members = set?.valueBlock.value ?? [];
  return members.filter((b) => b.idBlock.tagClass === 1 && b.idBlock.tagNumber === 16).map(raw);
}

function findSignerCert(si: pkijs.SignerInfo, certificates: Buffer[]): Buffer | null {
  for (const der of certificates) {
    let c: pkijs.Certificate;
    try {
      c = cert(der).pki;
    } catch {
      continue;
    }
    if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
      if (c.serialNumber.isEqual(si.sid.serialNumber) && c.issuer.isEqual(si.sid.issuer)) return der;
    } else if (subjectKeyId(der)?.equals(sidKeyId(si.sid))) {
      return der;
    }
  }
  return null;
}

/** The key identifier of a [0] SignerIdentifier, whether pkijs read it as primitive or as constructed. */
function sidKeyId(sid: unknown): Buffer {
  const inner = (sid as Block).valueBlock.value?.[0];
  const block = inner?.idBlock.tagClass === 1 && inner.idBlock.tagNumber === 4 ? inner : (sid as Block);
  return Buffer.from(block.valueBlock.valueHexView ?? []);
}

/** The subjectKeyIdentifier extension value of a certificate, or null. */
export function subjectKeyId(der: Buffer): Buffer | null {
  const ski = cert(der).pki.extensions?.find((e) => e.extnID === '2.5.29.14');
  if (!ski) return null;
  const value = Buffer.from(ski.extnValue.valueBlock.valueHexView);
  const inner = readTlv(value, 0); // KeyIdentifier ::= OCTET STRING
  return inner.tag === TAG.octetString ? value.subarray(inner.contentStart, inner.end) : null;
}

/** RSASSA-PSS parameters (RFC 4055): hash OID and salt length, defaults SHA-1 and 20. */
export function pssParams(params: Buffer | null): { hash: string; saltLength: number } {
  const out = { hash: OID.sha1 as string, saltLength: 20 };
  if (!params) return out;
  const p = pkijs.RSASSAPSSParams.fromBER(view(params));
  return { hash: p.hashAlgorithm.algorithmId, saltLength: p.saltLength };
}
