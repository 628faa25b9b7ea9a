import type { Catalog } from '../../platform/i18n/i18n.ts';

export const approvalsMessages: Catalog = {
  en: {
    'approvals.not_submittable': 'Only a draft or a returned document can be submitted (now: {status}).',
    'approvals.assignee_not_in_agency':
      'Everyone on the approval line must hold an active post in the agency.',
    'approvals.line_length': 'An approval line has between 1 and 20 steps.',
    'approvals.line_must_end_with_approval': 'The approval line must end with a final approval.',
    'approvals.drafter_in_line': 'The drafter cannot be on their own approval line.',
    'approvals.duplicate_assignee': 'A person appears twice on the approval line.',
    'approvals.not_your_turn':
      'It is not your turn to act on this document, or the action does not apply now.',
    'approvals.opinion_required': 'Please give a reason.',
    'approvals.bad_return_target': 'A document can only be returned to an earlier step.',
    'approvals.recall_too_late': 'The document can no longer be recalled: an approver has already acted.',
    'approvals.no_post_review': 'There is nothing to review after the fact on this step.',
    'approvals.route_not_editable':
      'The approval route can be changed only while the document is in approval.',
  },
  ko: {
    'approvals.not_submittable': '기안 중이거나 반려된 문서만 상신할 수 있습니다(현재: {status}).',
    'approvals.assignee_not_in_agency': '결재선의 모든 사람은 해당 기관에 재직 중이어야 합니다.',
    'approvals.line_length': '결재선은 1단계 이상 20단계 이하입니다.',
    'approvals.line_must_end_with_approval': '결재선의 마지막 단계는 결재여야 합니다.',
    'approvals.drafter_in_line': '기안자는 자신의 결재선에 들어갈 수 없습니다.',
    'approvals.duplicate_assignee': '결재선에 같은 사람이 두 번 있습니다.',
    'approvals.not_your_turn': '지금은 이 문서를 처리할 차례가 아니거나 할 수 없는 처리입니다.',
    'approvals.opinion_required': '사유를 입력하세요.',
    'approvals.bad_return_target': '앞선 단계로만 반려할 수 있습니다.',
    'approvals.recall_too_late': '이미 결재자가 처리하여 회수할 수 없습니다.',
    'approvals.no_post_review': '이 단계에는 후열할 내용이 없습니다.',
    'approvals.route_not_editable': '결재 진행 중인 문서만 결재경로를 수정할 수 있습니다.',
  },
  vi: {
    'approvals.not_submittable':
      'Chỉ trình được văn bản dự thảo hoặc văn bản bị trả lại (hiện tại: {status}).',
    'approvals.assignee_not_in_agency': 'Mọi người trong luồng duyệt phải đang công tác tại cơ quan.',
    'approvals.line_length': 'Luồng duyệt có từ 1 đến 20 bước.',
    'approvals.line_must_end_with_approval': 'Bước cuối của luồng duyệt phải là bước ký duyệt.',
    'approvals.drafter_in_line': 'Người soạn thảo không được có mặt trong luồng duyệt của mình.',
    'approvals.duplicate_assignee': 'Một người xuất hiện hai lần trong luồng duyệt.',
    'approvals.not_your_turn': 'Chưa đến lượt bạn xử lý văn bản này hoặc thao tác không áp dụng lúc này.',
    'approvals.opinion_required': 'Vui lòng nêu lý do.',
    'approvals.bad_return_target': 'Chỉ có thể trả lại về một bước trước đó.',
    'approvals.recall_too_late': 'Không thể thu hồi: người duyệt đã xử lý văn bản.',
    'approvals.no_post_review': 'Bước này không có nội dung cần xem lại sau.',
    'approvals.route_not_editable': 'Chỉ sửa được luồng duyệt khi văn bản đang trình duyệt.',
  },
};
