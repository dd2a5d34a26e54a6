// The REST API, as the page uses it: public GETs, signed (or session) requests through the auth
// module, and the page's own user calls.
import * as auth from "./auth-key.js";

/** A refusal from the server, carrying Binance's code and message. */
export class APIError extends Error {
  constructor(code, message, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

let clockOffset = 0;

const csrfHeader = "X-Solvent-CSRF";

/** The answer's JSON, or with `raw` its text exactly as served (verify.js checks every byte). */
async function send(method, path, query, headers = {}, form = undefined, { raw = false } = {}) {
  const url = query ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { method, headers, body: form, cache: "no-store" });
  } catch (error) {
    throw new APIError(-1, "network", 0);
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) throw new APIError(body?.code ?? -1, body?.msg ?? response.statusText, response.status);
  return raw ? text : body;
}

const encode = (params) => new URLSearchParams(Object.entries(params)
  .filter(([, value]) => value !== undefined && value !== null && value !== "")).toString();

export const get = (path, params = {}, options = {}) => send("GET", path, encode(params), {}, undefined, options);

/** Measures the server's clock so signed timestamps land inside its recvWindow. */
export async function syncClock() {
  const before = Date.now();
  const { serverTime } = await get("/api/v3/time");
  clockOffset = serverTime - Math.round((before + Date.now()) / 2);
}

/** A TRADE / USER_DATA request: with a session, its cookie and CSRF token; with a pasted key,
 *  the parameters in the query, timestamp and signature last. */
export async function signed(method, path, params = {}, options = {}) {
  if (!auth.signedIn()) throw new APIError(-2015, "not signed in", 401);
  const session = auth.session();
  if (session) return send(method, path, encode(params), { [csrfHeader]: session.csrfToken }, undefined, options);
  const query = encode({ ...params, recvWindow: 10000, timestamp: Date.now() + clockOffset });
  const signature = await auth.sign(query);
  return send(method, path, `${query}&signature=${signature}`, { "X-MBX-APIKEY": auth.apiKey() }, undefined, options);
}

/** listenKey management: the API key alone. */
export function userStream(method, listenKey) {
  const query = listenKey ? encode({ listenKey }) : "";
  const session = auth.session();
  return send(method, "/api/v3/userDataStream", query,
    session ? { [csrfHeader]: session.csrfToken } : { "X-MBX-APIKEY": auth.apiKey() });
}

/** The page's own user calls (`/sapi/v1/solvent/user/…`): a form body, and the CSRF header (the
 *  session's token, or before there is a session a marker a form on another site cannot send). */
export function user(method, name, form = {}) {
  const headers = { [csrfHeader]: auth.session()?.csrfToken ?? "1" };
  const path = `/sapi/v1/solvent/user/${name}`;
  if (method === "GET" || method === "DELETE") return send(method, path, encode(form), headers);
  headers["Content-Type"] = "application/x-www-form-urlencoded";
  return send(method, path, "", headers, encode(form));
}
