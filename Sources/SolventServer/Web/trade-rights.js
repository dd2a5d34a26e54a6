// What this account may trade in each market under its jurisdiction's rulings: exchangeInfo asked
// with the session or the key, where the server adds `allowedOrderSides` and `jurisdictionStatus`.
// Signed out, or before the first answer, nothing is known and both sides read as open: the
// server still refuses (-4401) what a ruling forbids, and the order form shows that refusal.
import * as api from "./api.js";
import * as auth from "./auth-key.js";

const bothSides = ["BUY", "SELL"];
let rights = new Map(); // symbol → { sides, status }
let run = 0; // the latest load wins when loads overlap (a key change during a reconnect)
const listeners = [];

export const onChange = (listener) => listeners.push(listener);

/** Asks the server again (after signing in or out, a key change, a reconnect). */
export async function load() {
  const mine = ++run;
  const next = new Map();
  if (auth.signedIn()) {
    let info;
    try { info = await api.signed("GET", "/api/v3/exchangeInfo"); } catch { return; } // keep what was known
    for (const symbol of info.symbols) {
      if (symbol.allowedOrderSides) next.set(symbol.symbol, { sides: symbol.allowedOrderSides, status: symbol.jurisdictionStatus });
    }
  }
  if (mine !== run) return;
  rights = next;
  for (const listener of listeners) listener();
}

/** Whether this account may send an order on `side` ("BUY" / "SELL") in `symbol`. */
export const allows = (symbol, side) => (rights.get(symbol)?.sides ?? bothSides).includes(side);

/** The market's restriction as catalogue keys, or null when both sides are open:
 *  `badge` (sell only, buy only, blocked), `status` (the jurisdiction's ruling), `note`
 *  (the order form's explanation). */
export function restriction(symbol) {
  const right = rights.get(symbol);
  if (!right) return null;
  const buy = right.sides.includes("BUY");
  const sell = right.sides.includes("SELL");
  if (buy && sell) return null;
  const kind = buy ? "buyOnly" : sell ? "sellOnly" : "blocked";
  return { badge: `rights.badge.${kind}`, status: `rights.status.${right.status}`, note: `rights.note.${kind}` };
}
