/**
 * Cookie-authenticated writes must echo the session's CSRF token (double submit; the server
 * compares it with the session's). Installed once at start-up so every same-origin write — from
 * any client module — carries it.
 */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function csrfToken(): string | null {
  const m = /(?:^|;\s*)cb_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

export function installCsrfHeader(): void {
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const token = csrfToken();
    if (SAFE.has(method) || url.origin !== window.location.origin || !token) return original(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set("x-csrf-token", token);
    return original(input, { ...init, headers });
  };
}
