// Reads a signed epoch header and a proof in the one spelling the exchange writes
// (PROOF-FORMAT.md §5.3, §6 and §7), the way Sources/SolventProof's CanonicalReader does: each
// call expects one exact piece at the current character (a literal, an integer, a name, hex, an
// amount), so every character of an accepted text is significant. Integers and amounts come back
// as BigInt, hashes as bytes.
const version = 2n;
const heightMin = 2;
const heightMax = 48;
export const shareCount = 2;
const assetCountMax = 256;
const scaleMax = 18n;
const u16Max = 0xffffn;
export const u64Max = (1n << 64n) - 1n;
const u128Max = (1n << 128n) - 1n;
const namePattern = /^[A-Za-z0-9._-]{1,32}$/;

/** Why a text is not canonical, and at which character. */
export class FormatError extends Error {
  constructor(what, at) {
    super(`${what} at character ${at}`);
    this.at = at;
  }
}

/** The units `text` spells at `scale` ("1.50000000" at 8 is 150000000n), if canonical and ≤ `limit`. */
export function units(text, scale, limit = u128Max) {
  const pattern = scale === 0 ? /^(0|[1-9][0-9]*)$/ : new RegExp(`^(0|[1-9][0-9]*)\\.([0-9]{${scale}})$`);
  const match = pattern.exec(text);
  if (!match) throw new Error(`amount ${text}`);
  const value = BigInt(match[1] + (match[2] ?? ""));
  if (value > limit) throw new Error(`amount ${text} is too large`);
  return value;
}

