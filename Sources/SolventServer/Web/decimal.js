// Exact decimal arithmetic for the API's decimal strings. Money never passes through a binary
// float here: a value is a BigInt count of 10^-18 units, enough for any price × quantity the
// exchange lists (8 + 8 decimals). Floats appear only in charts.js, for pixels.
export const SCALE = 18;
const ONE = 10n ** BigInt(SCALE);

/** The units of a decimal string ("12.5", "-0.001", "1e-8" is refused), or null when not a number. */
export function parse(text) {
  if (typeof text !== "string") text = String(text ?? "");
  const match = /^\s*(-)?(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return null;
  const fraction = (match[3] ?? "");
  if (fraction.length > SCALE) return null;
  const units = BigInt((match[2] || "0") + fraction.padEnd(SCALE, "0"));
  return match[1] ? -units : units;
}

/** The shortest decimal string of `units` (no trailing zeros), or with exactly `places` decimals. */
export function text(units, places) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(SCALE + 1, "0");
  let whole = digits.slice(0, -SCALE);
  let fraction = digits.slice(-SCALE);
  fraction = places === undefined ? fraction.replace(/0+$/, "") : fraction.slice(0, places);
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

export const mul = (a, b) => (a * b) / ONE;
/** a / b rounded toward zero; b must not be zero. */
export const div = (a, b) => (a * ONE) / b;
/** The largest multiple of `step` not above `value` (value ≥ 0). */
export const floorTo = (value, step) => (step > 0n ? (value / step) * step : value);
/** The smallest multiple of `step` not below `value` (value ≥ 0). */
export const ceilTo = (value, step) => (step > 0n ? ((value + step - 1n) / step) * step : value);
export const isMultiple = (value, step) => step === 0n || value % step === 0n;
export const percent = (value, pct) => (value * BigInt(pct)) / 100n;

/** Decimal places a step such as "0.00100000" needs (3). */
export function placesOf(stepText) {
  const units = parse(stepText);
  if (units === null || units === 0n) return 0;
  const trimmed = text(units);
  const dot = trimmed.indexOf(".");
  return dot < 0 ? 0 : trimmed.length - dot - 1;
}

/** A float for drawing only (charts, depth shading widths). */
export const toFloat = (value) => Number(typeof value === "bigint" ? text(value) : value);
