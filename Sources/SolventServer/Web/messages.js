// A form's one-line message under it, in the user's language: a refusal (the page's own error
// codes have their own text, others show the server's) or a confirmation.
import * as i18n from "./i18n.js";

export function problem(node, error) {
  const own = `uerr.${-error.code}`;
  node.textContent = i18n.has(own) ? i18n.t(own) : i18n.t("err.server", { code: error.code, msg: error.message });
  node.className = "message bad";
}

export function say(node, key, values = {}) {
  node.textContent = key ? i18n.t(key, values) : "";
  node.className = "message ok";
}
