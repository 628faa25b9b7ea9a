import { renderKr } from './render-kr.ts';
import { renderKrSimple } from './render-kr-gani.ts';
import { renderVn } from './render-vn.ts';
import type { OfficialDocumentView, RenderedPdf } from './view.ts';

// The official PDF of an issued document, in the format of the issuing country: Vietnam's Decree
// 30/2020/NĐ-CP Appendix I, or Korea's 행정업무규정 시행규칙 별지 제1호서식 (기안문/시행문) and
// 제2호서식 (간이기안문, type GANI). Fonts and layout rules live in the files beside this one.
export async function renderOfficialPdf(view: OfficialDocumentView): Promise<RenderedPdf> {
  if (view.country === 'vn') return renderVn(view);
  return view.typeCode === 'GANI' ? renderKrSimple(view) : renderKr(view);
}
