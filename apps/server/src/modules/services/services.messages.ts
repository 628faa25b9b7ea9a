import type { Catalog } from '../../platform/i18n/i18n.ts';

// Messages of the catalogue, the portal, processing and the registry, and the applicant's e-mails.
export const servicesMessages: Catalog = {
  en: {
    'services.unit_not_in_agency': 'The handling unit must belong to the procedure’s agency.',
    'services.holder_field_required':
      'A registry procedure needs a required text field holding the holder’s identifier (citizen ID number).',
    'services.code_taken': 'Another procedure of this agency already uses the code {code}.',
    'services.form_invalid': 'Please check these fields of the form: {fields}.',
    'services.file_unknown': 'An attached file was not uploaded here. Attach it again.',
    'services.guest_submit_only': 'Guests submit at once; sign in to keep a draft.',
    'services.guest_name_required': 'Please give your full name.',
    'services.email_unverified': 'Confirm your e-mail address (use the link we sent) before submitting.',
    'services.not_draft': 'This application was already submitted and can no longer be edited.',
    'services.tracking_unknown':
      'No application matches this tracking code. Check that you copied the whole code.',
    'services.verify_link_unknown': 'This verification link is not valid, or was already used.',
    'services.verify_link_expired': 'This verification link has expired. Register again to get a new one.',
    'services.citizens_only': 'This is for citizens’ accounts in the public portal.',
    'services.consent_needs_identifier':
      'To give consent, first add your citizen ID number to your profile (or in the form).',
    'services.not_handler': 'Only the assigned official or a head of the agency can do this.',
    'services.heads_assign': 'Only a head of the agency can assign applications.',
    'services.assignee_not_staff': 'That person does not work in this agency.',
    'services.already_decided': 'This application has already been decided.',
    'services.not_in_progress': 'This application is not in progress (it may be waiting for the applicant).',
    'services.no_open_request': 'There is no open request for more information on this application.',
    'services.no_result': 'There is no result to download (yet).',
    'services.no_consent':
      'The holder has not consented to your agency looking up their records. Ask them to grant consent in the public portal, or to tick the consent box in their application.',
    'mail.portal_verify.subject': 'Confirm your e-mail address',
    'mail.portal_verify.body':
      'Hello {name},\n\nopen this link within {hours} hours to confirm your e-mail address:\n{link}\n',
    'mail.services_info_requested.subject': 'More information needed: {procedure}',
    'mail.services_info_requested.body':
      'Hello {name},\n\nthe agency handling your application “{procedure}” needs more information:\n\n{message}\n\nThe processing time is paused until you answer in the public portal.\n',
    'mail.services_approved.subject': 'Approved: {procedure}',
    'mail.services_approved.body':
      'Hello {name},\n\nyour application “{procedure}” was approved. Download the signed result in the public portal.\n',
    'mail.services_refused.subject': 'Refused: {procedure}',
    'mail.services_refused.body':
      'Hello {name},\n\nyour application “{procedure}” was refused, for this reason:\n\n{message}\n',
  },
  ko: {
    'services.unit_not_in_agency': '처리 부서는 해당 기관의 부서여야 합니다.',
    'services.holder_field_required':
      '등록부 민원은 보유자 식별번호를 담는 필수 텍스트 항목이 있어야 합니다.',
    'services.code_taken': '이 기관의 다른 민원사무가 이미 코드 {code}를 사용합니다.',
    'services.form_invalid': '다음 항목을 확인하세요: {fields}.',
    'services.file_unknown': '첨부 파일이 이 서버에 올라와 있지 않습니다. 다시 첨부하세요.',
    'services.guest_submit_only': '비회원은 바로 제출해야 합니다. 임시 저장은 로그인 후 가능합니다.',
    'services.guest_name_required': '성명을 입력하세요.',
    'services.email_unverified': '제출하기 전에 보내드린 링크로 이메일 주소를 확인하세요.',
    'services.not_draft': '이미 제출된 신청은 수정할 수 없습니다.',
    'services.tracking_unknown':
      '이 접수번호와 일치하는 신청이 없습니다. 전체 코드를 정확히 입력했는지 확인하세요.',
    'services.verify_link_unknown': '유효하지 않거나 이미 사용된 확인 링크입니다.',
    'services.verify_link_expired': '확인 링크가 만료되었습니다. 다시 가입하여 새 링크를 받으세요.',
    'services.citizens_only': '민원 포털의 시민 계정 전용입니다.',
    'services.consent_needs_identifier': '동의하려면 먼저 프로필(또는 신청서)에 식별번호를 입력하세요.',
    'services.not_handler': '담당 공무원 또는 기관의 장만 할 수 있습니다.',
    'services.heads_assign': '기관의 장(과장)만 담당자를 지정할 수 있습니다.',
    'services.assignee_not_staff': '이 기관의 직원이 아닙니다.',
    'services.already_decided': '이미 처리가 끝난 신청입니다.',
    'services.not_in_progress': '처리 중인 신청이 아닙니다(신청인의 보완을 기다리는 중일 수 있습니다).',
    'services.no_open_request': '이 신청에는 답변할 보완 요청이 없습니다.',
    'services.no_result': '내려받을 처리 결과가 (아직) 없습니다.',
    'services.no_consent':
      '보유자가 귀 기관의 조회에 동의하지 않았습니다. 민원 포털에서 동의하거나 신청서의 동의란에 표시하도록 요청하세요.',
    'mail.portal_verify.subject': '이메일 주소를 확인하세요',
    'mail.portal_verify.body':
      '{name}님,\n\n{hours}시간 안에 다음 링크를 열어 이메일 주소를 확인하세요:\n{link}\n',
    'mail.services_info_requested.subject': '보완 요청: {procedure}',
    'mail.services_info_requested.body':
      '{name}님,\n\n신청하신 “{procedure}”에 대해 보완이 필요합니다:\n\n{message}\n\n민원 포털에서 답변하실 때까지 처리기간이 정지됩니다.\n',
    'mail.services_approved.subject': '처리 완료: {procedure}',
    'mail.services_approved.body':
      '{name}님,\n\n“{procedure}” 신청이 승인되었습니다. 민원 포털에서 전자서명된 결과를 내려받으세요.\n',
    'mail.services_refused.subject': '반려: {procedure}',
    'mail.services_refused.body':
      '{name}님,\n\n“{procedure}” 신청이 다음 사유로 반려되었습니다:\n\n{message}\n',
  },
  vi: {
    'services.unit_not_in_agency': 'Đơn vị xử lý phải thuộc cơ quan của thủ tục.',
    'services.holder_field_required':
      'Thủ tục thuộc cơ sở dữ liệu cần một trường văn bản bắt buộc chứa số định danh của người được cấp.',
    'services.code_taken': 'Một thủ tục khác của cơ quan đã dùng mã {code}.',
    'services.form_invalid': 'Vui lòng kiểm tra các trường: {fields}.',
    'services.file_unknown': 'Tệp đính kèm chưa được tải lên. Vui lòng đính kèm lại.',
    'services.guest_submit_only': 'Khách nộp ngay; đăng nhập để lưu bản nháp.',
    'services.guest_name_required': 'Vui lòng nhập họ và tên.',
    'services.email_unverified': 'Vui lòng xác nhận địa chỉ e-mail (qua đường dẫn đã gửi) trước khi nộp.',
    'services.not_draft': 'Hồ sơ đã nộp, không thể sửa.',
    'services.tracking_unknown': 'Không có hồ sơ nào khớp với mã tra cứu này. Kiểm tra lại toàn bộ mã.',
    'services.verify_link_unknown': 'Đường dẫn xác nhận không hợp lệ hoặc đã được dùng.',
    'services.verify_link_expired': 'Đường dẫn xác nhận đã hết hạn. Vui lòng đăng ký lại.',
    'services.citizens_only': 'Chức năng dành cho tài khoản công dân trên Cổng dịch vụ công.',
    'services.consent_needs_identifier':
      'Để đồng ý chia sẻ, hãy thêm số định danh cá nhân vào hồ sơ (hoặc trong tờ khai).',
    'services.not_handler': 'Chỉ cán bộ được phân công hoặc lãnh đạo cơ quan mới làm được việc này.',
    'services.heads_assign': 'Chỉ lãnh đạo cơ quan mới phân công hồ sơ.',
    'services.assignee_not_staff': 'Người này không công tác tại cơ quan.',
    'services.already_decided': 'Hồ sơ đã được giải quyết.',
    'services.not_in_progress': 'Hồ sơ không ở trạng thái đang xử lý (có thể đang chờ công dân bổ sung).',
    'services.no_open_request': 'Không có yêu cầu bổ sung nào đang mở cho hồ sơ này.',
    'services.no_result': 'Chưa có kết quả để tải về.',
    'services.no_consent':
      'Người được cấp chưa đồng ý cho cơ quan của bạn tra cứu. Đề nghị họ đồng ý trên Cổng dịch vụ công hoặc đánh dấu ô đồng ý trong tờ khai.',
    'mail.portal_verify.subject': 'Xác nhận địa chỉ e-mail',
    'mail.portal_verify.body':
      'Xin chào {name},\n\nmở đường dẫn sau trong vòng {hours} giờ để xác nhận e-mail:\n{link}\n',
    'mail.services_info_requested.subject': 'Yêu cầu bổ sung hồ sơ: {procedure}',
    'mail.services_info_requested.body':
      'Xin chào {name},\n\ncơ quan giải quyết hồ sơ “{procedure}” đề nghị bổ sung:\n\n{message}\n\nThời hạn giải quyết tạm dừng cho đến khi bạn trả lời trên Cổng dịch vụ công.\n',
    'mail.services_approved.subject': 'Đã giải quyết: {procedure}',
    'mail.services_approved.body':
      'Xin chào {name},\n\nhồ sơ “{procedure}” đã được chấp thuận. Tải kết quả có chữ ký số trên Cổng dịch vụ công.\n',
    'mail.services_refused.subject': 'Từ chối: {procedure}',
    'mail.services_refused.body':
      'Xin chào {name},\n\nhồ sơ “{procedure}” bị từ chối với lý do:\n\n{message}\n',
  },
};
