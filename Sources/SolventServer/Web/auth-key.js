// How the page proves who it is: a session (signed in on the Account view; the cookie is
// HttpOnly, the page keeps only the session's CSRF token, in memory) or, without one, an API key
// and HMAC secret the user pastes, kept in sessionStorage (gone when the tab closes) and used to
// sign requests with WebCrypto exactly as Binance's clients do. Everything else asks this module
// only `signedIn()`, `session()`, `apiKey()` and `sign(payload)`, and hears of changes by `onChange`.
const storageKey = "solvent.apiKey";
// Whether this browser may hold a session cookie, so a page that never signed in does not ask.
const sessionHint = "solvent.session";
let cached = null;
let signingKey = null;
let current = null;
const listeners = [];

function load() {
  if (cached) return cached;
  try { cached = JSON.parse(sessionStorage.getItem(storageKey) || "null"); } catch { cached = null; }
  return cached;
}

export const signedIn = () => current !== null || load() !== null;
export const apiKey = () => load()?.key ?? null;
/** The signed-in session ({ login, account, csrfToken, totpEnabled, expiresAt }), or null. */
export const session = () => current;
export const onChange = (listener) => listeners.push(listener);
const changed = () => { for (const listener of listeners) listener(); };

export function mayHaveSession() {
  try { return localStorage.getItem(sessionHint) === "1"; } catch { return false; }
}

export function setSession(next) {
  current = next;
  try { if (next) localStorage.setItem(sessionHint, "1"); else localStorage.removeItem(sessionHint); } catch { /* private mode */ }
  changed();
}

export async function remember(key, secret) {
  cached = { key: key.trim(), secret: secret.trim() };
  signingKey = null;
  sessionStorage.setItem(storageKey, JSON.stringify(cached));
}

export function forget() {
  cached = null;
  signingKey = null;
  sessionStorage.removeItem(storageKey);
}

async function hmacKey() {
  if (!signingKey) {
    signingKey = await crypto.subtle.importKey("raw", new TextEncoder().encode(load().secret),
      { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  }
  return signingKey;
}

/** The lower-case hex HMAC-SHA256 of `payload` (query + body, as sent). */
export async function sign(payload) {
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(), new TextEncoder().encode(payload));
  return Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
