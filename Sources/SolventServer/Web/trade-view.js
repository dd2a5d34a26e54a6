// The signed-in half of the page: order entry, open orders with cancel, order and trade history,
// balances, kept live by the user data stream. Who the user is comes from auth-key.js alone.
import * as api from "./api.js";
import * as auth from "./auth-key.js";
import * as dec from "./decimal.js";
import * as filters from "./filters.js";
import * as i18n from "./i18n.js";
import { LiveSocket } from "./streams.js";
import * as tables from "./account-tables.js";
import * as rights from "./trade-rights.js";

const $ = (id) => document.getElementById(id);
const form = { side: "BUY", type: "LIMIT" };
const account = { balances: new Map(), open: [], orders: [], fills: [], tab: "open" };
let page = null; // app.js's state
let symbol = null;
let rule = null;
let userSocket = null;
let keepAlive = null;

export function init(state) {
  page = state;
  for (const button of document.querySelectorAll(".side-btn")) button.addEventListener("click", () => { form.side = button.dataset.side; pressed(".side-btn", button); update(); });
  for (const button of document.querySelectorAll(".type-btn")) button.addEventListener("click", () => { form.type = button.dataset.type; pressed(".type-btn", button); update(); });
  for (const button of document.querySelectorAll("[data-pct]")) button.addEventListener("click", () => byPercent(Number(button.dataset.pct)));
  for (const id of ["o-price", "o-qty", "o-stop"]) $(id).addEventListener("input", showTotal);
  $("order-form").addEventListener("submit", (event) => { event.preventDefault(); submit(); });
  for (const button of document.querySelectorAll(".acct-tab")) {
    button.addEventListener("click", () => {
      account.tab = button.dataset.tab;
      for (const other of document.querySelectorAll(".acct-tab")) other.setAttribute("aria-selected", String(other === button));
      drawAccount();
    });
  }
  wireKeyDialog();
  i18n.onLanguage(() => { update(); drawAccount(); drawMessage(); });
  rights.onChange(update);
  rights.load();
  startUserStream();
}

function pressed(selector, button) {
  for (const other of document.querySelectorAll(selector)) other.setAttribute("aria-pressed", String(other === button));
}

export function setMarket(next) {
  symbol = next;
  rule = filters.rules(next);
  $("o-price").value = "";
  $("o-stop").value = "";
  $("o-qty").value = "";
  update();
  refresh();
}

export function pickPrice(price) {
  if (form.type === "MARKET") return;
  $("o-price").value = price;
  showTotal();
  $("o-qty").focus();
}

function available() {
  const asset = form.side === "BUY" ? symbol.quoteAsset : symbol.baseAsset;
  return { asset, free: account.balances.get(asset)?.free ?? 0n };
}

/** Disables the side a ruling forbids (moving the form to the other one when it may) and says why. */
function showRights() {
  for (const button of document.querySelectorAll(".side-btn")) button.disabled = !rights.allows(symbol.symbol, button.dataset.side);
  const other = form.side === "BUY" ? "SELL" : "BUY";
  if (!rights.allows(symbol.symbol, form.side) && rights.allows(symbol.symbol, other)) {
    form.side = other;
    pressed(".side-btn", document.querySelector(`.side-btn[data-side="${other}"]`));
  }
  const restricted = rights.restriction(symbol.symbol);
  const note = $("o-rights");
  note.hidden = !restricted;
  note.textContent = restricted ? i18n.t(restricted.note, { status: i18n.t(restricted.status) }) : "";
}

function update() {
  if (!symbol) return;
  showRights();
  $("f-price").hidden = form.type === "MARKET";
  $("f-stop").hidden = form.type !== "STOP_LOSS_LIMIT";
  $("u-price").textContent = symbol.quoteAsset;
  $("u-stop").textContent = symbol.quoteAsset;
  $("u-qty").textContent = symbol.baseAsset;
  for (const button of document.querySelectorAll("[data-pct]")) button.textContent = i18n.wholePercent(Number(button.dataset.pct));
  const { asset, free } = available();
  $("o-available").textContent = auth.signedIn() ? `${i18n.number(dec.text(free), 8)} ${asset}` : "—";
  const submit = $("o-submit");
  submit.className = `btn submit ${form.side === "BUY" ? "buy" : "sell"}`;
  submit.textContent = auth.signedIn()
    ? i18n.t(form.side === "BUY" ? "order.submitBuy" : "order.submitSell", { base: symbol.baseAsset })
    : i18n.t("order.needKey");
  showTotal();
}

