"""`solvent demo` for the browser tests: started on a data directory and a fixed port (so a
restart comes back at the same URL, as for a user whose server restarted), its banner read
(URL, API key and secret, page login), stopped the way Ctrl-C stops it."""
import os
import signal
import subprocess
import time

from exchange import free_port


class Demo:
    def __init__(self, binary, work):
        self.binary = binary
        self.data = os.path.join(work, "demo")
        self.port = free_port()
        self.log = os.path.join(work, "demo.log")
        self.process = None

    def start(self):
        """Runs the demo and waits for its banner, which it prints once it is serving."""
        with open(self.log, "ab") as log:
            offset = log.tell()
            self.process = subprocess.Popen(
                [self.binary, "demo", "--data", self.data, "--port", str(self.port), "--seed", "11"],
                stdout=log, stderr=log)
        banner, deadline = {}, time.time() + 90
        while "secret" not in banner:
            if self.process.poll() is not None:
                raise RuntimeError(f"solvent demo exited with {self.process.returncode}: {self.output(offset)}")
            if time.time() > deadline:
                raise RuntimeError(f"solvent demo printed no banner in 90 s: {self.output(offset)}")
            time.sleep(0.2)
            banner = self.banner(self.output(offset))
        self.url, self.api_key, self.secret = banner["url"].rstrip("/"), banner["key"], banner["secret"]
        self.login, self.password = banner.get("login"), banner.get("password")
        assert self.url == f"http://127.0.0.1:{self.port}", self.url

    def output(self, offset):
        with open(self.log, "rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")

    @staticmethod
    def banner(text):
        found = {}
        for line in text.splitlines():
            words = line.split()
            if "open" in words:
                found["url"] = words[words.index("open") + 1]
            elif words[:2] == ["API", "key"]:
                found["key"] = words[2]
            elif words[:2] == ["API", "secret"] and len(words) > 2:
                found["secret"] = words[2]
            elif words[:2] == ["Page", "login"]:
                found["login"], found["password"] = words[2], words[4]
        return found

    def stop(self):
        """SIGTERM, as Ctrl-C: the server's clean stop, which must exit 0."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            assert self.process.wait(timeout=30) == 0, "solvent demo did not stop cleanly"

    def epoch(self):
        """Publishes an epoch of proof of liabilities through the running demo's admin listener."""
        done = subprocess.run([self.binary, "epoch", "--data", self.data], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"solvent epoch: {done.stderr.strip() or done.stdout.strip()}"
