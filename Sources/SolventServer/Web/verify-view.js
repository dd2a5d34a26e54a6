// The "Verify my assets" view: fetches the exchange's key, the latest signed epoch, the user's
// proof and secret, runs verify.js in the browser and shows each step and the per-asset table.
// The exchange's key is pinned on first use (localStorage); a later change is reported. The last
// header verified is kept too, and the next one checked against it.
import * as api from "./api.js";
import * as auth from "./auth-key.js";
import * as i18n from "./i18n.js";
import { verifyProof, units } from "./verify.js";

const $ = (id) => document.getElementById(id);
let last = null; // the last run, redrawn on a language change

export function init() {
  $("verify-run").addEventListener("click", run);
  i18n.onLanguage(() => { if (last) draw(last); });
}

/** The last header verified here, so the next check sees rollbacks, equivocation and broken links. */
const lastHeader = {
  read() { try { return localStorage.getItem("solvent.lastHeader"); } catch { return null; } },
  keep(text) { try { localStorage.setItem("solvent.lastHeader", text); } catch { /* not kept */ } },
};

function pinned(key) {
  let known = null;
  try { known = localStorage.getItem("solvent.exchangeKey"); } catch { /* not kept */ }
  if (!known) { try { localStorage.setItem("solvent.exchangeKey", key); } catch { /* not kept */ } return { key, first: true }; }
  return { key: known, first: false, changed: known !== key };
}

async function run() {
  $("verify-run").disabled = true;
  try {
    last = await gather();
  } catch (error) {
    last = { steps: [{ key: "vstep.fetch", ok: false, values: { detail: `${error.code ?? ""} ${error.message}` } }], valid: false, assets: [] };
  } finally {
    $("verify-run").disabled = false;
  }
  draw(last);
}

async function gather() {
  if (!auth.signedIn()) return { steps: [{ key: "vstep.needKey", ok: false, values: {} }], valid: false, assets: [] };
  const key = await api.get("/sapi/v1/solvent/key");
  const pin = pinned(key.publicKey);
  // The texts exactly as served: verify.js reads them strictly, every byte counts.
  const header = await api.get("/sapi/v1/solvent/epoch", {}, { raw: true });
  // The epoch only picks what to fetch (verify.js checks the proof names the header); the
  // proof and the secret are both of that epoch, even if a newer one is published meanwhile.
  const epoch = JSON.parse(header)?.epoch;
  const proof = await api.signed("GET", "/sapi/v1/solvent/proof", { epoch }, { raw: true });
  const secret = await api.signed("GET", "/sapi/v1/solvent/secret", { epoch });
  const outcome = await verifyProof({ proof, header, accountId: secret.accountId, secretHex: secret.secret,
    publicKeyHex: pin.key, previousHeader: lastHeader.read() });
  if (outcome.valid && !pin.changed) lastHeader.keep(header);
  const pinStep = { key: pin.changed ? "vstep.keyChanged" : pin.first ? "vstep.keyPinned" : "vstep.keyKnown", ok: !pin.changed, values: { keyId: key.keyId } };
  return { ...outcome, valid: outcome.valid && !pin.changed, steps: [pinStep, ...outcome.steps], proof, header, secret, key };
}

function draw(outcome) {
  $("verify-steps").replaceChildren(...outcome.steps.map((step) => {
    const item = document.createElement("li");
    item.className = step.ok ? "ok" : "bad";
    const mark = document.createElement("span");
    mark.className = "mark";
    mark.textContent = i18n.t(step.ok ? "verify.pass" : "verify.fail");
    const detail = !step.ok && step.values.detail ? ` (${step.values.detail})` : "";
    item.append(mark, document.createTextNode(` ${i18n.t(step.key, step.values)}${detail}`));
    return item;
  }));
  const result = $("verify-result");
  result.className = outcome.valid ? "verdict ok" : "verdict bad";
  result.textContent = i18n.t(outcome.valid ? "verify.valid" : "verify.invalid");
  const table = $("verify-assets");
  table.hidden = !outcome.assets.length;
  $("verify-assets-body").replaceChildren(...outcome.assets.map((asset) => {
    const row = document.createElement("tr");
    const reserves = units(asset.reserves, asset.scale);
    const liabilities = units(asset.liabilities, asset.scale);
    // Ratio in basis points, exact; shown as a percentage with two decimals.
    const ratio = liabilities === 0n ? null : `${(reserves * 10000n) / liabilities / 100n}.${String((reserves * 10000n) / liabilities % 100n).padStart(2, "0")}`;
    for (const [text, className] of [[asset.symbol, ""], [i18n.number(asset.balance, asset.scale), "num"],
      [i18n.number(asset.liabilities, asset.scale), "num"], [i18n.number(asset.reserves, asset.scale), "num"],
      [ratio === null ? "—" : i18n.t("fmt.percentPlain", { value: i18n.number(ratio, 2) }), "num"]]) {
      const cell = document.createElement("td");
      cell.className = className;
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
  const needsCli = outcome.steps.some((step) => step.key === "vstep.signatureUnavailable");
  $("verify-cli").hidden = !needsCli || !outcome.header;
  if (needsCli && outcome.header) {
    $("verify-cli-cmd").textContent = `solvent-verify --proof proof.json --header header.json --key ${outcome.key.publicKey} --secret-file secret --account ${outcome.secret.accountId}`;
  }
}
