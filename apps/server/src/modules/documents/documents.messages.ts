import type { Catalog } from '../../platform/i18n/i18n.ts';

export const documentsMessages: Catalog = {
  en: {
    'documents.bad_recipient_agency':
      'A recipient agency is unknown, inactive, or the drafting agency itself.',
    'documents.bad_recipient_unit': 'A recipient unit does not belong to the drafting agency.',
    'documents.type_not_in_profile':
      "The document type {type} does not exist in this agency's country profile.",
    'documents.not_editable': 'The document cannot be changed in its current state ({status}).',
    'documents.stale_version':
      'Someone changed this document meanwhile. Reload it and apply your changes again.',
    'documents.approver_edits_text_only':
      'An approver may edit the subject and text, not the type or recipients.',
    'documents.bad_cursor': 'The page cursor is not valid.',
    'documents.no_file': 'Choose a file to upload.',
    'documents.bad_reply_target': 'A reply must answer an incoming document that you handle in this agency.',
  },
  ko: {
    'documents.bad_recipient_agency': '수신 기관이 없거나 비활성 상태이거나 기안 기관 자신입니다.',
    'documents.bad_recipient_unit': '수신 부서가 기안 기관 소속이 아닙니다.',
    'documents.type_not_in_profile': '문서 종류 {type}은(는) 이 기관의 국가 프로필에 없습니다.',
    'documents.not_editable': '현재 상태({status})에서는 문서를 고칠 수 없습니다.',
    'documents.stale_version': '그사이 다른 사람이 문서를 고쳤습니다. 다시 불러온 뒤 변경 사항을 적용하세요.',
    'documents.approver_edits_text_only':
      '결재자는 제목과 본문만 고칠 수 있고 종류나 수신자는 바꿀 수 없습니다.',
    'documents.bad_cursor': '페이지 커서가 올바르지 않습니다.',
    'documents.no_file': '올릴 파일을 선택하세요.',
    'documents.bad_reply_target':
      '회신은 이 기관에서 본인이 처리하는 접수 문서에 대해서만 작성할 수 있습니다.',
  },
  vi: {
    'documents.bad_recipient_agency':
      'Cơ quan nhận không tồn tại, đã ngừng hoạt động hoặc chính là cơ quan soạn thảo.',
    'documents.bad_recipient_unit': 'Đơn vị nhận không thuộc cơ quan soạn thảo.',
    'documents.type_not_in_profile':
      'Loại văn bản {type} không có trong danh mục của quốc gia của cơ quan này.',
    'documents.not_editable': 'Không thể sửa văn bản ở trạng thái hiện tại ({status}).',
    'documents.stale_version': 'Văn bản vừa được người khác sửa. Hãy tải lại rồi sửa lại.',
    'documents.approver_edits_text_only':
      'Người duyệt chỉ được sửa trích yếu và nội dung, không đổi loại văn bản hay nơi nhận.',
    'documents.bad_cursor': 'Con trỏ phân trang không hợp lệ.',
    'documents.no_file': 'Hãy chọn tệp để tải lên.',
    'documents.bad_reply_target':
      'Văn bản trả lời phải trả lời một văn bản đến do bạn xử lý tại cơ quan này.',
  },
};
