// What the official PDF shows: everything the renderer needs, already resolved to text. The documents
// module builds it from its records; the renderer knows nothing of the database.

export type Urgency = 'normal' | 'khan' | 'thuong_khan' | 'hoa_toc';
export type Confidentiality = 'normal' | 'mat' | 'toi_mat' | 'tuyet_mat';
export type Disclosure = 'public' | 'partial' | 'closed';

export type OfficialDocumentView = {
  country: 'vn' | 'kr';
  agency: {
    name: string;
    /** Vietnam: the superior body printed above the agency name (e.g. "UBND TỈNH LÂM SƠN" above a department). */
    parentName?: string | null;
    address?: string | null;
    phone?: string | null;
    email?: string | null;
    website?: string | null;
    /** Korea: postcode printed before the address ("우 12345"). */
    postcode?: string | null;
    /** Korea: fax number ("전송"). */
    fax?: string | null;
    /** Korea 발신명의, the agency head's title ("한빛구청장"); derived from the agency name when absent. */
    headTitle?: string | null;
  };
  /** Type code (QĐ, CT, TB, KH, BC, TTr, CĐ, GM, CV for công văn; GIAN 기안문, GANI 간이기안문). */
  typeCode: string;
  /** Printed type name (QUYẾT ĐỊNH, KẾ HOẠCH …); empty for a công văn and for Korean documents. */
  typeName: string;
  /** "12/UBND-VX", "15/QĐ-UBND", "기획예산과-123"; null before issuance (drafts print "Số: /…"). */
  numberText: string | null;
  /** Vietnam: the ký hiệu a draft prints after its blank number ("QĐ-UBND" gives "Số:      /QĐ-UBND"). */
  codeText?: string | null;
  /** Vietnam: place name of the date line ("Lâm Sơn"). */
  place: string | null;
  issuedAt: Date | null;
  subject: string;
  /** Sanitised HTML: p, br, strong/b, em/i, u, h1–h3, ul/ol/li, blockquote, table/tr/td/th. */
  bodyHtml: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  disclosure: Disclosure;
  /** Vietnam "Kính gửi" / Korea "수신". */
  mainRecipients: string[];
  /** Vietnam "Nơi nhận" list (the renderer appends "Lưu: VT, <unit>"); Korea "참조". */
  copyRecipients: string[];
  /** Vietnam: code of the drafting unit for "Lưu: VT, VX". */
  draftingUnitCode: string | null;
  /** The authorised signer. mark + onBehalfTitle give "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH". */
  signer: { name: string; title: string; mark?: string | null; onBehalfTitle?: string | null } | null;
  /** Korea 결문: every person on the approval line in order, with 전결/대결 marks and dates. */
  approvals: {
    role: 'drafter' | 'reviewer' | 'cooperator' | 'approver';
    position: string;
    name: string;
    mark?: string | null;
    date?: Date | null;
  }[];
  /** Korea (경유): the body a document passes through on its way, printed on the 두문. */
  via?: string | null;
  /** Korea 접수 line on a received copy. */
  receiptNumberText?: string | null;
  attachments: string[];
  /** Printed as a QR code and a short URL so anyone can verify the document (filled from the signatures work). */
  verifyUrl?: string | null;
};

/** Where a visible signature or seal image belongs, in PDF points on a 0-based page. */
export type Box = { page: number; x: number; y: number; width: number; height: number };

export type RenderedPdf = {
  bytes: Uint8Array;
  /** Vietnam: the signer's image box between title and name, and the seal box overlapping its left third. Korea: the approver's box and the seal beside the sender name. */
  boxes: { signer: Box | null; seal: Box | null };
  /** The empty signature fields over those boxes, by name ('signer', 'seal'), ready for incremental signing. */
  fields: string[];
  pages: number;
};
