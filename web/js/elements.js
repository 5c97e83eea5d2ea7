// Builds DOM nodes from data without ever parsing strings as HTML: text from users and models stays text.

/** el('p', {class: 'x', dataset: {k: 'v'}, onclick}, 'text', childNode, …) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.flat().filter((child) => child != null && child !== false));
  return node;
}

/** Replaces an element's children. */
export function fill(parent, ...children) {
  parent.replaceChildren(...children.flat().filter((child) => child != null && child !== false));
  return parent;
}

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
export const formatCount = (n) => (n == null ? '–' : NUMBER.format(n));

export function formatTime(iso) {
  if (!iso) return 'unknown';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso)
    : date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A shortcut is ignored while the person is typing in a form field. */
export function isTyping(event) {
  const target = event.target;
  return event.ctrlKey || event.metaKey || event.altKey
    || (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
}
