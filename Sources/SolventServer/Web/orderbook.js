// One market's order book kept live by Binance's documented procedure: buffer the diff stream,
// take a REST snapshot, drop what the snapshot already holds, then apply diffs in id order and
// start over on any gap. Data only; the page draws it elsewhere.
import * as dec from "./decimal.js";

export class SyncedBook {
  /** `snapshot()` resolves to /api/v3/depth's answer; `changed()` is called after every update. */
  constructor(snapshot, changed) {
    this.snapshot = snapshot;
    this.changed = changed;
    this.restart();
  }

  restart() {
    this.bids = new Map();
    this.asks = new Map();
    this.lastUpdateId = null;
    this.buffer = [];
    this.loading = false;
    this.generation = (this.generation ?? 0) + 1;
    this.resyncs = (this.resyncs ?? -1) + 1;
    this.load();
  }

  async load() {
    const generation = this.generation;
    this.loading = true;
    let depth;
    try {
      depth = await this.snapshot();
    } catch {
      if (generation === this.generation) setTimeout(() => generation === this.generation && this.load(), 1000);
      return;
    }
    if (generation !== this.generation) return;
    const first = this.buffer[0];
    if (first && depth.lastUpdateId + 1 < first.U) { this.load(); return; } // older than the stream: refetch
    this.loading = false;
    this.bids = levels(depth.bids);
    this.asks = levels(depth.asks);
    this.lastUpdateId = depth.lastUpdateId;
    const pending = this.buffer.filter((event) => event.u > depth.lastUpdateId);
    this.buffer = [];
    if (pending.length && !(pending[0].U <= depth.lastUpdateId + 1)) { this.restart(); return; }
    for (const event of pending) if (!this.apply(event)) return;
    this.changed();
  }

  /** A depthUpdate event from the stream. */
  push(event) {
    if (this.loading) { this.buffer.push(event); return; }
    if (event.u <= this.lastUpdateId) return;
    if (this.apply(event)) this.changed();
  }

  apply(event) {
    if (event.U > this.lastUpdateId + 1) { this.restart(); return false; } // a gap: resync
    merge(this.bids, event.b);
    merge(this.asks, event.a);
    this.lastUpdateId = event.u;
    return true;
  }

  get ready() { return this.lastUpdateId !== null && !this.loading; }

  /** Levels best first, each { price, qty } in units, grouped to multiples of `group` units. */
  side(which, group, count) {
    const bid = which === "bids";
    const sorted = [...(bid ? this.bids : this.asks).entries()].sort((a, b) => (bid ? cmp(b[0], a[0]) : cmp(a[0], b[0])));
    const out = [];
    for (const [price, qty] of sorted) {
      const bucket = bid ? dec.floorTo(price, group) : dec.ceilTo(price, group);
      const last = out[out.length - 1];
      if (last && last.price === bucket) last.qty += qty;
      else if (out.length < count) out.push({ price: bucket, qty });
      else break;
    }
    return out;
  }
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function levels(pairs) {
  const map = new Map();
  merge(map, pairs);
  return map;
}

function merge(map, pairs) {
  for (const [priceText, qtyText] of pairs) {
    const price = dec.parse(priceText);
    const qty = dec.parse(qtyText);
    if (price === null || qty === null) continue;
    if (qty === 0n) map.delete(price); else map.set(price, qty);
  }
}