function referencePrice() {
  if (form.type !== "MARKET") return typed("o-price");
  const last = page.tickers.get(symbol.symbol)?.last;
  return last ? dec.parse(last) : null;
}

function showTotal() {
  const price = referencePrice();
  const qty = typed("o-qty");
  const total = price !== null && qty !== null ? dec.text(dec.mul(price, qty)) : null;
  const prefix = form.type === "MARKET" && total !== null ? i18n.t("order.approx") : "";
  $("o-total").textContent = total === null ? "—" : `${prefix}${i18n.number(total, symbol.pricePlaces)} ${symbol.quoteAsset}`;
}

function byPercent(pct) {
  const { free } = available();
  const share = dec.percent(free, pct);
  const step = form.type === "MARKET" && rule.marketStep > 0n ? rule.marketStep : rule.step;
  let qty;
  if (form.side === "SELL") qty = share;
  else {
    const price = referencePrice();
    if (price === null || price <= 0n) { message("err.priceFirst"); return; }
    qty = dec.div(share, price);
  }
  $("o-qty").value = dec.text(dec.floorTo(qty, step));
  showTotal();
}

let shown = null; // the form's last message, kept as a key so a language change translates it

function message(key, values = {}, ok = false) {
  shown = key ? { key, values, ok } : null;
  drawMessage();
}

function drawMessage() {
  const node = $("o-message");
  if (!shown) { node.textContent = ""; return; }
  const values = { ...shown.values };
  for (const [name, value] of Object.entries(values)) if (/^(err|status)\./.test(value)) values[name] = i18n.t(value);
  node.textContent = i18n.t(shown.key, values);
  node.className = `message ${shown.ok ? "ok" : "bad"}`;
}

/** What the user typed, as units: the locale's decimal comma is taken for a point. */
const typed = (id) => dec.parse($(id).value.replace(",", "."));

function orderFromForm() {
  const order = { type: form.type, side: form.side, quantity: typed("o-qty") };
  if (form.type !== "MARKET") order.price = typed("o-price");
  if (form.type === "STOP_LOSS_LIMIT") order.stopPrice = typed("o-stop");
  return order;
}

async function submit() {
  if (!auth.signedIn()) { $("key-open").click(); return; }
  const order = orderFromForm();
  const problem = filters.check(rule, order, referencePrice());
  if (problem) {
    message(problem.key, { ...problem.values, field: problem.field ?? "" });
    return;
  }
  const params = { symbol: symbol.symbol, side: order.side, type: order.type, quantity: dec.text(order.quantity), newOrderRespType: "RESULT" };
  if (order.type !== "MARKET") Object.assign(params, { timeInForce: "GTC", price: dec.text(order.price) });
  if (order.stopPrice !== undefined) params.stopPrice = dec.text(order.stopPrice);
  $("o-submit").disabled = true;
  message(null); // the last order's outcome must not read as this one's while it is on its way
  try {
    const placed = await api.signed("POST", "/api/v3/order", params);
    message("order.placed", { id: placed.orderId, status: `status.${placed.status}` }, true);
    refresh();
  } catch (error) {
    message("err.server", { code: error.code, msg: error.message });
    if (error.code === -4401) rights.load(); // a ruling the page had not heard of yet
  } finally {
    $("o-submit").disabled = false;
  }
}

