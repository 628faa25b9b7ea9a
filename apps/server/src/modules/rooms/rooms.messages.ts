import type { Catalog } from '../../platform/i18n/i18n.ts';

// Messages of rooms and seats: booking rules, clashes and who may do what.
export const roomsMessages: Catalog = {
  en: {
    'rooms.end_before_start': 'The booking must end after it starts.',
    'rooms.too_long': 'A booking may last at most {hours} hours.',
    'rooms.in_the_past': 'This time has already passed. Choose a start time from now on.',
    'rooms.resource_inactive': '“{name}” is no longer in service and cannot be booked.',
    'rooms.conflict': 'This time overlaps another booking of “{name}”, {start}–{end}. Choose another time.',
    'rooms.not_staff': 'Only staff of the agency can book its rooms and seats.',
    'rooms.not_canceller': 'Only the person who booked, or an administrator of the agency, can cancel it.',
    'rooms.already_cancelled': 'This booking was already cancelled.',
    'rooms.already_ended': 'This booking has already ended and cannot be cancelled.',
    'rooms.range_order': 'The end of the period must come after its start.',
    'rooms.range_too_long': 'Ask for at most {days} days at a time.',
  },
  ko: {
    'rooms.end_before_start': '종료 시각은 시작 시각보다 뒤여야 합니다.',
    'rooms.too_long': '한 번에 최대 {hours}시간까지 예약할 수 있습니다.',
    'rooms.in_the_past': '이미 지난 시간입니다. 지금 이후의 시작 시각을 고르세요.',
    'rooms.resource_inactive': '“{name}”은(는) 운영이 중지되어 예약할 수 없습니다.',
    'rooms.conflict': '“{name}”의 다른 예약({start}–{end})과 시간이 겹칩니다. 다른 시간을 고르세요.',
    'rooms.not_staff': '해당 기관의 직원만 회의실과 좌석을 예약할 수 있습니다.',
    'rooms.not_canceller': '예약한 사람 또는 기관 관리자만 취소할 수 있습니다.',
    'rooms.already_cancelled': '이미 취소된 예약입니다.',
    'rooms.already_ended': '이미 끝난 예약은 취소할 수 없습니다.',
    'rooms.range_order': '기간의 끝은 시작보다 뒤여야 합니다.',
    'rooms.range_too_long': '한 번에 최대 {days}일까지 조회할 수 있습니다.',
  },
  vi: {
    'rooms.end_before_start': 'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
    'rooms.too_long': 'Mỗi lượt đặt chỗ kéo dài tối đa {hours} giờ.',
    'rooms.in_the_past': 'Thời gian này đã qua. Hãy chọn giờ bắt đầu từ bây giờ trở đi.',
    'rooms.resource_inactive': '“{name}” đã ngừng sử dụng, không thể đặt.',
    'rooms.conflict':
      'Thời gian này trùng với một lượt đặt khác của “{name}”, {start}–{end}. Hãy chọn giờ khác.',
    'rooms.not_staff': 'Chỉ cán bộ của cơ quan mới được đặt phòng họp và chỗ ngồi của cơ quan.',
    'rooms.not_canceller': 'Chỉ người đặt hoặc quản trị viên của cơ quan mới được hủy.',
    'rooms.already_cancelled': 'Lượt đặt này đã được hủy.',
    'rooms.already_ended': 'Lượt đặt này đã kết thúc, không thể hủy.',
    'rooms.range_order': 'Thời điểm cuối của khoảng thời gian phải sau thời điểm đầu.',
    'rooms.range_too_long': 'Mỗi lần chỉ xem tối đa {days} ngày.',
  },
};
