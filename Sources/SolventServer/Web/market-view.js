// Draws the market side of the page from the state app.js keeps: the markets list, the
// ticker strip, the order book, recent trades and the chart. Reads state, writes DOM.
import * as dec from "./decimal.js";
import * as i18n from "./i18n.js";
import * as rights from "./trade-rights.js";
import { drawCandles, drawDepth } from "./charts.js";

const $ = (id) => document.getElementById(id);
const bookRows = 14;

function cell(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = content;
  return node;
}

/** (close − open) / open in percent, two decimals, exact. */
export function changePercent(openText, closeText) {
  const open = dec.parse(openText);
  const close = dec.parse(closeText);
  if (open === null || close === null || open === 0n) return null;
  return dec.text(dec.div((close - open) * 100n, open), 2);
}

export function renderMarkets(state, choose) {
  const filter = $("market-filter").value.trim().toUpperCase();
  const body = $("markets-body");
  body.replaceChildren();
  for (const symbol of state.symbolList) {
    if (filter && !symbol.symbol.includes(filter)) continue;
    const ticker = state.tickers.get(symbol.symbol);
    const row = document.createElement("tr");
    row.tabIndex = 0;
    row.className = symbol.symbol === state.symbol ? "selected" : "";
    row.dataset.symbol = symbol.symbol;
    row.setAttribute("aria-current", symbol.symbol === state.symbol ? "true" : "false");
    const pair = cell("td", "", i18n.t("fmt.pair", { base: symbol.baseAsset, quote: symbol.quoteAsset }));
    const restricted = rights.restriction(symbol.symbol);
    if (restricted) pair.append(" ", restrictionBadge(restricted));
    row.append(pair);
    row.append(cell("td", "num", ticker ? i18n.number(ticker.last, symbol.pricePlaces) : "—"));
    const change = ticker?.change ?? null;
    row.append(cell("td", `num ${change === null ? "" : change.startsWith("-") ? "down" : "up"}`, i18n.percentChange(change)));
    row.addEventListener("click", () => choose(symbol.symbol));
    row.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(symbol.symbol); } });
    body.append(row);
  }
}

/** "Sell only" (or buy only, blocked), naming the jurisdiction's ruling behind it. */
function restrictionBadge(restricted) {
  const status = i18n.t("rights.badgeTitle", { status: i18n.t(restricted.status) });
  const badge = cell("span", "badge restricted", i18n.t(restricted.badge));
  badge.title = status;
  badge.setAttribute("aria-label", `${i18n.t(restricted.badge)} · ${status}`);
  return badge;
}

export function renderTicker(state) {
  const symbol = state.current;
  const ticker = state.tickers.get(symbol.symbol) ?? {};
  $("t-symbol").textContent = i18n.t("fmt.pair", { base: symbol.baseAsset, quote: symbol.quoteAsset });
  $("t-last").textContent = i18n.number(ticker.last, symbol.pricePlaces);
  $("t-change").textContent = i18n.percentChange(ticker.change ?? null);
  $("t-change").className = ticker.change?.startsWith("-") ? "down" : "up";
  $("t-high").textContent = i18n.number(ticker.high, symbol.pricePlaces);
  $("t-low").textContent = i18n.number(ticker.low, symbol.pricePlaces);
  $("t-volume").textContent = i18n.number(ticker.volume, symbol.qtyPlaces);
  document.title = ticker.last ? `${i18n.number(ticker.last, symbol.pricePlaces)} · ${symbol.symbol} · ${i18n.t("app.name")}` : i18n.t("app.title");
}

export function renderBook(state, pick) {
  const symbol = state.current;
  const group = state.group;
  const places = Math.max(0, dec.placesOf(dec.text(group)));
  const asks = state.book.ready ? state.book.side("asks", group, bookRows) : [];
  const bids = state.book.ready ? state.book.side("bids", group, bookRows) : [];
  const totals = (levels) => { let sum = 0n; return levels.map((level) => (sum += level.qty)); };
  const askTotals = totals(asks);
  const bidTotals = totals(bids);
  const max = [...askTotals, ...bidTotals].reduce((a, b) => (a > b ? a : b), 1n);
  const rows = (levels, sums, side) => levels.map((level, index) => {
    const row = document.createElement("button");
    row.type = "button";
    row.className = `level ${side}`;
    const price = dec.text(level.price);
    row.dataset.price = price;
    row.style.setProperty("--depth", `${(dec.toFloat(sums[index]) / dec.toFloat(max)) * 100}%`);
    row.append(cell("span", "price", i18n.number(price, places)),
      cell("span", "num", i18n.number(dec.text(level.qty), symbol.qtyPlaces)),
      cell("span", "num", i18n.number(dec.text(sums[index]), symbol.qtyPlaces)));
    row.addEventListener("click", () => pick(price));
    return row;
  });
  $("book-asks").replaceChildren(...rows(asks, askTotals, "ask").reverse());
  $("book-bids").replaceChildren(...rows(bids, bidTotals, "bid"));
  const last = state.tickers.get(symbol.symbol)?.last;
  const spread = asks.length && bids.length ? dec.text(asks[0].price - bids[0].price) : null;
  $("book-mid").textContent = state.book.ready
    ? i18n.t("book.mid", { last: i18n.number(last, symbol.pricePlaces), spread: i18n.number(spread, places) })
    : i18n.t("book.loading");
  if (state.chartKind === "depth") renderChart(state);
}

export function renderTrades(state) {
  const symbol = state.current;
  $("trades-body").replaceChildren(...state.trades.slice(0, 40).map((trade) => {
    const row = document.createElement("div");
    row.className = "trade-row";
    row.append(cell("span", trade.buyerMaker ? "down" : "up", i18n.number(trade.price, symbol.pricePlaces)),
      cell("span", "num", i18n.number(trade.qty, symbol.qtyPlaces)),
      cell("span", "num muted", i18n.time(trade.time)));
    return row;
  }));
}

export function renderChart(state) {
  const canvas = $("chart-canvas");
  const symbol = state.current;
  const format = {
    empty: i18n.t("chart.empty"),
    price: (value) => i18n.number(value.toFixed(symbol.pricePlaces), symbol.pricePlaces),
    total: (value) => i18n.number(value.toFixed(symbol.qtyPlaces), symbol.qtyPlaces),
    time: (ms) => i18n.chartTime(ms, state.interval.endsWith("d") || state.interval.endsWith("w")),
  };
  canvas.setAttribute("aria-label", i18n.t(state.chartKind === "depth" ? "chart.depth" : "chart.candles"));
  if (state.chartKind === "candles") { drawCandles(canvas, state.candles, format); return; }
  const cumulative = (levels) => { let total = 0; return levels.map((level) => ({ price: dec.toFloat(level.price), total: (total += dec.toFloat(level.qty)) })); };
  const ready = state.book.ready;
  drawDepth(canvas, ready ? cumulative(state.book.side("bids", state.current.tick, 200)) : [],
    ready ? cumulative(state.book.side("asks", state.current.tick, 200)) : [], format);
}
