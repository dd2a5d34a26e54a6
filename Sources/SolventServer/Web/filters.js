// The market's exchangeInfo filters, checked before an order is sent so the user hears of a
// mistake at once; the server checks again and its refusal is shown when it still says no.
// Each failure is an i18n key and its values. Exact decimals throughout.
import * as dec from "./decimal.js";

/** The filters of a symbol from exchangeInfo, as units. */
export function rules(symbolInfo) {
  const byType = Object.fromEntries(symbolInfo.filters.map((filter) => [filter.filterType, filter]));
  const units = (filter, field) => (filter && filter[field] !== undefined ? dec.parse(filter[field]) : 0n);
  const price = byType.PRICE_FILTER;
  const lot = byType.LOT_SIZE;
  const marketLot = byType.MARKET_LOT_SIZE;
  const notional = byType.NOTIONAL ?? byType.MIN_NOTIONAL;
  return {
    minPrice: units(price, "minPrice"), maxPrice: units(price, "maxPrice"), tick: units(price, "tickSize"),
    minQty: units(lot, "minQty"), maxQty: units(lot, "maxQty"), step: units(lot, "stepSize"),
    marketMinQty: units(marketLot, "minQty"), marketMaxQty: units(marketLot, "maxQty"), marketStep: units(marketLot, "stepSize"),
    minNotional: units(notional, "minNotional"), maxNotional: units(notional, "maxNotional"),
    minToMarket: notional ? (notional.applyMinToMarket ?? notional.applyToMarket ?? false) : false,
    orderTypes: symbolInfo.orderTypes ?? [],
  };
}

/** The first problem with `order` ({ type, side, price, stopPrice, quantity } as units), or null. */
export function check(rule, order, referencePrice) {
  if (!rule.orderTypes.includes(order.type)) return { key: "err.type" };
  for (const [name, value] of [["price", order.price], ["stopPrice", order.stopPrice]]) {
    if (value === undefined) continue;
    const problem = checkPrice(rule, value, name);
    if (problem) return problem;
  }
  const market = order.type === "MARKET";
  const problem = checkQuantity(rule, order.quantity, market);
  if (problem) return problem;
  const price = market ? referencePrice : order.price;
  if (price === null || price === undefined || (market && !rule.minToMarket)) return null;
  const value = dec.mul(price, order.quantity);
  if (rule.minNotional > 0n && value < rule.minNotional) return { key: "err.minNotional", values: { min: dec.text(rule.minNotional) } };
  if (!market && rule.maxNotional > 0n && value > rule.maxNotional) return { key: "err.maxNotional", values: { max: dec.text(rule.maxNotional) } };
  return null;
}

function checkPrice(rule, value, name) {
  const field = name === "price" ? "err.field.price" : "err.field.stopPrice";
  if (value === null || value <= 0n) return { key: "err.positive", field };
  if (rule.minPrice > 0n && value < rule.minPrice) return { key: "err.minPrice", field, values: { min: dec.text(rule.minPrice) } };
  if (rule.maxPrice > 0n && value > rule.maxPrice) return { key: "err.maxPrice", field, values: { max: dec.text(rule.maxPrice) } };
  if (!dec.isMultiple(value, rule.tick)) return { key: "err.tick", field, values: { tick: dec.text(rule.tick) } };
  return null;
}

function checkQuantity(rule, value, market) {
  const field = "err.field.quantity";
  if (value === null || value <= 0n) return { key: "err.positive", field };
  const min = market && rule.marketMinQty > 0n ? rule.marketMinQty : rule.minQty;
  const max = market && rule.marketMaxQty > 0n ? rule.marketMaxQty : rule.maxQty;
  const step = market && rule.marketStep > 0n ? rule.marketStep : rule.step;
  if (min > 0n && value < min) return { key: "err.minQty", field, values: { min: dec.text(min) } };
  if (max > 0n && value > max) return { key: "err.maxQty", field, values: { max: dec.text(max) } };
  if (!dec.isMultiple(value, step)) return { key: "err.step", field, values: { step: dec.text(step) } };
  return null;
}
