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

// Math: inline $…$ (pandoc's rule: no space just inside the dollars and no digit right after the closing one, so
// "$5 and $10" stays text) and display $$…$$. The TeX goes through DOMPurify as text in a data attribute, then KaTeX
// (loaded only for a text that has math) typesets it from that text: KaTeX builds its own nodes and, with trust off,
// makes no links and runs nothing.
const KATEX = '/webjars/katex/0.16.47/dist';
marked.use({
  extensions: [{
    name: 'math',
    level: 'inline',
    start: (src) => { const i = src.indexOf('$'); return i < 0 ? undefined : i; },
    tokenizer(src) {
      const display = /^\$\$([^$]+?)\$\$/.exec(src);
      if (display) return { type: 'math', raw: display[0], text: display[1].trim(), display: true };
      const inline = /^\$(?=[^\s$])([^$\n]*?[^\s$])\$(?!\d)/.exec(src);
      if (inline && inline[1]) return { type: 'math', raw: inline[0], text: inline[1], display: false };
      return undefined;
    },
    renderer: (token) => `<span data-math="${escapeHtml(token.text)}"${token.display ? ' data-display="true"' : ''}>`
      + `${escapeHtml(token.raw)}</span>`,
  }],
});

let katexLoading = null;
function loadKatex() {
  if (!katexLoading) {
    katexLoading = new Promise((resolve, reject) => {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${KATEX}/katex.min.css` }));
      const script = Object.assign(document.createElement('script'), { src: `${KATEX}/katex.min.js` });
      script.onload = () => resolve(window.katex);
      script.onerror = reject;
      document.head.append(script);
    });
  }
  return katexLoading;
}

function typeset(nodes) {
  loadKatex().then((katex) => nodes.forEach((node) => {
    katex.render(node.dataset.math, node, {
      displayMode: node.dataset.display === 'true', throwOnError: false, trust: false, maxSize: 20, maxExpand: 100,
    });
  })).catch(() => { /* KaTeX did not load: the TeX stays as the author wrote it */ });
}

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
  const maths = element.querySelectorAll('[data-math]');
  if (maths.length) typeset(maths);
}

export { escapeHtml };
