import type { Catalog } from '../../platform/i18n/i18n.ts';

const columns = {
  en: {
    number: 'Number and code', date: 'Date', type_subject: 'Type and subject', signer: 'Signer', recipients: 'Recipients',
    kept_by: 'File copy kept by', copies: 'Copies', sent_at: 'Dispatched', receiver: 'Received by (signature)', notes: 'Notes',
    arrival_date: 'Arrival date', arrival_number: 'Arrival no.', author: 'Issuing body', receiving_unit: 'Receiving unit / person',
    transfer_date: 'Transferred', document: 'Document', deadline: 'Deadline', progress: 'Progress', reply_number: 'Reply no.',
  },
  ko: {
    number: '문서번호', date: '일자', type_subject: '종류·제목', signer: '결재권자', recipients: '수신처',
    kept_by: '보존 부서', copies: '부수', sent_at: '발송일', receiver: '수령인', notes: '비고',
    arrival_date: '접수일', arrival_number: '접수번호', author: '발신기관', receiving_unit: '처리 부서·담당자',
    transfer_date: '배부일', document: '문서', deadline: '처리기한', progress: '처리 상황', reply_number: '회신 문서번호',
  },
  vi: {
    number: 'Số, ký hiệu', date: 'Ngày tháng', type_subject: 'Tên loại và trích yếu', signer: 'Người ký', recipients: 'Nơi nhận',
    kept_by: 'Đơn vị, người nhận bản lưu', copies: 'Số lượng bản', sent_at: 'Ngày chuyển', receiver: 'Ký nhận', notes: 'Ghi chú',
    arrival_date: 'Ngày đến', arrival_number: 'Số đến', author: 'Tác giả', receiving_unit: 'Đơn vị, người nhận',
    transfer_date: 'Ngày chuyển', document: 'Văn bản', deadline: 'Thời hạn giải quyết', progress: 'Tiến độ giải quyết', reply_number: 'Số, ký hiệu VB trả lời',
  },
};
const prefixed = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`registers.${k}`, v]));

export const dispatchMessages: Catalog = {
  en: {
    ...prefixed(columns.en),
    'dispatch.not_approved': 'Only a document with final approval can be issued (now: {status}).',
    'dispatch.not_issued': 'Only an issued document can be recalled.',
    'dispatch.frozen': 'The sender recalled this document; its copy is frozen.',
    'dispatch.not_waiting': 'This copy has already been received or returned.',
    'dispatch.not_received': 'Receive the document first.',
    'dispatch.unit_not_in_agency': 'The unit does not belong to the receiving agency.',
    'dispatch.handler_not_in_agency': 'Handlers and readers must hold a post in the receiving agency.',
    'dispatch.not_assignable': 'This copy cannot be assigned in its current state.',
    'dispatch.lead_is_co': 'The lead handler cannot also be a co-handler.',
    'dispatch.not_in_handling': 'This copy is not being handled.',
    'dispatch.task_done': 'The task has already been reported as done.',
    'mail.overdue.subject': 'Overdue task: {subject}',
    'mail.overdue.body': 'Dear {name},\n\nThe task assigned by the document "{subject}" was due on {deadline} and has not been reported as done.\nPlease open CivicDesk to report its progress.\n\nCivicDesk',
  },
  ko: {
    ...prefixed(columns.ko),
    'dispatch.not_approved': '결재가 끝난 문서만 시행할 수 있습니다(현재: {status}).',
    'dispatch.not_issued': '시행된 문서만 회수할 수 있습니다.',
    'dispatch.frozen': '발신 기관이 회수한 문서입니다. 더 이상 처리할 수 없습니다.',
    'dispatch.not_waiting': '이미 접수되었거나 반송된 문서입니다.',
    'dispatch.not_received': '먼저 접수하세요.',
    'dispatch.unit_not_in_agency': '해당 부서는 수신 기관 소속이 아닙니다.',
    'dispatch.handler_not_in_agency': '처리담당자와 공람자는 수신 기관 소속이어야 합니다.',
    'dispatch.not_assignable': '현재 상태에서는 담당자를 지정할 수 없습니다.',
    'dispatch.lead_is_co': '주담당자는 협조 담당자를 겸할 수 없습니다.',
    'dispatch.not_in_handling': '처리 중인 문서가 아닙니다.',
    'dispatch.task_done': '이미 완료 보고된 과제입니다.',
    'mail.overdue.subject': '처리기한 경과: {subject}',
    'mail.overdue.body': '{name} 님,\n\n"{subject}" 문서로 지시된 과제의 처리기한({deadline})이 지났으나 완료 보고가 없습니다.\nCivicDesk에서 추진 상황을 보고해 주십시오.\n\nCivicDesk',
  },
  vi: {
    ...prefixed(columns.vi),
    'dispatch.not_approved': 'Chỉ phát hành được văn bản đã được ký duyệt (hiện tại: {status}).',
    'dispatch.not_issued': 'Chỉ thu hồi được văn bản đã phát hành.',
    'dispatch.frozen': 'Cơ quan gửi đã thu hồi văn bản; bản nhận đã bị khoá.',
    'dispatch.not_waiting': 'Văn bản này đã được tiếp nhận hoặc trả lại.',
    'dispatch.not_received': 'Hãy tiếp nhận văn bản trước.',
    'dispatch.unit_not_in_agency': 'Đơn vị không thuộc cơ quan nhận.',
    'dispatch.handler_not_in_agency': 'Người xử lý và người xem phải thuộc cơ quan nhận.',
    'dispatch.not_assignable': 'Không thể giao xử lý ở trạng thái hiện tại.',
    'dispatch.lead_is_co': 'Người chủ trì không đồng thời là người phối hợp.',
    'dispatch.not_in_handling': 'Văn bản không ở trạng thái đang xử lý.',
    'dispatch.task_done': 'Nhiệm vụ đã được báo cáo hoàn thành.',
    'mail.overdue.subject': 'Nhiệm vụ quá hạn: {subject}',
    'mail.overdue.body': 'Kính gửi {name},\n\nNhiệm vụ được giao tại văn bản "{subject}" có thời hạn {deadline} nhưng chưa được báo cáo hoàn thành.\nĐề nghị vào CivicDesk để báo cáo tiến độ.\n\nCivicDesk',
  },
};
