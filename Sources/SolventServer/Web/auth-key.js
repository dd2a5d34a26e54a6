// How the page proves who it is, for now: an API key and HMAC secret the user pastes, kept in
// sessionStorage (gone when the tab closes) and used to sign requests with WebCrypto exactly as
// Binance's clients do. Everything else asks this module only `signedIn()`, `apiKey()` and
// `sign(payload)`, so a cookie session can replace it without touching the rest of the page.
const storageKey = "solvent.apiKey";
let cached = null;
let signingKey = null;

function load() {
  if (cached) return cached;
  try { cached = JSON.parse(sessionStorage.getItem(storageKey) || "null"); } catch { cached = null; }
  return cached;
}

export const signedIn = () => load() !== null;
export const apiKey = () => load()?.key ?? null;

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
