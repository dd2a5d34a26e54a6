// The trading page: loads the markets, keeps the chosen market live over one combined stream
// (book diffs, trades, candles, every market's mini ticker), and redraws on change. A reconnect
// (a dropped stream, a restarted server) reloads everything the stream does not carry.
import * as api from "./api.js";
import * as dec from "./decimal.js";
import * as i18n from "./i18n.js";
import { LiveSocket } from "./streams.js";
import { SyncedBook } from "./orderbook.js";
import * as market from "./market-view.js";
import * as trade from "./trade-view.js";
import * as verifyView from "./verify-view.js";
import * as accountView from "./account-view.js";
import * as walletView from "./wallet-view.js";
import * as rights from "./trade-rights.js";

const $ = (id) => document.getElementById(id);
const intervals = ["1s", "1m", "5m", "15m", "1h", "4h", "1d"];

const state = {
  symbolList: [], symbols: new Map(), tickers: new Map(), symbol: null, current: null,
  book: null, trades: [], candles: [], interval: "1m", chartKind: "candles", group: 1n, socket: null,
  connected: false,
};

let drawQueued = false;
const dirty = new Set();
function redraw(...parts) {
  for (const part of parts) dirty.add(part);
  if (drawQueued) return;
  drawQueued = true;
  requestAnimationFrame(() => {
    drawQueued = false;
    if (!state.current) return;
    if (dirty.has("markets")) market.renderMarkets(state, choose);
    if (dirty.has("ticker")) market.renderTicker(state);
    if (dirty.has("book")) market.renderBook(state, trade.pickPrice);
    if (dirty.has("trades")) market.renderTrades(state);
    if (dirty.has("chart")) market.renderChart(state);
    dirty.clear();
  });
}

function describe(info) {
  const price = info.filters.find((f) => f.filterType === "PRICE_FILTER");
  const lot = info.filters.find((f) => f.filterType === "LOT_SIZE");
  return { ...info, tick: dec.parse(price?.tickSize ?? "0.01"), pricePlaces: dec.placesOf(price?.tickSize ?? "0.01"),
    qtyPlaces: dec.placesOf(lot?.stepSize ?? "0.00000001") };
}

function setTicker(symbol, fields) {
  const ticker = { ...(state.tickers.get(symbol) ?? {}), ...fields };
  state.tickers.set(symbol, ticker);
}

function fromMiniTicker(event) {
  setTicker(event.s, { last: event.c, high: event.h, low: event.l, volume: event.v, change: market.changePercent(event.o, event.c) });
}

async function loadTickers() {
  const all = await api.get("/api/v3/ticker/24hr");
  for (const t of all) setTicker(t.symbol, { last: t.lastPrice, high: t.highPrice, low: t.lowPrice, volume: t.volume, change: dec.text(dec.parse(t.priceChangePercent) ?? 0n, 2) });
  redraw("markets", "ticker");
}

async function loadTrades() {
  const list = await api.get("/api/v3/trades", { symbol: state.symbol, limit: 50 });
  state.trades = list.reverse().map((t) => ({ id: t.id, price: t.price, qty: t.qty, time: t.time, buyerMaker: t.isBuyerMaker }));
  redraw("trades");
}

const candleOf = (k) => ({ time: k[0], open: Number(k[1]), high: Number(k[2]), low: Number(k[3]), close: Number(k[4]), volume: Number(k[5]) });

async function loadCandles() {
  const list = await api.get("/api/v3/klines", { symbol: state.symbol, interval: state.interval, limit: 300 });
  state.candles = list.map(candleOf);
  redraw("chart");
}

function onCandle(k) {
  const candle = candleOf([k.t, k.o, k.h, k.l, k.c, k.v]);
  const last = state.candles.at(-1);
  if (last && last.time === candle.time) state.candles[state.candles.length - 1] = candle;
  else if (!last || candle.time > last.time) state.candles.push(candle);
  redraw("chart");
}

function onTrade(event) {
  if (state.trades.some((t) => t.id === event.t)) return;
  state.trades.unshift({ id: event.t, price: event.p, qty: event.q, time: event.T, buyerMaker: event.m });
  state.trades.length = Math.min(state.trades.length, 100);
  redraw("trades");
}

function onMessage({ stream, data }) {
  if (!stream) return;
  if (stream === "!miniTicker@arr") { data.forEach(fromMiniTicker); redraw("markets", "ticker", "book"); }
  else if (stream.endsWith("@depth@100ms")) state.book.push(data);
  else if (stream.endsWith("@trade")) onTrade(data);
  else if (stream.includes("@kline_")) onCandle(data.k);
}

function setConnected(connected) {
  state.connected = connected;
  $("conn").classList.toggle("up", connected);
  $("conn-text").textContent = i18n.t(connected ? "conn.live" : "conn.reconnecting");
}

