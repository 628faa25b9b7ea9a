// What other modules use of signatures: applying a signature to a document's PDF, and the signed-share KPI.

export { signedShare } from './use-cases/kpi.ts';
export { signDocument, signPdfAs } from './use-cases/sign.ts';
