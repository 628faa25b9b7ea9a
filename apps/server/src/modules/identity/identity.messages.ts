import type { Catalog } from '../../platform/i18n/i18n.ts';

export const identityMessages: Catalog = {
  en: {
    'identity.bad_credentials': 'Wrong username or password.',
    'identity.locked': 'Too many failed attempts. The account is locked for {minutes} minutes.',
    'identity.bad_totp': 'The verification code is not correct or was already used.',
    'identity.step_up_required': 'Confirm it is you (password, code or passkey) before signing.',
    'identity.passkey_failed': 'The passkey could not be verified.',
    'identity.username_taken': 'The username "{username}" is already taken.',
    'identity.wrong_current_password': 'The current password is not correct.',
    'identity.password_too_short': 'The password must be at least 12 characters long.',
    'identity.password_unchanged': 'The new password must differ from the current one.',
    'identity.totp_already_enabled': 'Two-factor authentication is already on.',
    'identity.totp_not_set_up': 'Start the authenticator setup first.',
    'identity.totp_not_enabled': 'Two-factor authentication is not on.',
    'identity.totp_required_by_policy':
      'Your role requires a second factor. Add a passkey before turning the authenticator off.',
  },
  ko: {
    'identity.bad_credentials': '아이디 또는 비밀번호가 올바르지 않습니다.',
    'identity.locked': '로그인 실패가 너무 많습니다. 계정이 {minutes}분 동안 잠깁니다.',
    'identity.bad_totp': '인증 코드가 올바르지 않거나 이미 사용되었습니다.',
    'identity.step_up_required': '서명하기 전에 본인 확인(비밀번호, 인증 코드 또는 패스키)을 해 주세요.',
    'identity.passkey_failed': '패스키를 확인하지 못했습니다.',
    'identity.username_taken': '아이디 "{username}"은(는) 이미 사용 중입니다.',
    'identity.wrong_current_password': '현재 비밀번호가 올바르지 않습니다.',
    'identity.password_too_short': '비밀번호는 12자 이상이어야 합니다.',
    'identity.password_unchanged': '새 비밀번호는 현재 비밀번호와 달라야 합니다.',
    'identity.totp_already_enabled': '2단계 인증이 이미 켜져 있습니다.',
    'identity.totp_not_set_up': '먼저 인증 앱 설정을 시작하세요.',
    'identity.totp_not_enabled': '2단계 인증이 켜져 있지 않습니다.',
    'identity.totp_required_by_policy':
      '역할상 2단계 인증이 필요합니다. 인증 앱을 끄기 전에 패스키를 등록하세요.',
  },
  vi: {
    'identity.bad_credentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
    'identity.locked': 'Đăng nhập sai quá nhiều lần. Tài khoản bị khoá trong {minutes} phút.',
    'identity.bad_totp': 'Mã xác thực không đúng hoặc đã được sử dụng.',
    'identity.step_up_required': 'Vui lòng xác nhận lại danh tính (mật khẩu, mã hoặc passkey) trước khi ký.',
    'identity.passkey_failed': 'Không xác minh được khoá truy cập (passkey).',
    'identity.username_taken': 'Tên đăng nhập "{username}" đã được sử dụng.',
    'identity.wrong_current_password': 'Mật khẩu hiện tại không đúng.',
    'identity.password_too_short': 'Mật khẩu phải có ít nhất 12 ký tự.',
    'identity.password_unchanged': 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    'identity.totp_already_enabled': 'Xác thực hai bước đã được bật.',
    'identity.totp_not_set_up': 'Hãy bắt đầu thiết lập ứng dụng xác thực trước.',
    'identity.totp_not_enabled': 'Xác thực hai bước chưa được bật.',
    'identity.totp_required_by_policy':
      'Vai trò của bạn bắt buộc xác thực hai bước. Hãy thêm passkey trước khi tắt ứng dụng xác thực.',
  },
};
