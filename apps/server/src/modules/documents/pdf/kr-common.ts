import type { Faces } from './fonts.ts';
import { textWidth } from './fonts.ts';
import { krItemMarker, krShortDate } from './format.ts';
import type { FlowStyle } from './html-flow.ts';
import { A4, type Margins, mm } from './layout.ts';
import type { OfficialDocumentView } from './view.ts';

// Shared by the two Korean forms (별지 제1호서식 기안문/시행문 and 제2호서식 간이기안문).

export const KR_MARGINS: Margins = { top: mm(20), bottom: mm(15), left: mm(20), right: mm(20) };
export const KR_WIDTH = A4.width - KR_MARGINS.left - KR_MARGINS.right;
export const KR_BODY = 12;

export function krBodyStyle(faces: Faces): FlowStyle {
  const base = { faces, size: KR_BODY, leading: 1.6, paraGap: 3, firstIndent: 0, align: 'justify' as const };
  return { ...base, bullet: '-', lists: 'hanging', ordered: krItemMarker };
}

export type Approval = OfficialDocumentView['approvals'][number];

/** The signing line without cooperators, in order; the last approver is the one whose box signs. */
export function signingLine(view: OfficialDocumentView): { steps: Approval[]; finalIndex: number } {
  const steps = view.approvals.filter((a) => a.role !== 'cooperator');
  let finalIndex = -1;
  steps.forEach((a, i) => {
    if (a.role === 'approver') finalIndex = i;
  });
  return { steps, finalIndex: finalIndex >= 0 ? finalIndex : steps.length - 1 };
}

export const cooperators = (view: OfficialDocumentView): Approval[] =>
  view.approvals.filter((a) => a.role === 'cooperator');

/** "전결 03/05": the delegation mark and the signing date that stand before a signature. */
export function markAndDate(step: Approval): string {
  return [step.mark ?? '', step.date ? krShortDate(step.date) : ''].filter(Boolean).join(' ');
}

/** 발신명의: the agency head's title. "한빛구청" → "한빛구청장", "한빛시청" → "한빛시장", "한빛도청" → "한빛도지사". */
export function senderName(agency: OfficialDocumentView['agency']): string {
  if (agency.headTitle) return agency.headTitle;
  const name = agency.name.trim();
  if (name.endsWith('시청')) return `${name.slice(0, -1)}장`;
  if (name.endsWith('도청')) return `${name.slice(0, -1)}지사`;
  return `${name}장`;
}

export function widthOf(faces: Faces, text: string, size: number, bold = false): number {
  return textWidth(bold ? faces.bold : faces.regular, text, size);
}