/** 150000000n at scale 8 → "1.50000000": the one spelling of an amount. */
export function amountText(value, scale) {
  if (scale === 0) return value.toString();
  const digits = value.toString().padStart(scale + 1, "0");
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

class Reader {
  constructor(text) {
    if (typeof text !== "string") throw new FormatError("a text", 0);
    this.text = text;
    this.at = 0;
  }

  expect(literal) {
    if (!this.text.startsWith(literal, this.at)) throw new FormatError(`expected ${literal}`, this.at);
    this.at += literal.length;
  }

  /** `"key":` then a decimal integer at most `max`. */
  integer(key, max) {
    this.expect(`"${key}":`);
    const start = this.at;
    while (this.at < this.text.length && !",}]".includes(this.text[this.at])) this.at++;
    try {
      return units(this.text.slice(start, this.at), 0, max);
    } catch {
      throw new FormatError(`integer ${key}`, start);
    }
  }

  /** `"key":"name"`, a symbol or exchange id. */
  name(key) {
    this.expect(`"${key}":`);
    const start = this.at;
    const text = this.quoted();
    if (!namePattern.test(text)) throw new FormatError(`name ${key}`, start);
    return text;
  }

  /** `"key":"<hex>"`, exactly `length` bytes in lowercase hex. */
  hex(key, length) {
    this.expect(`"${key}":`);
    const start = this.at;
    const text = this.quoted();
    if (text.length !== 2 * length || !/^[0-9a-f]*$/.test(text)) throw new FormatError(`hex ${key}`, start);
    return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  }

  /** A quoted amount at `scale`, at most `limit` units. */
  amount(scale, limit) {
    const start = this.at + 1;
    try {
      return units(this.quoted(), scale, limit);
    } catch (error) {
      if (error instanceof FormatError) throw error;
      throw new FormatError("amount", start);
    }
  }

  /** `[e,e,…]` with at most `max` elements. */
  list(what, max, element) {
    this.expect("[");
    const items = [];
    if (this.text[this.at] === "]") { this.at++; return items; }
    for (;;) {
      if (items.length >= max) throw new FormatError(`too many ${what}`, this.at);
      items.push(element());
      if (this.text[this.at] === "]") { this.at++; return items; }
      this.expect(",");
    }
  }

  /** The end of the text: nothing more, or one newline. */
  end() {
    if (this.at === this.text.length - 1 && this.text[this.at] === "\n") this.at++;
    if (this.at !== this.text.length) throw new FormatError("trailing characters", this.at);
  }

  /** The characters between two quotes; a backslash or control character is refused (no escapes). */
  quoted() {
    this.expect('"');
    const start = this.at;
    while (this.at < this.text.length && this.text[this.at] !== '"') {
      if (this.text[this.at] === "\\" || this.text.charCodeAt(this.at) < 0x20) throw new FormatError("escape or control character", this.at);
      this.at++;
    }
    const content = this.text.slice(start, this.at);
    this.expect('"');
    return content;
  }

  version() {
    const start = this.at;
    const value = this.integer("version", u16Max);
    if (value !== version) throw new FormatError(`unsupported version ${value}`, start);
  }

  /** `"symbol":"BTC","scale":8`, shared by the header's and the proof's asset lists. */
  asset() {
    const symbol = this.name("symbol");
    this.expect(",");
    const start = this.at;
    const scale = this.integer("scale", u64Max);
    if (scale > scaleMax) throw new FormatError("scale", start);
    return { symbol, scale: Number(scale) };
  }
}

/** The signed header (§5.3): { version, exchange, epoch, …, assets: [{ symbol, scale, liabilities, reserves }], keyId, signature }. */
export function readHeader(text) {
  const reader = new Reader(text);
  reader.expect("{");
  reader.version();
  reader.expect(",");
  const exchange = reader.name("exchange"); reader.expect(",");
  const epoch = reader.integer("epoch", u64Max); reader.expect(",");
  const previousHeaderHash = reader.hex("previousHeaderHash", 32); reader.expect(",");
  const snapshotTimeMs = reader.integer("snapshotTimeMs", u64Max); reader.expect(",");
  const journalSize = reader.integer("journalSize", u64Max); reader.expect(",");
  const journalRoot = reader.hex("journalRoot", 32); reader.expect(",");
  const heightAt = reader.at;
  const height = reader.integer("height", u64Max);
  if (height < BigInt(heightMin) || height > BigInt(heightMax)) throw new FormatError(`height ${height}`, heightAt);
  reader.expect(",");
  const rootHash = reader.hex("rootHash", 32); reader.expect(',"assets":');
  const assets = reader.list("assets", assetCountMax, () => {
    reader.expect("{");
    const asset = reader.asset();
    reader.expect(',"liabilities":');
    const liabilities = reader.amount(asset.scale, u128Max);
    reader.expect(',"reserves":');
    const reserves = reader.amount(asset.scale, u128Max);
    reader.expect("}");
    return { ...asset, liabilities, reserves };
  });
  reader.expect(",");
  const keyId = reader.hex("keyId", 8); reader.expect(",");
  const signature = reader.hex("signature", 64);
  reader.expect("}");
  reader.end();
  return { exchange, epoch, previousHeaderHash, snapshotTimeMs, journalSize, journalRoot, height: Number(height),
    rootHash, assets, keyId, signature };
}

/** The proof (§6): { exchange, epoch, headerHash, assets: [{ symbol, scale }], leaves: [{ index, hash, balances, path: [{ hash, sums }] }] }. */
export function readProof(text) {
  const reader = new Reader(text);
  reader.expect("{");
  reader.version();
  reader.expect(",");
  const exchange = reader.name("exchange"); reader.expect(",");
  const epoch = reader.integer("epoch", u64Max); reader.expect(",");
  const headerHash = reader.hex("headerHash", 32); reader.expect(',"assets":');
  const assets = reader.list("assets", assetCountMax, () => {
    reader.expect("{");
    const asset = reader.asset();
    reader.expect("}");
    return asset;
  });
  reader.expect(',"leaves":');
  const leaves = reader.list("leaves", shareCount, () => readLeaf(reader, assets));
  reader.expect("}");
  reader.end();
  return { exchange, epoch, headerHash, assets, leaves };
}

function readLeaf(reader, assets) {
  reader.expect("{");
  const index = reader.integer("index", u64Max); reader.expect(",");
  const hash = reader.hex("hash", 32); reader.expect(',"balances":');
  const balances = readAmounts(reader, assets, u64Max);
  reader.expect(',"path":');
  const path = reader.list("path steps", heightMax, () => {
    reader.expect("{");
    const hash = reader.hex("hash", 32); reader.expect(',"sums":');
    const sums = readAmounts(reader, assets, u128Max);
    reader.expect("}");
    return { hash, sums };
  });
  reader.expect("}");
  return { index, hash, balances, path };
}

/** One amount per asset, each at its asset's scale. */
function readAmounts(reader, assets, limit) {
  const start = reader.at;
  let at = 0;
  const amounts = reader.list("amounts", assets.length + 1, () => {
    if (at >= assets.length) throw new FormatError("one amount per asset", reader.at);
    return reader.amount(assets[at++].scale, limit);
  });
  if (amounts.length !== assets.length) throw new FormatError("one amount per asset", start);
  return amounts;
}
