import type { Catalog } from '../../platform/i18n/i18n.ts';

export const reportsMessages: Catalog = {
  en: {
    'reports.unknown_field': 'The report has no field “{field}”.',
    'reports.not_a_number': '“{field}” must be a number.',
    'reports.not_text': '“{field}” must be text.',
    'reports.missing_field': 'Fill in “{field}” before submitting the report.',
    'reports.not_filler': 'Only the clerks, heads and administrators of this agency may fill its report.',
    'reports.already_submitted':
      'This report has been submitted; it can be changed only if the parent agency returns it.',
    'reports.not_submitted': 'Only a submitted report can be returned.',
  },
  ko: {
    'reports.unknown_field': '보고서에 “{field}” 항목이 없습니다.',
    'reports.not_a_number': '“{field}” 항목은 숫자여야 합니다.',
    'reports.not_text': '“{field}” 항목은 글이어야 합니다.',
    'reports.missing_field': '보고서를 제출하기 전에 “{field}” 항목을 입력하세요.',
    'reports.not_filler': '이 기관의 문서담당자, 기관장, 관리자만 보고서를 작성할 수 있습니다.',
    'reports.already_submitted': '제출된 보고서입니다. 상급 기관이 반려한 경우에만 고칠 수 있습니다.',
    'reports.not_submitted': '제출된 보고서만 반려할 수 있습니다.',
  },
  vi: {
    'reports.unknown_field': 'Báo cáo không có chỉ tiêu “{field}”.',
    'reports.not_a_number': '“{field}” phải là số.',
    'reports.not_text': '“{field}” phải là văn bản.',
    'reports.missing_field': 'Hãy nhập “{field}” trước khi gửi báo cáo.',
    'reports.not_filler': 'Chỉ văn thư, lãnh đạo và quản trị của cơ quan này được lập báo cáo của cơ quan.',
    'reports.already_submitted': 'Báo cáo đã gửi; chỉ sửa được khi cơ quan cấp trên trả lại.',
    'reports.not_submitted': 'Chỉ trả lại được báo cáo đã gửi.',
  },
};
