// The Wallet view: the deposit address of a chosen asset (Binance's wallet API, with the page's
// session or a pasted key), the demo's "send a simulated deposit" when the server offers it, a
// withdrawal (the session's withdrawals need the second-factor code; a refusal shows the
// server's message), and both histories. While the view is open it refreshes every few seconds,
// so a deposit shows as credited once its confirmations are in.
import * as api from "./api.js";
import * as auth from "./auth-key.js";
import * as i18n from "./i18n.js";
import { problem, say } from "./messages.js";

const $ = (id) => document.getElementById(id);
const refreshMs = 2000;
let coins = [];
/** What one simulated deposit sends per coin, when the server is the demo's; else null. */
let simulated = null;
let timer = null;

const coin = (select) => coins.find((entry) => entry.coin === $(select).value);

function fillCoins(select, enabled) {
  const chosen = $(select).value;
  const options = coins.filter(enabled).map((entry) => {
    const option = document.createElement("option");
    option.value = option.textContent = entry.coin;
    return option;
  });
  $(select).replaceChildren(...options);
  if (options.some((option) => option.value === chosen)) $(select).value = chosen;
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const [text, numeric] of cells) {
    const td = document.createElement("td");
    td.textContent = text;
    if (numeric) td.className = "num";
    tr.append(td);
  }
  return tr;
}

/** An amount as the API spells it ("1.00000000"), in the locale's digits with the same decimals. */
const amount = (text) => i18n.number(text, String(text).split(".")[1]?.length ?? 0);
/** Binance's "yyyy-MM-dd HH:mm:ss" (UTC) of a withdrawal, as the locale writes dates. */
const utcTime = (text) => i18n.dateTime(Date.parse(`${text.replace(" ", "T")}Z`));

function statusText(prefix, status) {
  const key = `${prefix}.${status}`;
  return i18n.has(key) ? i18n.t(key) : String(status);
}

async function refresh() {
  const signedIn = auth.signedIn();
  $("wallet-login").hidden = signedIn;
  $("deposit-panel").hidden = $("withdraw-panel").hidden = !signedIn;
  if (!signedIn || timer === null) return;   // the wallet is asked only while the view is open
  try {
    coins = await api.signed("GET", "/sapi/v1/capital/config/getall");
    fillCoins("d-coin", (entry) => entry.depositAllEnable);
    fillCoins("w-coin", (entry) => entry.withdrawAllEnable);
    const shown = coin("d-coin");
    $("d-balance").textContent = shown ? `${amount(shown.free)} ${shown.coin}` : "—";
    const deposits = await api.signed("GET", "/sapi/v1/capital/deposit/hisrec", { limit: 20 });
    $("d-body").replaceChildren(...deposits.map((deposit) => row([[i18n.dateTime(deposit.insertTime)], [deposit.coin],
      [amount(deposit.amount), true], [`${statusText("wallet.dstatus", deposit.status)} (${deposit.confirmTimes})`], [deposit.txId.slice(0, 16)]])));
    const withdrawals = await api.signed("GET", "/sapi/v1/capital/withdraw/history", { limit: 20 });
    $("w-body").replaceChildren(...withdrawals.map((withdrawal) => row([[utcTime(withdrawal.applyTime)], [withdrawal.coin],
      [amount(withdrawal.amount), true], [statusText("wallet.wstatus", withdrawal.status)], [withdrawal.address]])));
  } catch (error) {
    problem($("d-message"), error);
  }
}

async function showAddress() {
  const chosen = coin("d-coin");
  if (!chosen) return;
  try {
    const { address } = await api.signed("GET", "/sapi/v1/capital/deposit/address", { coin: chosen.coin });
    $("d-address").textContent = address;
    $("d-hint").textContent = i18n.t("wallet.depositHint", { coin: chosen.coin, confirmations: chosen.networkList[0]?.minConfirm ?? "" });
    $("d-shown").hidden = false;
    drawSimulate();
    say($("d-message"), "");
  } catch (error) {
    problem($("d-message"), error);
  }
}

function drawSimulate() {
  const chosen = $("d-coin").value;
  const sent = simulated?.[chosen];
  $("d-simulate").hidden = !sent || auth.session() === null;
  if (sent) $("d-simulate").textContent = i18n.t("wallet.simulate", { amount: amount(sent), coin: chosen });
}

async function simulateDeposit() {
  $("d-simulate").disabled = true;
  try {
    const sent = await api.signed("POST", "/sapi/v1/solvent/demo/deposit", { coin: $("d-coin").value, address: $("d-address").textContent });
    say($("d-message"), "wallet.simulated", { amount: amount(sent.amount), coin: sent.coin, txid: sent.txId.slice(0, 12) });
    refresh();
  } catch (error) {
    problem($("d-message"), error);
  } finally {
    $("d-simulate").disabled = false;
  }
}

async function withdraw(event) {
  event.preventDefault();
  $("w-submit").disabled = true;
  try {
    const { id } = await api.signed("POST", "/sapi/v1/capital/withdraw/apply", { coin: $("w-coin").value,
      address: $("w-address").value.trim(), amount: $("w-amount").value.trim(), totpCode: $("w-code").value.trim() });
    $("w-code").value = "";
    say($("w-message"), "wallet.requested", { id: id.replace(/^0+/, "").slice(0, 12) || "0" });
    refresh();
  } catch (error) {
    problem($("w-message"), error);
  } finally {
    $("w-submit").disabled = false;
  }
}

/** Only the demo's server answers this (a session endpoint bound when it runs the simulator). */
async function learnSimulatedDeposits() {
  if (simulated !== null || auth.session() === null) return;
  try { simulated = await api.signed("GET", "/sapi/v1/solvent/demo/deposit"); } catch { simulated = null; }
  drawSimulate();
}

/** Called when the view opens or closes. */
export function shown(visible) {
  clearInterval(timer);
  timer = null;
  if (!visible) return;
  timer = setInterval(refresh, refreshMs);
  learnSimulatedDeposits();
  refresh();
}

export function init() {
  $("d-show").addEventListener("click", showAddress);
  $("d-coin").addEventListener("change", () => { $("d-shown").hidden = true; say($("d-message"), ""); refresh(); });
  $("d-simulate").addEventListener("click", simulateDeposit);
  $("w-form").addEventListener("submit", withdraw);
  auth.onChange(() => { simulated = null; $("d-shown").hidden = true; if (timer) shown(true); else refresh(); });
  i18n.onLanguage(() => { drawSimulate(); refresh(); });
  refresh();
}
