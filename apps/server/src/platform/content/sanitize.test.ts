import { describe, expect, test } from 'vitest';
import { htmlToText, sanitizeRichText } from './sanitize.ts';

// Markers of anything a browser could run: tags that execute or embed, handlers, script URLs, inline CSS beyond alignment.
const executable =
  /<\s*(script|img|svg|math|iframe|object|embed|style|form|input|button|link|meta|base)\b|\son\w+\s*=|javascript:|data:|vbscript:|expression\(|url\(/i;

describe('sanitizeRichText', () => {
  const payloads = [
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt&colon;alert(1)">click</a>',
    '<a href=" java\tscript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<svg onload=alert(1)><circle r="1"/></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<script>alert(1)</script>',
    '<p style="background:url(javascript:alert(1)); text-align: center">x</p>',
    '<span style="width: expression(alert(1))">x</span>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example/"><input name="q"><button formaction="javascript:alert(1)">go</button></form>',
    '<p onclick="alert(1)" onmouseover="alert(2)">text</p>',
    '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<!--<img src=x onerror=alert(1)>-->',
    '<table><tr><td rowspan="x onmouseover=alert(1)" background="javascript:alert(1)">c</td></tr></table>',
    '<base href="javascript:/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<a href="vbscript:msgbox(1)">x</a>',
  ];

  test.each(payloads)('leaves nothing executable in %s', (payload) => {
    const clean = sanitizeRichText(payload);
    expect(clean).not.toMatch(executable);
    expect(clean).not.toMatch(/\b(href|src|action|formaction|background)=/i);
    // Sanitising is stable: running it again changes nothing, so stored bodies never need re-cleaning.
    expect(sanitizeRichText(clean)).toBe(clean);
  });

  test('keeps the formatting the editor writes, and Korean and Vietnamese text as it is', () => {
    const body =
      '<h1 style="text-align:center">공문 — Công văn số 12/UBND</h1>' +
      '<p style="text-align:justify"><strong>Kính gửi:</strong> <em>các phòng</em>, <u>주민센터</u> <s>cũ</s></p>' +
      '<ul><li>한 가지</li><li>Thứ hai</li></ul><ol><li>một</li></ol>' +
      '<blockquote><p>Trích dẫn</p></blockquote>' +
      '<table><thead><tr><th colspan="2">Bảng</th></tr></thead><tbody><tr><td rowspan="2">가</td><td>나</td></tr></tbody></table>' +
      '<p>line<br>break</p>';
    expect(sanitizeRichText(body)).toBe(body.replace('<br>', '<br />'));
  });

  test('keeps web and mail links and marks them noopener noreferrer, overriding the given rel', () => {
    expect(
      sanitizeRichText('<a href="https://gov.vn/a?b=1&amp;c=2" rel="opener" target="_blank">x</a>'),
    ).toBe('<a href="https://gov.vn/a?b=1&amp;c=2" rel="noopener noreferrer">x</a>');
    expect(sanitizeRichText('<a href="mailto:vanthu@hanoi.gov.vn">thư</a>')).toBe(
      '<a href="mailto:vanthu@hanoi.gov.vn" rel="noopener noreferrer">thư</a>',
    );
    expect(sanitizeRichText('<a href="//evil.example/">x</a>')).not.toContain('evil');
  });

  test('keeps only text alignment among styles, and only numeric cell spans', () => {
    expect(sanitizeRichText('<p style="color:red;text-align:right;position:fixed">a</p>')).toBe(
      '<p style="text-align:right">a</p>',
    );
    expect(sanitizeRichText('<span style="text-align:evil">a</span>')).toBe('<span>a</span>');
    expect(sanitizeRichText('<table><tr><td colspan="3" rowspan="0">a</td></tr></table>')).toBe(
      '<table><tr><td colspan="3">a</td></tr></table>',
    );
  });

  test('keeps escaped markup as visible text', () => {
    expect(sanitizeRichText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
});

describe('htmlToText', () => {
  test('turns blocks into lines and decodes entities', () => {
    const html =
      '<h1>Quyết định</h1><p>Điều 1. A &amp; B &lt; C&nbsp;"x"</p><ul><li>하나</li><li>둘</li></ul>' +
      '<table><tr><td>a</td><td>b</td></tr></table><p>x<br>y</p>';
    expect(htmlToText(html)).toBe('Quyết định\nĐiều 1. A & B < C "x"\n하나\n둘\na\tb\nx\ny');
  });

  test('collapses source whitespace and drops the text of scripts and styles', () => {
    expect(htmlToText('<p>  một\n   hai  </p>\n\n<script>alert(1)</script><style>p{}</style>ba')).toBe(
      'một hai\nba',
    );
  });

  test('shows escaped markup as its characters, which are text and never parsed again', () => {
    expect(htmlToText('<p>&lt;b&gt;bold&lt;/b&gt;</p>')).toBe('<b>bold</b>');
  });
});
