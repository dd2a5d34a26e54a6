"""What the page's sign-in tests share: a TOTP generator written from RFC 6238 (not the server's),
the sign-up / sign-in form, taking the refusals a test provoked off the console's list, and the
API called with the page's own session."""
import base64
import hashlib
import hmac
import json
import re
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "correct horse battery"
REFUSED_FETCH = re.compile(r"Failed to load resource: the server responded with a status of 4\d\d")


def totp(secret, at):
    """RFC 6238 (SHA-1, 30 s, 6 digits), written here from the RFC rather than taken from the server."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, int(at // 30).to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return f"{(int.from_bytes(mac[offset:offset + 4], 'big') & 0x7FFFFFFF) % 1000000:06d}"


def enter(page, mode, login, password, code=None):
    page.click(f'.user-mode[data-mode="{mode}"]')
    page.fill("#u-login", login)
    page.fill("#u-password", password)
    if code is not None:
        page.fill("#u-code", code)
    page.click("#u-submit")


def take_refused_fetches(errors, since):
    """Chromium logs every refused request; the ones this test provoked on purpose come off the list."""
    provoked = errors[since:]
    assert all(REFUSED_FETCH.search(e) for e in provoked), provoked
    del errors[since:]


class PageSession:
    """REST calls made with the page's own session (its cookie, and the CSRF token the page holds
    in memory), to check what the page shows against what the API answers."""

    def __init__(self, page, url):
        cookie = next(c for c in page.context.cookies() if c["name"] == "solvent_session")
        self.cookie = f"solvent_session={cookie['value']}"
        self.csrf = page.evaluate("async () => (await import('/web/auth-key.js')).session().csrfToken")
        self.url = url

    def call(self, method, path, **params):
        request = urllib.request.Request(f"{self.url}{path}?{urllib.parse.urlencode(params)}", method=method,
                                         headers={"Cookie": self.cookie, "X-Solvent-CSRF": self.csrf})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return json.loads(answer.read())
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method} {path} {params}: {error.code} {error.read().decode()}") from None

    def totals(self):
        """Free + locked of every asset, in units."""
        return {b["asset"]: units(b["free"]) + units(b["locked"]) for b in self.call("GET", "/api/v3/account")["balances"]}


SCALE = 8


def units(text):
    """A decimal amount of an asset (8 decimals) in units, read exactly: "0.001" → 100000."""
    whole, _, fraction = text.strip().replace(",", "").partition(".")
    assert whole.isdigit() and (fraction == "" or fraction.isdigit()) and len(fraction) <= SCALE, text
    return int(whole) * 10 ** SCALE + int(fraction.ljust(SCALE, "0"))
