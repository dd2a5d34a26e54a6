"""Hand-made signed requests, below any client library."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Dict, Optional

import requests


class Signed:
    """Hand-made signed requests with an account's HMAC key (spec §2.3)."""

    def __init__(self, url: str, key):
        self.url, self.key = url, key

    def send(self, method: str, path: str, query: str = "", body: str = "", *, stamp: bool = True,
             headers: Optional[Dict[str, str]] = None) -> requests.Response:
        if stamp:
            query = (query + "&" if query else "") + f"timestamp={int(time.time() * 1000)}"
        signature = hmac.new(self.key.secret.encode(), (query + body).encode(), hashlib.sha256).hexdigest()
        if body:
            body = body + f"&signature={signature}"
        else:
            query = (query + "&" if query else "") + f"signature={signature}"
        all_headers = {"X-MBX-APIKEY": self.key.api_key}
        if body:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        all_headers.update(headers or {})
        return requests.request(method, f"{self.url}{path}" + (f"?{query}" if query else ""), data=body or None,
                                headers=all_headers, timeout=10)
