// The two charts, drawn on canvas with the page's own code: candles with volume, and the depth
// chart. They take plain numbers (floats are fine for pixels) and formatting callbacks, and know
// nothing of the API or the order book.
const colors = { up: "#0ecb81", down: "#f6465d", grid: "#2b3139", text: "#848e9c", bid: "#0ecb81", ask: "#f6465d" };

/** Sizes the canvas for the device's pixel ratio and returns its context and CSS size. */
function surface(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  context.font = "11px system-ui, sans-serif";
  return { context, width, height };
}

function niceSteps(low, high, count) {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let value = Math.ceil(low / step) * step; value <= high; value += step) out.push(value);
  return out;
}

/** candles: [{ time, open, high, low, close, volume }] oldest first. */
export function drawCandles(canvas, candles, format) {
  const { context, width, height } = surface(canvas);
  const axis = 64;
  const plotWidth = width - axis;
  const priceHeight = height * 0.75 - 16;
  const volumeTop = height * 0.78;
  const volumeHeight = height - volumeTop - 16;
  if (plotWidth <= 0 || height <= 0) return; // hidden (another view is showing): nothing to draw
  if (!candles.length) {
    context.fillStyle = colors.text;
    context.fillText(format.empty, 12, height / 2);
    return;
  }
  const slot = Math.max(3, Math.min(14, plotWidth / Math.max(candles.length, 40)));
  const visible = candles.slice(-Math.floor(plotWidth / slot));
  let low = Math.min(...visible.map((c) => c.low));
  let high = Math.max(...visible.map((c) => c.high));
  if (high === low) { high += high * 0.001 || 1; low -= low * 0.001 || 1; }
  const margin = (high - low) * 0.08; // air above and below, so the extremes do not touch the edges
  high += margin;
  low -= margin;
  const maxVolume = Math.max(...visible.map((c) => c.volume)) || 1;
  const y = (price) => 8 + ((high - price) / (high - low)) * priceHeight;

  context.strokeStyle = colors.grid;
  context.fillStyle = colors.text;
  context.lineWidth = 1;
  const lastY = y(visible[visible.length - 1].close);
  for (const level of niceSteps(low, high, 5)) {
    context.beginPath();
    context.moveTo(0, Math.round(y(level)) + 0.5);
    context.lineTo(plotWidth, Math.round(y(level)) + 0.5);
    context.stroke();
    // A label under the last price's 16 px tag would show through it, half hidden.
    if (Math.abs(y(level) - lastY) >= 16) context.fillText(format.price(level), plotWidth + 6, y(level) + 4);
  }
  const body = Math.max(1, slot * 0.7);
  visible.forEach((candle, index) => {
    const x = index * slot + slot / 2;
    const color = candle.close >= candle.open ? colors.up : colors.down;
    context.strokeStyle = color;
    context.fillStyle = color;
    context.beginPath();
    context.moveTo(Math.round(x) + 0.5, y(candle.high));
    context.lineTo(Math.round(x) + 0.5, y(candle.low));
    context.stroke();
    const top = y(Math.max(candle.open, candle.close));
    context.fillRect(x - body / 2, top, body, Math.max(1, y(Math.min(candle.open, candle.close)) - top));
    const bar = (candle.volume / maxVolume) * volumeHeight;
    context.globalAlpha = 0.45;
    context.fillRect(x - body / 2, volumeTop + volumeHeight - bar, body, bar);
    context.globalAlpha = 1;
  });
  context.fillStyle = colors.text;
  const labelEvery = Math.ceil(90 / slot);
  visible.forEach((candle, index) => {
    if (index % labelEvery === 0) context.fillText(format.time(candle.time), index * slot, height - 3);
  });
  const last = visible[visible.length - 1];
  context.fillStyle = last.close >= last.open ? colors.up : colors.down;
  context.fillRect(plotWidth, y(last.close) - 8, axis, 16);
  context.fillStyle = "#0b0e11";
  context.fillText(format.price(last.close), plotWidth + 6, y(last.close) + 4);
}

/** bids, asks: [{ price, total }] best first, totals cumulative. */
export function drawDepth(canvas, bids, asks, format) {
  const { context, width, height } = surface(canvas);
  if (width <= 0 || height <= 0) return;
  if (!bids.length && !asks.length) {
    context.fillStyle = colors.text;
    context.fillText(format.empty, 12, height / 2);
    return;
  }
  const prices = [...bids, ...asks].map((level) => level.price);
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const maxTotal = Math.max(bids.at(-1)?.total ?? 0, asks.at(-1)?.total ?? 0) || 1;
  const plotHeight = height - 20;
  const x = (price) => (high === low ? width / 2 : ((price - low) / (high - low)) * (width - 8) + 4);
  const y = (total) => plotHeight - (total / maxTotal) * (plotHeight - 12);
  const area = (levels, color) => {
    if (!levels.length) return;
    context.beginPath();
    context.moveTo(x(levels[0].price), plotHeight);
    for (const level of levels) context.lineTo(x(level.price), y(level.total));
    context.lineTo(x(levels.at(-1).price), plotHeight);
    context.closePath();
    context.globalAlpha = 0.2;
    context.fillStyle = color;
    context.fill();
    context.globalAlpha = 1;
    context.strokeStyle = color;
    context.stroke();
  };
  // Steps: each level holds its total until the next price.
  const stepped = (levels) => levels.flatMap((level, index) => (index ? [{ price: level.price, total: levels[index - 1].total }, level] : [level]));
  area(stepped(bids), colors.bid);
  area(stepped(asks), colors.ask);
  context.fillStyle = colors.text;
  for (const price of niceSteps(low, high, 4)) context.fillText(format.price(price), x(price) - 20, height - 4);
  context.fillText(format.total(maxTotal), 4, 14);
}