let refreshing = null;
/** Reloads the account from REST (after a reconnect, a placement, a user event). */
export function refresh() {
  if (!auth.signedIn() || !symbol) { drawAccount(); return; }
  clearTimeout(refreshing);
  refreshing = setTimeout(async () => {
    try {
      const [info, open, orders, fills] = await Promise.all([
        api.signed("GET", "/api/v3/account"), api.signed("GET", "/api/v3/openOrders"),
        api.signed("GET", "/api/v3/allOrders", { symbol: symbol.symbol, limit: 50 }),
        api.signed("GET", "/api/v3/myTrades", { symbol: symbol.symbol, limit: 50 })]);
      account.balances = new Map(info.balances.map((b) => [b.asset, { free: dec.parse(b.free), locked: dec.parse(b.locked) }]));
      account.open = open.sort((a, b) => b.time - a.time);
      account.orders = orders.sort((a, b) => b.time - a.time);
      account.fills = fills.sort((a, b) => b.time - a.time);
      account.loaded = true;
    } catch (error) {
      account.error = error;
    }
    update();
    drawAccount();
  }, 60);
}

function drawAccount() {
  $("acct-login").hidden = auth.signedIn();
  $("acct-table").hidden = !auth.signedIn();
  if (!auth.signedIn() || !symbol) return;
  tables.draw(account, page, cancel);
}

async function cancel(order) {
  try {
    await api.signed("DELETE", "/api/v3/order", { symbol: order.symbol, orderId: order.orderId });
    refresh();
  } catch (error) {
    message("err.server", { code: error.code, msg: error.message });
  }
}

function onUserEvent(event) {
  if (event.e === "outboundAccountPosition") {
    for (const b of event.B) account.balances.set(b.a, { free: dec.parse(b.f), locked: dec.parse(b.l) });
    update();
    drawAccount();
  } else if (event.e === "executionReport" || event.e === "balanceUpdate") {
    refresh();
  }
}

let streamRun = 0; // the latest start wins when starts overlap (a key change during a reconnect)

async function startUserStream() {
  const run = ++streamRun;
  userSocket?.stop();
  clearInterval(keepAlive);
  userSocket = null;
  if (!auth.signedIn()) return;
  let listenKey;
  try {
    ({ listenKey } = await api.userStream("POST"));
    if (run !== streamRun) return;
  } catch (error) {
    if (run !== streamRun) return;
    if (error.status === 0 || error.status >= 500) setTimeout(startUserStream, 2000);
    else keyProblem(error);
    return;
  }
  keepAlive = setInterval(() => api.userStream("PUT", listenKey).catch(() => startUserStream()), 30 * 60 * 1000);
  const socket = new LiveSocket(`/ws/${listenKey}`, {
    message: onUserEvent,
    open: () => refresh(),
    // A restarted server forgets listen keys: ask for a new one rather than retrying the old.
    down: () => { socket.stop(); if (userSocket === socket) setTimeout(startUserStream, 500); },
  });
  userSocket = socket;
}

function keyProblem(error) {
  message("err.server", { code: error.code, msg: error.message });
}

function wireKeyDialog() {
  const dialog = $("key-dialog");
  // Says whether a pasted key is connected: signed in with a session, there is none to show.
  const label = () => { $("key-open").textContent = i18n.t(auth.apiKey() ? "key.signedIn" : "key.connect"); };
  i18n.onLanguage(label);
  // Signing in or out on the Account view changes whose account this is, like a key change.
  auth.onChange(() => { account.balances = new Map(); label(); update(); refresh(); startUserStream(); rights.load(); });
  $("key-open").addEventListener("click", () => { $("key-api").value = auth.apiKey() ?? ""; $("key-secret").value = ""; dialog.showModal(); });
  $("key-form").addEventListener("submit", async (event) => {
    const action = event.submitter?.value;
    if (action === "save") {
      const key = $("key-api").value.trim();
      const secret = $("key-secret").value.trim();
      if (!key || !secret) { event.preventDefault(); $("key-message").textContent = i18n.t("key.missing"); return; }
      await auth.remember(key, secret);
    } else if (action === "forget") {
      auth.forget();
      account.balances = new Map();
    }
    $("key-message").textContent = "";
    label();
    update();
    refresh();
    startUserStream();
    rights.load();
  });
}
