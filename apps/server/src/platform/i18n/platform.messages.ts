import type { Catalog } from './i18n.ts';

export const platformMessages: Catalog = {
  en: {
    'error.validation': 'Invalid input: {details}',
    'error.unauthorized': 'Please sign in.',
    'error.forbidden': 'You do not have permission to do this.',
    'error.not_found': 'Not found.',
    'error.rate_limited': 'Too many requests. Please wait a moment and try again.',
    'error.internal': 'Something went wrong on our side. The error has been logged.',
    'error.payload_too_large': 'The upload is too large.',
    'error.unsupported_media_type': 'This content type is not accepted.',
    'error.csrf': 'The request did not come from this site.',
  },
  ko: {
    'error.validation': '입력이 올바르지 않습니다: {details}',
    'error.unauthorized': '로그인하세요.',
    'error.forbidden': '이 작업을 할 권한이 없습니다.',
    'error.not_found': '찾을 수 없습니다.',
    'error.rate_limited': '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
    'error.internal': '서버에 문제가 생겼습니다. 오류가 기록되었습니다.',
    'error.payload_too_large': '업로드 크기가 너무 큽니다.',
    'error.unsupported_media_type': '허용되지 않는 형식입니다.',
    'error.csrf': '이 사이트에서 보낸 요청이 아닙니다.',
  },
  vi: {
    'error.validation': 'Dữ liệu không hợp lệ: {details}',
    'error.unauthorized': 'Vui lòng đăng nhập.',
    'error.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
    'error.not_found': 'Không tìm thấy.',
    'error.rate_limited': 'Quá nhiều yêu cầu. Vui lòng chờ một lát rồi thử lại.',
    'error.internal': 'Đã xảy ra lỗi phía máy chủ. Lỗi đã được ghi lại.',
    'error.payload_too_large': 'Tệp tải lên quá lớn.',
    'error.unsupported_media_type': 'Định dạng này không được chấp nhận.',
    'error.csrf': 'Yêu cầu không xuất phát từ trang này.',
  },
};
