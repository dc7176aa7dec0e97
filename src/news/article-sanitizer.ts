import sanitizeHtml from 'sanitize-html';

/**
 * The one gate article HTML passes before it is stored. Pages print the stored body with `<%-`,
 * so everything not on this list is gone by then: scripts, styles, event handlers, frames, SVG
 * and MathML (with their content), `javascript:`/`data:` URLs, and empty or junk inline tags
 * such as the stray `<strong></strong>` of the seed page.
 */
const ALLOWED_TAGS = [
  'p', 'br', 'em', 'strong', 'i', 'b', 'u', 's', 'sub', 'sup', 'small', 'mark', 'code',
  'a', 'ul', 'ol', 'li', 'blockquote', 'q', 'cite', 'h2', 'h3', 'h4', 'hr',
  'figure', 'figcaption', 'img',
];

// Dropped with everything inside them, not just unwrapped.
const DROP_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'title', 'head'];

// Removed when they hold no text and no image: they render nothing but noise.
const DROP_WHEN_EMPTY = new Set(['p', 'em', 'strong', 'i', 'b', 'u', 's', 'sub', 'sup', 'small', 'mark', 'code', 'a', 'li', 'ul', 'ol', 'blockquote', 'q', 'cite', 'h2', 'h3', 'h4', 'figcaption', 'figure']);

/** Quotes are escaped the way EJS escapes them, so stored text and `<%=` output match byte for byte. */
function escapeQuotes(escapedText: string): string {
  return escapedText.replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

const SAFE_LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    '*': ['lang'],
  },
  allowedSchemes: [...SAFE_LINK_SCHEMES],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  textFilter: (text) => escapeQuotes(text),
  transformTags: {
    b: 'strong',
    i: 'em',
    // A link with an unsafe or missing target becomes a (disallowed, so unwrapped) span: its text
    // stays, the link goes. Outbound links never pass our referrer or window handle; `nofollow`
    // because body links are editorial.
    a: (tagName, attribs) => {
      const href = [...(attribs.href ?? '')].filter((c) => c.charCodeAt(0) > 0x20 && (c.charCodeAt(0) < 0x7f || c.charCodeAt(0) > 0x9f)).join('');
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
      if (!href || (scheme && !SAFE_LINK_SCHEMES.has(scheme))) return { tagName: 'span', attribs: {} };
      return { tagName, attribs: scheme === 'http' || scheme === 'https' ? { ...attribs, rel: 'nofollow noopener noreferrer' } : attribs };
    },
  },
  exclusiveFilter: (frame) => {
    if (frame.tag === 'img' && !frame.attribs.src) return true;
    return DROP_WHEN_EMPTY.has(frame.tag) && frame.text.trim() === '' && frame.mediaChildren.length === 0;
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text of sanitised HTML, for search documents, feeds' summaries and meta descriptions. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|li|h[2-4]|blockquote|figcaption)>|<br\s*\/?>/gi, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: DROP_WITH_CONTENT,
  });
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Escapes plain text for HTML the way EJS's `<%=` does. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);
}
