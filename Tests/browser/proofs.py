"""What the page's "Verify my assets" tests share: PROOF-FORMAT.md's test vectors, the canonical
JSON spelling, a leaf hash written here from the document (to forge a leaf that matches a raised
balance), and the call that runs the page's verify.js in the browser."""
import hashlib
import hmac
import json
from pathlib import Path

DOCUMENT = Path(__file__).resolve().parents[2] / "PROOF-FORMAT.md"

# verify.js on the texts given; answers (valid, the failed steps as "key" or "key/share", balances).
VERIFY = """async ([proof, header, accountId, secretHex, publicKeyHex]) => {
    const { verifyProof } = await import('/web/verify.js');
    const outcome = await verifyProof({ proof, header, accountId, secretHex, publicKeyHex });
    const failed = outcome.steps.filter((s) => !s.ok)
        .map((s) => s.values.share === undefined ? s.key : `${s.key}/${s.values.share}`);
    return [outcome.valid, failed, Object.fromEntries(outcome.assets.map((a) => [a.symbol, a.balance]))];
}"""


# verify.js on the texts given and the header verified before; answers every step as [key, ok].
STEPS = """async ([proof, header, accountId, secretHex, publicKeyHex, previousHeader]) => {
    const { verifyProof } = await import('/web/verify.js');
    const outcome = await verifyProof({ proof, header, accountId, secretHex, publicKeyHex, previousHeader });
    return outcome.steps.map((s) => [s.key, s.ok]);
}"""


# Signs a header text with an Ed25519 seed in the browser (WebCrypto, PKCS #8): headers of the
# document's vectors key that the exchange never wrote. Answers the signed text and its hash.
SIGN = """async ([text, seedHex]) => {
    const v = await import('/web/verify.js');
    const { readHeader } = await import('/web/canonical-json.js');
    const key = await crypto.subtle.importKey('pkcs8', v.unhex('302e020100300506032b657004220420' + seedHex, 48),
        { name: 'Ed25519' }, false, ['sign']);
    const canonical = v.canonicalHeader(readHeader(text));
    const tagged = (tag) => new Uint8Array([...new TextEncoder().encode(tag), ...canonical]);
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, tagged('solvent-pol-header-signature-v1')));
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', tagged('solvent-pol-header-hash-v1')));
    return [text.replace(/"signature":"[0-9a-f]{128}"/, `"signature":"${v.hex(signature)}"`), v.hex(hash)];
}"""


def document_vectors():
    """The block after each `<!-- vector:NAME -->` line of PROOF-FORMAT.md, by name."""
    lines = iter(DOCUMENT.read_text().split("\n"))
    found = {}
    for line in lines:
        if not (line.startswith("<!-- vector:") and line.endswith(" -->")):
            continue
        name = line[len("<!-- vector:"):-len(" -->")]
        if not next(lines).startswith("```"):
            continue
        body = []
        for text in lines:
            if text == "```":
                break
            body.append(text)
        found[name] = "\n".join(body)
    return found


def canonical(value):
    """The one spelling the exchange writes (§7): keys in order, no whitespace."""
    return json.dumps(value, separators=(",", ":"))


def edited(text, change):
    """The canonical text of `text`'s JSON after `change(value)` changed it in place."""
    value = json.loads(text)
    change(value)
    return canonical(value)


def units(amount):
    """"1.50000000" → 150000000."""
    return int(amount.replace(".", ""))


def amount_text(value, scale):
    """150000000 at scale 8 → "1.50000000"."""
    digits = str(value).rjust(scale + 1, "0")
    return f"{digits[:-scale]}.{digits[-scale:]}" if scale else digits


def plus_one_unit(amount):
    """The amount one smallest unit higher, in the same spelling."""
    decimals = len(amount.split(".")[1]) if "." in amount else 0
    digits = str(units(amount) + 1).rjust(decimals + 1, "0")
    return f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits


def leaf_hash(secret_hex, account, epoch, index, balances):
    """§3.3 from the document: SHA256(0x00 ‖ tag ‖ u64 epoch ‖ u64 index ‖ c ‖ u64 balances), c = HMAC(s, u64 a)."""
    commitment = hmac.new(bytes.fromhex(secret_hex), account.to_bytes(8, "big"), hashlib.sha256).digest()
    data = b"\x00solvent-pol-leaf-v2" + epoch.to_bytes(8, "big") + index.to_bytes(8, "big") + commitment
    data += b"".join(units(b).to_bytes(8, "big") for b in balances)
    return hashlib.sha256(data).hexdigest()
