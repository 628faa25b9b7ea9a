import type { Catalog } from '../../platform/i18n/i18n.ts';

// Messages of committees, members, invitations, the pledge, meetings, agenda, attendance and conflicts.
// (committees.no_quorum is shared with polls and lives in committees.votes.messages.ts.)
export const committeesMessages: Catalog = {
  en: {
    'committees.tie_needs_chair_vote': 'A tie can only be decided by the chair if the chair votes.',
    'committees.written_grounds_required':
      'When written deliberation is allowed, state the grounds on which it may be used.',
    'committees.term_order': 'The end of the term must come after its start.',
    'committees.term_too_long': 'A term may last at most {years} year(s) in this committee.',
    'committees.too_many_terms':
      'This person would serve more than {max} consecutive term(s), the most this committee allows.',
    'committees.chair_taken': 'The committee already has a chair. End the current chair’s seat first.',
    'committees.vice_chair_taken': 'The committee already has a vice-chair.',
    'committees.already_member': 'This person already holds a seat on the committee.',
    'committees.concurrency_limit':
      'This person already sits on {seats} other committee(s); an appointed member may sit on at most {limit} at once.',
    'committees.member_not_eligible':
      'Only staff with a post in the committee’s agency, or external accounts, can be members. Invite outside experts by e-mail.',
    'committees.not_member': 'Only members of the committee can do this.',
    'committees.not_member_of_committee': 'That person is not an active member of this committee.',
    'committees.invitation_unknown':
      'This invitation link is not valid. Check that the whole link was copied.',
    'committees.invitation_used':
      'This invitation has already been accepted. Sign in with your username and password.',
    'committees.invitation_expired':
      'This invitation has expired. Ask the committee secretary for a new one.',
    'committees.pledge_required':
      'Sign the security pledge before you can see the committee’s meetings and materials.',
    'committees.pledge.v1':
      'Security pledge\n\nAs a member of this committee I undertake:\n1. to keep confidential everything I learn through the committee — materials, deliberations, votes and personal data — during and after my term, and to use it only for the committee’s work;\n2. not to copy, photograph, forward or publish any material, which is shown to me marked with my name;\n3. to declare at once any conflict of interest with an agenda item and to withdraw from its deliberation and vote;\n4. to keep my password and second factor to myself and report any loss or misuse immediately.\nI understand that a breach may end my appointment and incur liability under the law.',
    'committees.written_not_allowed': 'This committee’s rules do not allow written deliberation.',
    'committees.written_ground_required':
      'A written deliberation needs the ground for not meeting (e.g. urgency).',
    'committees.deadline_required': 'A written deliberation needs a deadline for the answers.',
    'committees.deadline_order': 'The deadline must be in the future and after the start.',
    'committees.meeting_not_draft': 'Only a draft meeting can be changed or noticed.',
    'committees.meeting_not_noticed': 'Only a noticed meeting can be opened (it is {status}).',
    'committees.meeting_not_open_to_close': 'Only an open meeting can be closed (it is {status}).',
    'committees.meeting_closed': 'The meeting is closed.',
    'committees.agenda_empty': 'Add at least one agenda item before sending the notice.',
    'committees.agenda_locked': 'The agenda can no longer be changed: the meeting is {status}.',
    'committees.attendance_closed':
      'Attendance is taken only for a noticed or open meeting (it is {status}).',
    'committees.written_no_attendance':
      'A written deliberation has no attendance: members answer in writing.',
    'committees.conflict_locked':
      'A vote has already been opened on this item, so the declaration can no longer be withdrawn.',
    'committees.material_pdf_only':
      'External members can view materials only as PDF documents. Ask the secretary for a PDF version.',
    'committees.material_unreadable':
      'This PDF cannot be opened for viewing (it may be encrypted or damaged).',
    'committees.no_file': 'Choose a file to upload.',
    'mail.committee_invitation.subject': 'Invitation to join {committee}',
    'mail.committee_invitation.body':
      'Dear {name},\n\nYou have been appointed a member of {committee}. Open the link below within {days} days to choose your username and password and set up your second factor:\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.subject': 'Notice of meeting: {title} ({committee})',
    'mail.meeting_notice.body.in_person':
      'Dear {name},\n\n{committee} meets on {startsAt} (UTC) at {place}: "{title}". Please confirm your attendance and read the agenda:\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.body.online':
      'Dear {name},\n\n{committee} meets online on {startsAt} (UTC): "{title}". Video room: {place}\nPlease confirm your attendance and read the agenda:\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.body.written':
      'Dear {name},\n\n{committee} deliberates in writing on "{title}". Please give your vote with reasons by {deadline} (UTC):\n\n{link}\n\nCivicDesk',
  },
  ko: {
    'committees.tie_needs_chair_vote': '가부동수 시 위원장이 결정하려면 위원장도 표결에 참여해야 합니다.',
    'committees.written_grounds_required':
      '서면심의를 허용하는 경우 그 사유(예: 긴급·경미한 사안)를 적어야 합니다.',
    'committees.term_order': '임기 종료일은 시작일 이후여야 합니다.',
    'committees.term_too_long': '이 위원회의 임기는 최대 {years}년입니다.',
    'committees.too_many_terms': '연임 한도({max}회)를 넘게 됩니다.',
    'committees.chair_taken': '위원회에 이미 위원장이 있습니다. 현재 위원장의 임기를 먼저 종료하십시오.',
    'committees.vice_chair_taken': '위원회에 이미 부위원장이 있습니다.',
    'committees.already_member': '이미 이 위원회의 위원입니다.',
    'committees.concurrency_limit':
      '이미 다른 위원회 {seats}곳의 위원입니다. 위촉위원은 동시에 최대 {limit}개 위원회까지 겸직할 수 있습니다.',
    'committees.member_not_eligible':
      '위원회 소속 기관에 직위가 있는 직원이나 외부 계정만 위원이 될 수 있습니다. 외부 전문가는 이메일로 초대하십시오.',
    'committees.not_member': '위원회 위원만 할 수 있습니다.',
    'committees.not_member_of_committee': '해당 인물은 이 위원회의 현직 위원이 아닙니다.',
    'committees.invitation_unknown': '유효하지 않은 초대 링크입니다. 링크 전체가 복사되었는지 확인하십시오.',
    'committees.invitation_used': '이미 수락된 초대입니다. 아이디와 비밀번호로 로그인하십시오.',
    'committees.invitation_expired': '초대 링크가 만료되었습니다. 위원회 간사에게 새 초대를 요청하십시오.',
    'committees.pledge_required': '보안서약서에 서명해야 위원회의 회의와 자료를 볼 수 있습니다.',
    'committees.pledge.v1':
      '보안서약서\n\n본인은 위원회 위원으로서 다음 사항을 서약합니다.\n1. 위원회 활동을 통하여 알게 된 자료·심의 내용·표결·개인정보 등 일체의 사항을 임기 중은 물론 임기 후에도 누설하지 않으며, 위원회 업무 외의 목적으로 사용하지 않겠습니다.\n2. 본인의 이름이 표시된 자료를 복사·촬영·전송·공개하지 않겠습니다.\n3. 안건과 이해충돌이 있는 경우 즉시 신고하고 해당 안건의 심의·의결에서 회피하겠습니다.\n4. 비밀번호와 2단계 인증 수단을 타인과 공유하지 않으며, 분실·도용 시 즉시 신고하겠습니다.\n위 사항을 위반할 경우 해촉 및 관련 법령에 따른 책임을 질 수 있음을 확인합니다.',
    'committees.written_not_allowed': '이 위원회 규정은 서면심의를 허용하지 않습니다.',
    'committees.written_ground_required': '서면심의에는 회의를 열지 않는 사유(예: 긴급)가 필요합니다.',
    'committees.deadline_required': '서면심의에는 의견 제출 마감일시가 필요합니다.',
    'committees.deadline_order': '마감일시는 현재 이후, 시작일시 이후여야 합니다.',
    'committees.meeting_not_draft': '작성 중인 회의만 수정하거나 소집 통지할 수 있습니다.',
    'committees.meeting_not_noticed': '소집 통지된 회의만 개의할 수 있습니다(현재: {status}).',
    'committees.meeting_not_open_to_close': '개의 중인 회의만 폐회할 수 있습니다(현재: {status}).',
    'committees.meeting_closed': '회의가 종료되었습니다.',
    'committees.agenda_empty': '소집 통지 전에 안건을 하나 이상 등록하십시오.',
    'committees.agenda_locked': '회의가 {status} 상태여서 안건을 더 이상 바꿀 수 없습니다.',
    'committees.attendance_closed':
      '출석은 소집 통지되었거나 개의 중인 회의에서만 기록합니다(현재: {status}).',
    'committees.written_no_attendance': '서면심의에는 출석 절차가 없습니다. 위원은 서면으로 의견을 냅니다.',
    'committees.conflict_locked': '이 안건의 표결이 이미 시작되어 회피 신고를 철회할 수 없습니다.',
    'committees.material_pdf_only':
      '외부 위원은 PDF 자료만 열람할 수 있습니다. 간사에게 PDF 본을 요청하십시오.',
    'committees.material_unreadable': '이 PDF를 열람용으로 열 수 없습니다(암호화 또는 손상).',
    'committees.no_file': '올릴 파일을 선택하십시오.',
    'mail.committee_invitation.subject': '[위촉 안내] {committee}',
    'mail.committee_invitation.body':
      '{name} 님,\n\n{committee} 위원으로 위촉되셨습니다. {days}일 안에 아래 링크를 열어 아이디와 비밀번호를 정하고 2단계 인증을 설정하십시오.\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.subject': '[회의 소집] {title} ({committee})',
    'mail.meeting_notice.body.in_person':
      '{name} 위원님,\n\n{committee} 회의를 {startsAt}(UTC)에 {place}에서 개최합니다: 「{title}」. 참석 여부를 회신하시고 안건을 확인해 주십시오.\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.body.online':
      '{name} 위원님,\n\n{committee} 화상회의를 {startsAt}(UTC)에 개최합니다: 「{title}」. 화상회의실: {place}\n참석 여부를 회신하시고 안건을 확인해 주십시오.\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.body.written':
      '{name} 위원님,\n\n{committee}에서 「{title}」을(를) 서면심의합니다. {deadline}(UTC)까지 의견과 표결을 제출해 주십시오.\n\n{link}\n\nCivicDesk',
  },
  vi: {
    'committees.tie_needs_chair_vote':
      'Chủ tịch chỉ quyết định khi số phiếu ngang nhau nếu Chủ tịch cũng biểu quyết.',
    'committees.written_grounds_required':
      'Khi cho phép lấy ý kiến bằng văn bản, hãy ghi rõ các trường hợp được áp dụng.',
    'committees.term_order': 'Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.',
    'committees.term_too_long': 'Nhiệm kỳ tại hội đồng này tối đa {years} năm.',
    'committees.too_many_terms': 'Người này sẽ vượt quá {max} nhiệm kỳ liên tiếp được phép.',
    'committees.chair_taken': 'Hội đồng đã có Chủ tịch. Hãy kết thúc nhiệm vụ của Chủ tịch hiện tại trước.',
    'committees.vice_chair_taken': 'Hội đồng đã có Phó Chủ tịch.',
    'committees.already_member': 'Người này đã là thành viên của hội đồng.',
    'committees.concurrency_limit':
      'Người này đã là thành viên của {seats} hội đồng khác; thành viên được bổ nhiệm chỉ tham gia tối đa {limit} hội đồng cùng lúc.',
    'committees.member_not_eligible':
      'Chỉ cán bộ có chức danh tại cơ quan của hội đồng hoặc tài khoản bên ngoài mới là thành viên. Hãy mời chuyên gia bên ngoài qua e-mail.',
    'committees.not_member': 'Chỉ thành viên hội đồng mới thực hiện được thao tác này.',
    'committees.not_member_of_committee': 'Người này không phải thành viên đương nhiệm của hội đồng.',
    'committees.invitation_unknown': 'Liên kết mời không hợp lệ. Hãy kiểm tra đã sao chép đủ liên kết.',
    'committees.invitation_used': 'Lời mời đã được chấp nhận. Hãy đăng nhập bằng tên đăng nhập và mật khẩu.',
    'committees.invitation_expired': 'Lời mời đã hết hạn. Hãy đề nghị thư ký hội đồng gửi lời mời mới.',
    'committees.pledge_required':
      'Hãy ký cam kết bảo mật trước khi xem các cuộc họp và tài liệu của hội đồng.',
    'committees.pledge.v1':
      'Bản cam kết bảo mật\n\nLà thành viên hội đồng, tôi cam kết:\n1. Giữ bí mật mọi thông tin biết được qua hoạt động của hội đồng — tài liệu, nội dung thảo luận, kết quả biểu quyết, dữ liệu cá nhân — trong và sau nhiệm kỳ, và chỉ sử dụng cho công việc của hội đồng;\n2. Không sao chép, chụp, chuyển tiếp hay công bố tài liệu được cung cấp có ghi tên tôi;\n3. Khai báo ngay xung đột lợi ích với nội dung họp và không tham gia thảo luận, biểu quyết nội dung đó;\n4. Không chia sẻ mật khẩu và phương thức xác thực hai lớp, báo ngay khi bị mất hoặc bị lạm dụng.\nTôi hiểu rằng vi phạm có thể dẫn đến miễn nhiệm và chịu trách nhiệm theo quy định của pháp luật.',
    'committees.written_not_allowed': 'Quy chế của hội đồng không cho phép lấy ý kiến bằng văn bản.',
    'committees.written_ground_required':
      'Lấy ý kiến bằng văn bản cần nêu lý do không họp (ví dụ: cấp bách).',
    'committees.deadline_required': 'Lấy ý kiến bằng văn bản cần có hạn trả lời.',
    'committees.deadline_order': 'Hạn trả lời phải ở tương lai và sau thời điểm bắt đầu.',
    'committees.meeting_not_draft': 'Chỉ cuộc họp đang soạn mới được sửa hoặc gửi giấy mời.',
    'committees.meeting_not_noticed': 'Chỉ khai mạc được cuộc họp đã gửi giấy mời (hiện: {status}).',
    'committees.meeting_not_open_to_close': 'Chỉ bế mạc được cuộc họp đang diễn ra (hiện: {status}).',
    'committees.meeting_closed': 'Cuộc họp đã kết thúc.',
    'committees.agenda_empty': 'Hãy thêm ít nhất một nội dung vào chương trình trước khi gửi giấy mời.',
    'committees.agenda_locked': 'Không thể thay đổi chương trình nữa: cuộc họp đang ở trạng thái {status}.',
    'committees.attendance_closed': 'Chỉ điểm danh với cuộc họp đã mời hoặc đang diễn ra (hiện: {status}).',
    'committees.written_no_attendance':
      'Lấy ý kiến bằng văn bản không điểm danh: thành viên trả lời bằng văn bản.',
    'committees.conflict_locked':
      'Nội dung này đã mở biểu quyết nên không thể rút khai báo xung đột lợi ích.',
    'committees.material_pdf_only':
      'Thành viên bên ngoài chỉ xem được tài liệu dạng PDF. Hãy đề nghị thư ký cung cấp bản PDF.',
    'committees.material_unreadable': 'Không mở được tệp PDF này để xem (có thể bị mã hóa hoặc hỏng).',
    'committees.no_file': 'Hãy chọn tệp để tải lên.',
    'mail.committee_invitation.subject': 'Thư mời tham gia {committee}',
    'mail.committee_invitation.body':
      'Kính gửi {name},\n\nÔng/Bà được cử làm thành viên {committee}. Vui lòng mở liên kết dưới đây trong {days} ngày để đặt tên đăng nhập, mật khẩu và xác thực hai lớp:\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.subject': 'Giấy mời họp: {title} ({committee})',
    'mail.meeting_notice.body.in_person':
      'Kính gửi {name},\n\n{committee} họp vào {startsAt} (UTC) tại {place}: "{title}". Đề nghị xác nhận tham dự và nghiên cứu tài liệu:\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.body.online':
      'Kính gửi {name},\n\n{committee} họp trực tuyến vào {startsAt} (UTC): "{title}". Phòng họp trực tuyến: {place}\nĐề nghị xác nhận tham dự và nghiên cứu tài liệu:\n\n{link}\n\nCivicDesk',
    'mail.meeting_notice.body.written':
      'Kính gửi {name},\n\n{committee} lấy ý kiến bằng văn bản về "{title}". Đề nghị gửi ý kiến biểu quyết kèm lý do trước {deadline} (UTC):\n\n{link}\n\nCivicDesk',
  },
};
