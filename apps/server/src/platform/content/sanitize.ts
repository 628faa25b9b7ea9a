import sanitizeHtml from 'sanitize-html';

// Document bodies come from the web editor but reach the server from any client, so the server keeps only the
// formatting the editor can produce; anything able to run code (scripts, handlers, foreign URLs, SVG) is dropped.

const alignable = ['style'];
const cellSpan = ['colspan', 'rowspan'];

const richTextOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'h1',
    'h2',
    'h3',
    'ul',
    'ol',
    'li',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'a',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    p: alignable,
    span: alignable,
    h1: alignable,
    h2: alignable,
    h3: alignable,
    th: cellSpan,
    td: cellSpan,
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center|justify)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  // `//host/path` would leave the site while looking like a relative link.
  allowProtocolRelative: false,
  // The text inside these is code or markup, never prose worth keeping.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'svg',
    'math',
    'template',
    'iframe',
    'title',
  ],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    td: keepNumericSpans,
    th: keepNumericSpans,
  },
};

function keepNumericSpans(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const name of cellSpan) {
    const value = attribs[name];
    if (value && /^[1-9][0-9]{0,2}$/.test(value.trim())) kept[name] = value.trim();
  }
  return { tagName, attribs: kept };
}

/** The body of a document as stored: only the editor's own formatting survives. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, richTextOptions);
}

// Both edges of a block break the line, so text beside a list or table never runs into it.
const blockEdge = /<\/?(p|h1|h2|h3|ul|ol|li|blockquote|table|tr)(\s[^>]*)?>/g;

/** Plain text of a body for search and previews: blocks and `<br>` become line breaks, cells are tab-separated. */
export function htmlToText(html: string): string {
  // Sanitising first leaves well-formed markup with every `<` and `>` inside text escaped, so tags can be
  // removed by pattern and only the four entities sanitize-html writes remain to be decoded.
  const clean = sanitizeRichText(html).replace(/\s+/g, ' ');
  const text = clean
    .replace(/<br\s*\/?>/g, '\n')
    .replace(blockEdge, '\n')
    .replace(/<\/(td|th)>/g, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
