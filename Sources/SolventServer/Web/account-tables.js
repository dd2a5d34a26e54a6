// The account tables under the trading form: open orders (with cancel), order history, trade
// history and balances. Pure drawing from the account state trade-view.js keeps.
import * as dec from "./decimal.js";
import * as i18n from "./i18n.js";

const $ = (id) => document.getElementById(id);

const columns = {
  open: ["col.time", "col.pair", "col.type", "col.side", "col.price", "col.amount", "col.filled", "col.action"],
  orders: ["col.time", "col.pair", "col.type", "col.side", "col.price", "col.amount", "col.filled", "col.status"],
  fills: ["col.time", "col.pair", "col.side", "col.price", "col.amount", "col.total", "col.fee"],
  balances: ["col.asset", "col.free", "col.locked", "col.totalBalance"],
};
const numeric = new Set(["col.price", "col.amount", "col.filled", "col.total", "col.fee", "col.free", "col.locked", "col.totalBalance"]);

function td(content, className = "") {
  const node = document.createElement("td");
  node.className = className;
  if (content instanceof Node) node.append(content); else node.textContent = content;
  return node;
}

function places(page, symbolName) {
  const symbol = page.symbols.get(symbolName);
  return { price: symbol?.pricePlaces ?? 8, qty: symbol?.qtyPlaces ?? 8, pair: symbol ? i18n.t("fmt.pair", { base: symbol.baseAsset, quote: symbol.quoteAsset }) : symbolName };
}

function orderRow(order, page, last) {
  const p = places(page, order.symbol);
  const price = order.type === "MARKET" ? i18n.t("type.MARKET") : i18n.number(order.price, p.price);
  const cells = [td(i18n.dateTime(order.time)), td(p.pair), td(i18n.t(`type.${order.type}`)),
    td(i18n.t(`side.${order.side}`), order.side === "BUY" ? "up" : "down"), td(price, "num"),
    td(i18n.number(order.origQty, p.qty), "num"), td(i18n.number(order.executedQty, p.qty), "num")];
  cells.push(last);
  return cells;
}

function rows(account, page, cancel) {
  switch (account.tab) {
  case "open":
    return account.open.map((order) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn small ghost cancel";
      button.dataset.orderId = order.orderId;
      button.textContent = i18n.t("acct.cancel");
      button.setAttribute("aria-label", i18n.t("acct.cancelOrder", { id: order.orderId }));
      button.addEventListener("click", () => { button.disabled = true; cancel(order); });
      return orderRow(order, page, td(button));
    });
  case "orders":
    return account.orders.map((order) => orderRow(order, page, td(i18n.t(`status.${order.status}`))));
  case "fills":
    return account.fills.map((fill) => {
      const p = places(page, fill.symbol);
      return [td(i18n.dateTime(fill.time)), td(p.pair), td(i18n.t(fill.isBuyer ? "side.BUY" : "side.SELL"), fill.isBuyer ? "up" : "down"),
        td(i18n.number(fill.price, p.price), "num"), td(i18n.number(fill.qty, p.qty), "num"),
        td(i18n.number(fill.quoteQty, p.price), "num"), td(`${i18n.number(fill.commission, 8)} ${fill.commissionAsset ?? ""}`, "num")];
    });
  default:
    return [...account.balances.entries()].filter(([, b]) => b.free + b.locked > 0n).sort(([a], [b]) => a.localeCompare(b))
      .map(([asset, b]) => {
        const row = [td(asset), td(i18n.number(dec.text(b.free), 8), "num"), td(i18n.number(dec.text(b.locked), 8), "num"),
          td(i18n.number(dec.text(b.free + b.locked), 8), "num")];
        row.asset = asset;
        return row;
      });
  }
}

export function draw(account, page, cancel) {
  const head = document.createElement("tr");
  for (const key of columns[account.tab]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.className = numeric.has(key) ? "num" : "";
    th.textContent = i18n.t(key);
    head.append(th);
  }
  $("acct-head").replaceChildren(head);
  const body = rows(account, page, cancel).map((cells) => {
    const tr = document.createElement("tr");
    if (cells.asset) tr.dataset.asset = cells.asset;
    tr.append(...cells);
    return tr;
  });
  if (!body.length) {
    const tr = document.createElement("tr");
    const cell = td(i18n.t("acct.empty"), "empty");
    cell.colSpan = columns[account.tab].length;
    tr.append(cell);
    body.push(tr);
  }
  $("acct-body").replaceChildren(...body);
}
