// The Account view: sign up and sign in (with the second factor when it is on), sign out, set
// the second factor up or turn it off, and the account's API keys (created with permissions,
// an IP allow-list and a code; the secret shown once; listed; revoked).
import * as api from "./api.js";
import * as auth from "./auth-key.js";
import * as i18n from "./i18n.js";
import { problem, say } from "./messages.js";

const $ = (id) => document.getElementById(id);
let mode = "login";
let needsCode = false;
let setupShown = false;

function drawSignedOut() {
  for (const button of document.querySelectorAll(".user-mode")) button.setAttribute("aria-pressed", String(button.dataset.mode === mode));
  $("u-submit").textContent = i18n.t(mode === "login" ? "user.login" : "user.signup");
  $("u-password").autocomplete = mode === "login" ? "current-password" : "new-password";
  $("f-u-code").hidden = !(mode === "login" && needsCode);
}

function draw() {
  const session = auth.session();
  $("signed-out").hidden = session !== null;
  $("signed-in").hidden = session === null;
  $("user-open").textContent = session ? session.login : i18n.t("user.open");
  if (!session) { drawSignedOut(); return; }
  $("u-who").textContent = session.login;
  $("u-account").textContent = String(session.account);
  $("tfa-state").textContent = i18n.t(session.totpEnabled ? "tfa.on" : "tfa.off");
  $("tfa-setup-btn").hidden = session.totpEnabled;
  $("tfa-form").hidden = !session.totpEnabled && !setupShown;
  $("tfa-setup").hidden = session.totpEnabled || !setupShown;
  $("tfa-submit").textContent = i18n.t(session.totpEnabled ? "tfa.disable" : "tfa.enable");
}

async function enter(event) {
  event.preventDefault();
  const form = { login: $("u-login").value.trim(), password: $("u-password").value };
  if (needsCode) form.totpCode = $("u-code").value.trim();
  $("u-submit").disabled = true;
  try {
    const session = await api.user("POST", mode === "login" ? "login" : "signup", form);
    $("u-password").value = "";
    $("u-code").value = "";
    needsCode = false;
    say($("u-message"), "");
    auth.setSession(session);
    loadKeys();
  } catch (error) {
    if (error.code === -9208) needsCode = true;
    problem($("u-message"), error);
    drawSignedOut();
  } finally {
    $("u-submit").disabled = false;
  }
}

async function logOut() {
  try { await api.user("POST", "logout"); } catch { /* gone already: signed out either way */ }
  setupShown = false;
  $("k-created").hidden = true;
  auth.setSession(null);
}

async function setUpSecondFactor() {
  try {
    const setup = await api.user("POST", "totp/setup");
    $("tfa-secret").textContent = setup.secret;
    $("tfa-uri").textContent = setup.uri;
    setupShown = true;
    say($("tfa-message"), "tfa.scan");
    draw();
  } catch (error) {
    problem($("tfa-message"), error);
  }
}

async function confirmSecondFactor(event) {
  event.preventDefault();
  const session = auth.session();
  const turningOff = session.totpEnabled;
  try {
    await api.user("POST", turningOff ? "totp/disable" : "totp/enable", { totpCode: $("tfa-code").value.trim() });
    $("tfa-code").value = "";
    setupShown = false;
    say($("tfa-message"), turningOff ? "tfa.turnedOff" : "tfa.turnedOn");
    auth.setSession({ ...session, totpEnabled: !turningOff });
  } catch (error) {
    problem($("tfa-message"), error);
  }
}

function keyRow(key) {
  const row = document.createElement("tr");
  const cells = [key.label || "—", key.apiKey, key.permissions.split(",").map((p) => i18n.t(`keys.${p}`)).join(", "),
    key.ipAllowList.length ? key.ipAllowList.join(", ") : i18n.t("keys.anyIP"), i18n.dateTime(key.createdAt)];
  for (const text of cells) {
    const cell = document.createElement("td");
    cell.textContent = text;
    row.append(cell);
  }
  const action = document.createElement("td");
  const revoke = document.createElement("button");
  revoke.type = "button";
  revoke.className = "btn ghost small";
  revoke.textContent = i18n.t("keys.revoke");
  revoke.setAttribute("aria-label", i18n.t("keys.revokeKey", { key: key.apiKey.slice(0, 8) }));
  revoke.addEventListener("click", async () => {
    try { await api.user("DELETE", "apiKey", { apiKey: key.apiKey }); loadKeys(); } catch (error) { problem($("k-message"), error); }
  });
  action.append(revoke);
  row.append(action);
  return row;
}

async function loadKeys() {
  if (!auth.session()) return;
  try {
    const keys = await api.user("GET", "apiKeys");
    $("keys-body").replaceChildren(...keys.map(keyRow));
    $("keys-empty").hidden = keys.length > 0;
  } catch (error) {
    problem($("k-message"), error);
  }
}

async function createKey(event) {
  event.preventDefault();
  const permissions = ["read", ...["trade", "proof"].filter((p) => $(`k-${p}`).checked)].join(",");
  try {
    const created = await api.user("POST", "apiKey", { label: $("k-label").value.trim(), permissions,
      ipAllowList: $("k-ips").value.trim(), totpCode: $("k-code").value.trim() });
    $("k-code").value = "";
    $("k-new-key").textContent = created.apiKey;
    $("k-new-secret").textContent = created.secret;
    $("k-created").hidden = false;
    say($("k-message"), "keys.created");
    loadKeys();
  } catch (error) {
    problem($("k-message"), error);
  }
}

export function init() {
  for (const button of document.querySelectorAll(".user-mode")) {
    button.addEventListener("click", () => {
      if (mode === button.dataset.mode) return;
      mode = button.dataset.mode;
      needsCode = false;
      say($("u-message"), "");
      drawSignedOut();
    });
  }
  $("user-form").addEventListener("submit", enter);
  $("u-logout").addEventListener("click", logOut);
  $("tfa-setup-btn").addEventListener("click", setUpSecondFactor);
  $("tfa-form").addEventListener("submit", confirmSecondFactor);
  $("keys-form").addEventListener("submit", createKey);
  $("k-hide").addEventListener("click", () => { $("k-created").hidden = true; $("k-new-secret").textContent = ""; });
  auth.onChange(draw);
  i18n.onLanguage(() => { draw(); loadKeys(); });
  draw();
  if (auth.mayHaveSession()) {
    api.user("GET", "session").then((session) => { auth.setSession(session); loadKeys(); })
      .catch(() => auth.setSession(null));
  }
}