function connect() {
  state.socket?.stop();
  const name = state.symbol.toLowerCase();
  const streams = [`${name}@depth@100ms`, `${name}@trade`, `${name}@kline_${state.interval}`, "!miniTicker@arr"];
  const symbol = state.symbol;
  state.book = new SyncedBook(() => api.get("/api/v3/depth", { symbol, limit: 1000 }), () => redraw("book"));
  state.socket = new LiveSocket(`/stream?streams=${streams.join("/")}`, {
    message: onMessage,
    open: () => {
      setConnected(true);
      state.book.restart();
      Promise.all([loadTickers(), loadTrades(), loadCandles()]).catch(() => {});
      trade.refresh();
      rights.load(); // a restarted server may hold rulings made while the stream was down
    },
    down: () => setConnected(false),
  });
}

/** The grouping choices (1, 10, 100, 1000 ticks), keeping the chosen one when it still exists. */
function groupings() {
  const select = $("book-group");
  const tick = state.current.tick;
  const kept = [1n, 10n, 100n, 1000n].some((factor) => tick * factor === state.group) ? state.group : tick;
  select.replaceChildren(...[1n, 10n, 100n, 1000n].map((factor) => {
    const option = document.createElement("option");
    option.value = dec.text(tick * factor);
    option.textContent = i18n.number(dec.text(tick * factor), dec.placesOf(dec.text(tick * factor)));
    return option;
  }));
  state.group = kept;
  select.value = dec.text(kept);
}

function choose(symbol) {
  if (!state.symbols.has(symbol) || symbol === state.symbol) return;
  state.symbol = symbol;
  state.current = state.symbols.get(symbol);
  state.trades = [];
  state.candles = [];
  history.replaceState(null, "", `#${symbol}`);
  groupings();
  state.group = state.current.tick;
  trade.setMarket(state.current);
  connect();
  redraw("markets", "ticker", "book", "trades", "chart");
}

function pressed(selector, button) {
  for (const other of document.querySelectorAll(selector)) other.setAttribute("aria-pressed", String(other === button));
}

function wireControls() {
  $("market-filter").addEventListener("input", () => redraw("markets"));
  $("book-group").addEventListener("change", (event) => { state.group = dec.parse(event.target.value); redraw("book"); });
  $("intervals").replaceChildren(...intervals.map((interval) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "interval";
    button.dataset.interval = interval;
    button.setAttribute("aria-pressed", String(interval === state.interval));
    button.addEventListener("click", () => {
      state.interval = interval;
      pressed(".interval", button);
      state.candles = [];
      connect();
    });
    return button;
  }));
  for (const button of document.querySelectorAll(".chart-kind")) {
    button.addEventListener("click", () => { state.chartKind = button.dataset.kind; pressed(".chart-kind", button); redraw("chart"); });
  }
  for (const button of document.querySelectorAll(".view-tab")) {
    button.addEventListener("click", () => {
      pressed(".view-tab", button);
      for (const view of document.querySelectorAll("main[id^='view-']")) view.hidden = view.id !== `view-${button.dataset.view}`;
      if (button.dataset.view === "trade") redraw("chart");
      walletView.shown(button.dataset.view === "wallet");
    });
  }
  $("user-open").addEventListener("click", () => document.querySelector(".view-tab[data-view='account']").click());
  const language = $("lang");
  language.addEventListener("change", () => i18n.setLanguage(language.value));
  window.addEventListener("resize", () => redraw("chart"));
}

function translateDynamic() {
  $("lang").value = i18n.currentLanguage();
  for (const button of document.querySelectorAll(".interval")) button.textContent = i18n.t(`interval.${button.dataset.interval}`);
  setConnected(state.connected);
  if (state.current) groupings();
  redraw("markets", "ticker", "book", "trades", "chart");
}

async function boot() {
  wireControls();
  trade.init(state);
  verifyView.init();
  accountView.init();
  walletView.init();
  i18n.onLanguage(translateDynamic);
  rights.onChange(() => redraw("markets"));
  i18n.setLanguage(i18n.initialLanguage());
  let info;
  for (;;) {
    try { info = await api.get("/api/v3/exchangeInfo"); break; } catch { setConnected(false); await new Promise((r) => setTimeout(r, 1000)); }
  }
  await api.syncClock().catch(() => {});
  state.symbolList = info.symbols.filter((s) => s.status === "TRADING").map(describe);
  for (const symbol of state.symbolList) state.symbols.set(symbol.symbol, symbol);
  const wanted = location.hash.slice(1);
  const first = state.symbols.has(wanted) ? wanted : state.symbolList.find((s) => s.symbol === "BTCUSDT")?.symbol ?? state.symbolList[0]?.symbol;
  if (first) choose(first);
  else $("book-mid").textContent = i18n.t("markets.none");
}

boot();
