// Renders Markdown from users and models safely: raw HTML in the text is shown as text (never parsed),
// and the generated HTML goes through DOMPurify before it touches the page.
// marked and DOMPurify are loaded as plain <script defer> files from their WebJars (window.marked, window.DOMPurify).

const { marked, DOMPurify } = window;

const escapeHtml = (text) => String(text)
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  .replaceAll('"', '&quot;').replaceAll("'", '&#39;');

marked.use({
  gfm: true,
  breaks: true,
  renderer: {
    // A response that contains <script> or <img onerror> is shown as that text, as the author wrote it.
    html: (html) => escapeHtml(html),
    // Remote images would let any author track who views a sample: show them as links instead.
    image: (href, title, text) => `<a href="${escapeHtml(href || '')}">[image: ${escapeHtml(text || href || '')}]</a>`,
  },
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
  }
});

const PURIFY = {
  USE_PROFILE: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img', 'iframe', 'svg', 'math'],
  FORBID_ATTR: ['style', 'id', 'class'],
};

/** Sanitised HTML for a Markdown string (empty for null). */
export function markdownToHtml(text) {
  return DOMPurify.sanitize(marked.parse(text == null ? '' : String(text)), PURIFY);
}

/** Replaces the element's content with the rendered Markdown. */
export function renderMarkdown(element, text) {
  element.innerHTML = markdownToHtml(text);
  element.classList.add('markdown');
  // code blocks and tables scroll sideways: a tab stop lets keyboard users scroll them (axe: scrollable-region-focusable)
  element.querySelectorAll('pre, table').forEach((node) => node.setAttribute('tabindex', '0'));
}

export { escapeHtml };
