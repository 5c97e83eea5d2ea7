// Loads data where only the latest request counts: after a quick tab or filter change, older answers are dropped.
import { describeError } from './api.js';

/**
 * Returns load(message, fetch, show, failed?): shows the message while fetching, then calls show(result), or puts
 * the error in the page's problem box and calls failed(error). Marks `busy` with aria-busy meanwhile.
 */
export function latestOnly({ busy, status, errorBox, errorText }) {
  let latest = 0;
  return async function load(message, fetch, show, failed = () => {}) {
    const mine = ++latest;
    status.textContent = message;
    busy.setAttribute('aria-busy', 'true');
    try {
      const result = await fetch();
      if (mine !== latest) return;
      errorBox.hidden = true;
      show(result);
    } catch (error) {
      if (mine !== latest) return;
      errorText.textContent = describeError(error);
      errorBox.hidden = false;
      failed(error);
    } finally {
      if (mine === latest) {
        status.textContent = '';
        busy.setAttribute('aria-busy', 'false');
      }
    }
  };
}
