"""What the page's sign-in tests share: a TOTP generator written from RFC 6238 (not the server's),
the sign-up / sign-in form, and taking the refusals a test provoked off the console's list."""
import base64
import hashlib
import hmac
import re

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


def take_refused_fetches(env, since):
    """Chromium logs every refused request; the ones this test provoked on purpose come off the list."""
    provoked = env["errors"][since:]
    assert all(REFUSED_FETCH.search(e) for e in provoked), provoked
    del env["errors"][since:]
