import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderOfficialPdf } from '@civicdesk/server/src/modules/documents/pdf/render.ts';
import type { OfficialDocumentView } from '@civicdesk/server/src/modules/documents/pdf/view.ts';
import { keySigner } from '@civicdesk/server/src/platform/pades/key-signer.ts';
import { signField } from '@civicdesk/server/src/platform/pades/sign.ts';
import { verifyPdf } from '@civicdesk/server/src/platform/pades/verify.ts';
import { createTestPki } from '@civicdesk/server/test/pki-openssl.ts';
import { databaseKind, type LoadFigures, percentile, report, settings } from './lib.ts';

// PAdES signing and verification without HTTP or database (the platform/pades library alone): official PDFs
// of issued size (Vietnamese format, 1 to 9 pages, ~40–300 KB) are signed by the approver (RSA 2048, blue
// signature image and caption) and then sealed by the clerk (EC P-256, red seal image), each an incremental
// revision passed through the post-signing gate; the sealed files are then verified (chain, trust, revision
// diff). BENCH_SIGN_CONCURRENCY operations are in flight at once (default 8), for BENCH_DURATION seconds
// each after BENCH_WARMUP seconds of warm-up. B-B only: a B-T timestamp measures the TSA, not this code.

const concurrency = Number(process.env.BENCH_SIGN_CONCURRENCY) || 8;
const { durationSec, warmupSec } = settings; // BENCH_DURATION (10 s), BENCH_WARMUP (5 s) as in lib.ts
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../apps/server/test/fixtures');
const signatureImage = readFileSync(path.join(fixtures, 'signature.png'));
const sealImage = readFileSync(path.join(fixtures, 'seal.png'));

const article = (n: number) =>
  `<p><strong>Điều ${n}.</strong> Các cơ quan, đơn vị có liên quan tổ chức thực hiện, phân công trách nhiệm và
   triển khai các nhiệm vụ được giao theo đúng quy định của pháp luật; chủ động bố trí nguồn lực, bảo đảm
   tiến độ, chất lượng và định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh.</p>`;

function decision(articles: number): OfficialDocumentView {
  return {
    country: 'vn',
    agency: { name: 'Sở Văn hóa, Thể thao và Du lịch', parentName: 'UBND tỉnh Lâm Sơn' },
    typeCode: 'QĐ',
    typeName: 'Quyết định',
    numberText: '15/QĐ-SVHTTDL',
    place: 'Lâm Sơn',
    issuedAt: new Date('2026-01-08T03:00:00Z'),
    subject: 'Về việc ban hành Quy chế tổ chức và hoạt động của Trung tâm Văn hóa tỉnh',
    bodyHtml: `<h1>QUYẾT ĐỊNH:</h1>${Array.from({ length: articles }, (_, i) => article(i + 1)).join('')}`,
    urgency: 'normal',
    confidentiality: 'normal',
    disclosure: 'public',
    mainRecipients: ['Như Điều 3'],
    copyRecipients: ['Văn phòng UBND tỉnh'],
    draftingUnitCode: 'VP',
    signer: { name: 'Trần Thị Bích Hạnh', title: 'Giám đốc' },
    approvals: [],
    attachments: [],
    verifyUrl: 'https://eoffice.lamson.gov.vn/verify/2026-SVHTTDL-000015',
  };
}

type Phase = { figures: LoadFigures; p95: number; ops: number };

/** Runs `op` with `concurrency` in flight for the duration; latency per call in ms. */
async function measure(op: (i: number) => Promise<number>, seconds: number): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  let units = 0;
  let i = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const lane = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        const made = await op(i++); // (not `units += await …`: that reads units before the await)
        units += made;
        latencies.push(performance.now() - t);
      } catch (e) {
        errors++;
        if (errors === 1) console.error(e);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const figures: LoadFigures = {
    requestsPerSec: Math.round((units / elapsed) * 10) / 10,
    latencyP50: percentile(latencies, 50),
    latencyP99: percentile(latencies, 99),
    requests: units,
    errors,
    timeouts: 0,
    non2xx: 0,
  };
  return { figures, p95: percentile(latencies, 95), ops: latencies.length };
}

const pki = createTestPki({ signers: 1 });
const trustAnchors = [pki.root.der];
try {
  const approver = keySigner(pki.signers[0]!.key, pki.chain(pki.signers[0]!));
  const clerk = keySigner(pki.ecSigner.key, pki.chain(pki.ecSigner));
  const documents = await Promise.all(
    [2, 12, 40, 70].map(async (n) => Buffer.from((await renderOfficialPdf(decision(n))).bytes)),
  );
  const sizesKb = documents.map((d) => Math.round(d.length / 1024));
  console.log(`signatures: ${concurrency} in flight, documents of ${sizesKb.join(', ')} KB`);
  const rssStart = Math.round(process.memoryUsage().rss / 2 ** 20);
  let peak = rssStart;
  const sampler = setInterval(() => {
    peak = Math.max(peak, Math.round(process.memoryUsage().rss / 2 ** 20));
  }, 100);
  const sealedSamples: Buffer[] = [];
  const signAndSeal = async (i: number) => {
    const signingTime = new Date();
    const pdf = documents[i % documents.length]!;
    const signed = await signField(pdf, {
      field: 'signer',
      signer: approver,
      signingTime,
      appearance: { image: signatureImage, caption: signingTime.toISOString() },
    });
    const sealed = await signField(signed, {
      field: 'seal',
      signer: clerk,
      signingTime,
      appearance: { image: sealImage },
    });
    if (sealedSamples.length < documents.length && i < documents.length) sealedSamples[i] = sealed;
    return 2; // signatures made
  };
  const verify = async (i: number) => {
    const r = await verifyPdf(sealedSamples[i % sealedSamples.length]!, { trustAnchors });
    if (r.altered || r.signatures.some((s) => !s.trusted))
      throw new Error(`verification failed: ${JSON.stringify(r)}`);
    return 1;
  };
  for (let i = 0; i < documents.length; i++) await signAndSeal(i);
  if (warmupSec > 0) await measure(signAndSeal, warmupSec);
  const sign = await measure(signAndSeal, durationSec);
  if (warmupSec > 0) await measure(verify, warmupSec);
  const check = await measure(verify, durationSec);
  clearInterval(sampler);
  const figures = {
    'sign: signatures/s (approver RSA + seal EC, gate included); latency per signer+seal pair': sign.figures,
    'verify: documents/s (2 signatures each)': check.figures,
  };
  console.log(
    `sign: ${sign.figures.requestsPerSec} signatures/s, pair p50 ${sign.figures.latencyP50} ms, p95 ${sign.p95} ms`,
  );
  console.log(
    `verify: ${check.figures.requestsPerSec} documents/s, p50 ${check.figures.latencyP50} ms, p95 ${check.p95} ms`,
  );
  report('signatures', databaseKind(), { rssAfterSeedMb: rssStart, peakRssMb: peak }, figures, {
    concurrency,
    durationSec,
    documentSizesKb: sizesKb,
    sealedSizesKb: sealedSamples.map((d) => Math.round(d.length / 1024)),
    signLatencyP95Ms: sign.p95,
    verifyLatencyP95Ms: check.p95,
    note: 'no database or HTTP involved; db is whichever the runner selected',
  });
} finally {
  pki.cleanup();
}
