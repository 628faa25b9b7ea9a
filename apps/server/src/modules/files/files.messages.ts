import type { Catalog } from '../../platform/i18n/i18n.ts';

export const filesMessages: Catalog = {
  en: {
    'files.empty': 'The file "{name}" is empty.',
    'files.too_large': 'The file is too large. Files may be at most {max}.',
    'files.type_refused':
      'The file "{name}" cannot be accepted. Allowed: PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods), PNG, JPEG and UTF-8 text (.txt, .csv, .md), with a name that matches the content.',
  },
  ko: {
    'files.empty': '"{name}" 파일이 비어 있습니다.',
    'files.too_large': '파일이 너무 큽니다. 최대 {max}까지 올릴 수 있습니다.',
    'files.type_refused':
      '"{name}" 파일은 받을 수 없습니다. PDF, 워드(.docx), 엑셀(.xlsx), 파워포인트(.pptx), 오픈문서(.odt, .ods), PNG, JPEG, UTF-8 텍스트(.txt, .csv, .md) 파일만 올릴 수 있으며, 파일 이름의 확장자가 실제 내용과 일치해야 합니다.',
  },
  vi: {
    'files.empty': 'Tệp "{name}" không có nội dung.',
    'files.too_large': 'Tệp quá lớn. Dung lượng tối đa cho phép là {max}.',
    'files.type_refused':
      'Không thể nhận tệp "{name}". Chỉ chấp nhận PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods), PNG, JPEG và văn bản UTF-8 (.txt, .csv, .md), với phần mở rộng của tên tệp đúng với nội dung.',
  },
};
