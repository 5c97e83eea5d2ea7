// Talks to the Tribunal JSON API. Errors arrive as RFC 9457 problem details; we surface their `detail`.

/** An API answer that was not 2xx, carrying the problem details the server sent. */
export class ApiProblem extends Error {
  constructor(status, problem, retryAfterSeconds) {
    super(problem.detail || problem.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Sends a JSON request and returns the parsed body, or throws ApiProblem (HTTP error) / TypeError (network). */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return response.status === 204 ? null : response.json();
  let problem = {};
  try { problem = await response.json(); } catch { /* not JSON: keep the status line */ }
  if (!problem.title) problem.title = response.statusText;
  throw new ApiProblem(response.status, problem, retryAfter(response.headers.get('Retry-After')));
}

// Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
function retryAfter(header) {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** One sentence for a person: the server's detail, when to retry after a 429, or what a network failure means. */
export function describeError(error) {
  if (error instanceof ApiProblem) {
    if (error.status === 429) {
      if (/try again/i.test(error.message)) return error.message;   // the server already says when
      const wait = error.retryAfterSeconds;
      const when = wait == null ? 'in a little while' : `in ${wait} second${wait === 1 ? '' : 's'}`;
      return `${error.message.replace(/\.?$/, '.')} Too many requests: please try again ${when}.`;
    }
    return error.message;
  }
  if (error instanceof TypeError) return 'Could not reach the Tribunal server. Check your connection and try again.';
  return String(error && error.message || error);
}
