// Checks a user's proof of liabilities in the browser, in the order of PROOF-FORMAT.md §10 and
// the way solvent-verify does (Sources/SolventProof/Verify: ProofVerifier, PathWalk). Kept apart
// from the page, with canonical-json.js, so a change of the proof format touches these two files
// only. Every step is reported, passed or failed, with an i18n key.
import { FormatError, amountText, readHeader, readProof, shareCount, u64Max } from "./canonical-json.js";

export { amountText, units } from "./canonical-json.js";

const encoder = new TextEncoder();
const tags = {
  leaf: encoder.encode("solvent-pol-leaf-v2"),
  headerHash: encoder.encode("solvent-pol-header-hash-v1"),
  headerSignature: encoder.encode("solvent-pol-header-signature-v1"),
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

/** The bytes the header's hash and signature cover (§5.1), of a header from `readHeader`. */
export function canonicalHeader(header) {
  const assets = header.assets.flatMap((a) => [shortString(a.symbol), Uint8Array.of(a.scale)]);
  return concat(be(2, 2), shortString(header.exchange), be(header.epoch, 8), header.previousHeaderHash,
    be(header.snapshotTimeMs, 8), be(header.journalSize, 8), header.journalRoot, be(header.assets.length, 2),
    ...assets, Uint8Array.of(header.height), header.rootHash, ...header.assets.map((a) => be(a.liabilities, 16)),
    ...header.assets.map((a) => be(a.reserves, 16)), header.keyId);
}

/** `c = HMAC(s, u64(a))` (§3): the commitment both of the account's leaves carry this epoch. */
export const commitment = (secret, accountId) => hmac(secret, be(accountId, 8));

/** The bytes a leaf's hash covers (§3.3). */
export function leafInput(epoch, index, commitment, balances) {
  return concat([0x00], tags.leaf, be(epoch, 8), be(index, 8), commitment, ...balances.map((b) => be(b, 8)));
}

function nodeInput(level, left, leftSums, right, rightSums) {
  return concat([0x01, level], left, ...leftSums.map((s) => be(s, 16)), right, ...rightSums.map((s) => be(s, 16)));
}

/** RFC 8032's first test key: importing it tells whether this browser has Ed25519 at all, so
 *  that a key the exchange serves which does not import is a failure, not "unavailable". */
const probeKey = unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", 32);

/** Ed25519 through WebCrypto: true or false, or null when this browser does not have it. */
async function ed25519Verify(publicKey, signature, message) {
  const load = (raw) => crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
  try {
    await load(probeKey);
  } catch {
    return null;
  }
  try {
    return await crypto.subtle.verify({ name: "Ed25519" }, await load(publicKey), signature, message);
  } catch {
    return false;
  }
}

/** The verifier's own inputs: the pinned key and the user's secret (hex), the account id (u64). */
function readInputs(publicKeyHex, secretHex, accountId) {
  const account = BigInt(accountId);
  if (account < 0n || account > u64Max) throw new Error("account id");
  return { publicKey: unhex(publicKeyHex, 32), secret: unhex(secretHex, 32), account };
}

/**
 * Verifies the texts of a proof and a signed header, exactly as served, for `accountId` with the
 * user's `secretHex` for that epoch and the pinned `publicKeyHex`, and, when given, how the header
 * follows `previousHeader` (the text of the last header verified). Returns { steps: [{ key, ok,
 * values }], valid, assets: [{ symbol, scale, balance, liabilities, reserves }] } (amounts as
 * text); stops at the first failure.
 */
export async function verifyProof({ proof: proofText, header: headerText, accountId, secretHex, publicKeyHex, previousHeader }) {
  const steps = [];
  const step = (key, ok, values = {}) => { steps.push({ key, ok, values }); return ok; };
  const invalid = () => ({ steps, valid: false, assets: [] });
  let inputs, header, proof;
  try {
    inputs = readInputs(publicKeyHex, secretHex, accountId);
    header = readHeader(headerText);
  } catch (error) {
    step("vstep.parse", false, { detail: error.message });
    return invalid();
  }
  step("vstep.parse", true, { epoch: header.epoch });
  const keyId = hex((await sha256(inputs.publicKey)).slice(0, 8));
  if (!step("vstep.keyId", keyId === hex(header.keyId), { keyId })) return invalid();
  const canonical = canonicalHeader(header);
  const signature = await ed25519Verify(inputs.publicKey, header.signature, concat(tags.headerSignature, canonical));
  if (signature === null) step("vstep.signatureUnavailable", true);
  else if (!step("vstep.signature", signature)) return invalid();
  const headerHash = await sha256(concat(tags.headerHash, canonical));
  if (previousHeader !== undefined && previousHeader !== null) {
    const chain = await chainStatus(previousHeader, header, headerHash, inputs.publicKey);
    if (!step(chain.key, chain.ok, chain.values)) return invalid();
  }
  try {
    proof = readProof(proofText);
  } catch (error) {
    step("vstep.proofParse", false, { detail: error instanceof FormatError ? error.message : String(error) });
    return invalid();
  }
  step("vstep.proofParse", true, { leaves: proof.leaves.length });
  if (!step("vstep.headerHash", belongsTo(proof, header, headerHash), { hash: hex(headerHash).slice(0, 16) })) return invalid();
  if (!step("vstep.shares", proof.leaves.length === shareCount, { count: proof.leaves.length })) return invalid();
  const mine = await commitment(inputs.secret, inputs.account);
  for (const [share, leaf] of proof.leaves.entries()) {
    if (!await checkLeaf(leaf, share, header, mine, step)) return invalid();
  }
  const totals = header.assets.map((_, asset) => proof.leaves[0].balances[asset] + proof.leaves[1].balances[asset]);
  if (!step("vstep.total", totals.every((total) => total <= u64Max))) return invalid();
  return { steps, valid: true, assets: header.assets.map((asset, i) => ({
    symbol: asset.symbol, scale: asset.scale, balance: amountText(totals[i], asset.scale),
    liabilities: amountText(asset.liabilities, asset.scale), reserves: amountText(asset.reserves, asset.scale),
  })) };
}

/** §10 step 4: the previous header is the pinned key's too; an older epoch is a rollback, another
 *  header of the same epoch equivocation, the next epoch must name its hash; a later one is a gap. */
async function chainStatus(previousText, header, headerHash, publicKey) {
  let previous;
  try {
    previous = readHeader(previousText);
  } catch (error) {
    return { key: "vstep.previous", ok: false, values: { detail: error.message } };
  }
  const canonical = canonicalHeader(previous);
  const keyId = hex((await sha256(publicKey)).slice(0, 8));
  const signed = await ed25519Verify(publicKey, previous.signature, concat(tags.headerSignature, canonical));
  if (keyId !== hex(previous.keyId) || signed === false) return { key: "vstep.previous", ok: false, values: {} };
  const previousHash = await sha256(concat(tags.headerHash, canonical));
  const values = { epoch: header.epoch, previous: previous.epoch };
  if (header.epoch < previous.epoch) return { key: "vstep.rollback", ok: false, values };
  if (header.epoch === previous.epoch) {
    return equal(headerHash, previousHash) ? { key: "vstep.chainSame", ok: true, values } : { key: "vstep.equivocation", ok: false, values };
  }
  if (header.epoch === previous.epoch + 1n) {
    const linked = equal(header.previousHeaderHash, previousHash);
    return { key: linked ? "vstep.chainLinked" : "vstep.brokenChain", ok: linked, values };
  }
  return { key: "vstep.chainGap", ok: true, values };
}

/** §10 step 5: the proof names this header's exchange, epoch, hash and assets (symbols, scales, order). */
function belongsTo(proof, header, headerHash) {
  return proof.exchange === header.exchange && proof.epoch === header.epoch && equal(proof.headerHash, headerHash)
    && proof.assets.length === header.assets.length
    && proof.assets.every((a, i) => a.symbol === header.assets[i].symbol && a.scale === header.assets[i].scale);
}

/** Steps 6–8 for share `share`'s leaf: in its half, recomputed from the commitment, its path to the root. */
async function checkLeaf(leaf, share, header, mine, step) {
  const height = BigInt(header.height);
  const placed = leaf.path.length === header.height && leaf.index >> height === 0n && leaf.index >> (height - 1n) === BigInt(share);
  if (!step("vstep.pathLength", placed, { share, height: header.height, index: leaf.index })) return false;
  let hash = await sha256(leafInput(header.epoch, leaf.index, mine, leaf.balances));
  if (!step("vstep.leaf", equal(hash, leaf.hash), { share, index: leaf.index })) return false;
  let sums = leaf.balances;
  for (const [level, sibling] of leaf.path.entries()) {
    // A subtree of 2^level leaves holds less than 2^(64 + level) of any asset.
    if (sibling.sums.some((s) => s >= 1n << BigInt(64 + level))) return step("vstep.range", false, { share, level });
    const right = (leaf.index >> BigInt(level)) & 1n;
    hash = await sha256(right ? nodeInput(level + 1, sibling.hash, sibling.sums, hash, sums)
      : nodeInput(level + 1, hash, sums, sibling.hash, sibling.sums));
    sums = sums.map((s, i) => s + sibling.sums[i]);
    if (sums.some((s) => s >= 1n << 128n)) return step("vstep.overflow", false, { share, level });
  }
  step("vstep.path", true, { share, levels: leaf.path.length });
  if (!step("vstep.root", equal(hash, header.rootHash), { share, root: hex(header.rootHash).slice(0, 16) })) return false;
  return step("vstep.sums", header.assets.every((a, i) => sums[i] === a.liabilities), { share });
}
