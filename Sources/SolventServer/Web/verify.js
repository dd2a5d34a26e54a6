// Checks a user's proof of liabilities in the browser, the way solvent-verify does (see
// Sources/SolventProof: ProofVerifier, TreeHasher, UserSecret, EpochHeader+Encoding). Kept apart
// from the page so a change of the proof format touches this file only. Every step is reported,
// passed or failed, with an i18n key.
const encoder = new TextEncoder();
const tags = {
  leaf: encoder.encode("solvent-pol-leaf-v1"),
  headerHash: encoder.encode("solvent-pol-header-hash-v1"),
  headerSignature: encoder.encode("solvent-pol-header-signature-v1"),
  epoch: encoder.encode("epoch"),
};

export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
export function unhex(text, length) {
  if (typeof text !== "string" || !/^[0-9a-f]*$/.test(text) || text.length !== length * 2) throw new Error("hex");
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** Big-endian bytes of a non-negative BigInt in `width` bytes. */
function be(value, width) {
  const out = new Uint8Array(width);
  let rest = BigInt(value);
  for (let at = width - 1; at >= 0; at--) { out[at] = Number(rest & 0xffn); rest >>= 8n; }
  if (rest !== 0n) throw new Error("overflow");
  return out;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

const shortString = (text) => { const bytes = encoder.encode(text); return concat([bytes.length], bytes); };
const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
async function hmac(key, message) {
  const imported = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", imported, message));
}
const equal = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** "1.50000000" at scale 8 → 150000000n; exactly `scale` decimals, as the format requires. */
export function units(text, scale) {
  const pattern = scale === 0 ? /^(0|[1-9]\d*)$/ : new RegExp(`^(0|[1-9]\\d*)\\.(\\d{${scale}})$`);
  const match = pattern.exec(text);
  if (!match) throw new Error(`amount ${text}`);
  return BigInt(match[1] + (match[2] ?? ""));
}

export function amountText(value, scale) {
  if (scale === 0) return value.toString();
  const digits = value.toString().padStart(scale + 1, "0");
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The bytes the header's hash and signature cover (EpochHeader.canonicalBytes). */
export function canonicalHeader(header) {
  const assets = header.assets.flatMap((a) => [shortString(a.symbol), Uint8Array.of(a.scale)]);
  return concat(be(header.version, 2), shortString(header.exchange), be(header.epoch, 8),
    unhex(header.previousHeaderHash, 32), be(header.snapshotTimeMs, 8), be(header.journalSize, 8),
    unhex(header.journalRoot, 32), be(header.assets.length, 2), ...assets, Uint8Array.of(header.height),
    unhex(header.rootHash, 32), ...header.assets.map((a) => be(units(a.liabilities, a.scale), 16)),
    ...header.assets.map((a) => be(units(a.reserves, a.scale), 16)), unhex(header.keyId, 8));
}

function leafBytes(epoch, index, commitment, balances) {
  return concat([0x00], tags.leaf, be(epoch, 8), be(index, 8), commitment, ...balances.map((b) => be(b, 8)));
}

function nodeBytes(level, left, leftSums, right, rightSums) {
  return concat([0x01, level], left, ...leftSums.map((s) => be(s, 16)), right, ...rightSums.map((s) => be(s, 16)));
}

/** Ed25519 through WebCrypto, or null when this browser does not have it. */
async function ed25519Verify(publicKey, signature, message) {
  let key;
  try {
    key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
  } catch {
    return null;
  }
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
}

/**
 * Verifies `proof` (parsed JSON) against `header` (parsed signed header) for `accountId` with
 * the user's `secretHex` and the pinned `publicKeyHex`. Returns { steps: [{ key, ok, values }],
 * valid, assets: [{ symbol, scale, balance, liabilities, reserves }] }; stops at the first failure.
 */
export async function verifyProof({ proof, header, accountId, secretHex, publicKeyHex }) {
  const steps = [];
  const step = (key, ok, values = {}) => { steps.push({ key, ok, values }); return ok; };
  const result = (valid) => ({ steps, valid, assets: valid ? assetsOf(proof, header) : [] });
  let publicKey, canonical;
  try {
    publicKey = unhex(publicKeyHex, 32);
    canonical = canonicalHeader(header);
  } catch (error) {
    step("vstep.parse", false, { detail: error.message });
    return result(false);
  }
  step("vstep.parse", true, { epoch: header.epoch });
  const keyId = hex((await sha256(publicKey)).slice(0, 8));
  if (!step("vstep.keyId", keyId === header.keyId, { keyId })) return result(false);
  const signature = await ed25519Verify(publicKey, unhex(header.signature, 64), concat(tags.headerSignature, canonical));
  if (signature === null) step("vstep.signatureUnavailable", true);
  else if (!step("vstep.signature", signature)) return result(false);
  const headerHash = hex(await sha256(concat(tags.headerHash, canonical)));
  const sameEpoch = proof.exchange === header.exchange && proof.epoch === header.epoch && proof.headerHash === headerHash
    && proof.assets.length === header.assets.length
    && proof.assets.every((a, i) => a.symbol === header.assets[i].symbol && a.scale === header.assets[i].scale);
  if (!step("vstep.headerHash", sameEpoch, { hash: headerHash.slice(0, 16) })) return result(false);
  if (!step("vstep.pathLength", proof.path.length === header.height && BigInt(proof.leaf.index) >> BigInt(header.height) === 0n,
    { height: header.height })) return result(false);
  const epochKey = await hmac(unhex(secretHex, 32), concat(tags.epoch, be(header.epoch, 8)));
  const commitment = await hmac(epochKey, be(accountId, 8));
  const balances = proof.leaf.balances.map((b, i) => units(b, proof.assets[i].scale));
  const leaf = await sha256(leafBytes(header.epoch, proof.leaf.index, commitment, balances));
  if (!step("vstep.leaf", hex(leaf) === proof.leaf.hash, { index: proof.leaf.index })) return result(false);
  let hash = leaf;
  let sums = balances;
  for (const [level, sibling] of proof.path.entries()) {
    const siblingSums = sibling.sums.map((s, i) => units(s, proof.assets[i].scale));
    if (siblingSums.some((s) => s >= 1n << BigInt(64 + level))) { step("vstep.range", false, { level }); return result(false); }
    const right = (BigInt(proof.leaf.index) >> BigInt(level)) & 1n;
    const siblingHash = unhex(sibling.hash, 32);
    hash = await sha256(right ? nodeBytes(level + 1, siblingHash, siblingSums, hash, sums) : nodeBytes(level + 1, hash, sums, siblingHash, siblingSums));
    sums = sums.map((s, i) => s + siblingSums[i]);
  }
  step("vstep.path", true, { levels: proof.path.length });
  if (!step("vstep.root", equal(hash, unhex(header.rootHash, 32)), { root: header.rootHash.slice(0, 16) })) return result(false);
  const sumsMatch = header.assets.every((a, i) => sums[i] === units(a.liabilities, a.scale));
  if (!step("vstep.sums", sumsMatch)) return result(false);
  return result(true);
}

function assetsOf(proof, header) {
  return header.assets.map((asset, i) => ({
    symbol: asset.symbol, scale: asset.scale, balance: proof.leaf.balances[i],
    liabilities: asset.liabilities, reserves: asset.reserves,
  }));
}
