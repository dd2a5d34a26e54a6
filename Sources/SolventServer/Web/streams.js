// A WebSocket that keeps itself open: on any close it reconnects after a growing pause (0.5 s
// doubling to 8 s), and tells its owner each time it is open again so the owner can resync.
export class LiveSocket {
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers; // { message(data), open(), down() }
    this.pause = 500;
    this.stopped = false;
    this.connect();
  }

  connect() {
    if (this.stopped) return;
    const socket = new WebSocket(new URL(this.url, location.href.replace(/^http/, "ws")));
    this.socket = socket;
    socket.onopen = () => { this.pause = 500; this.handlers.open?.(); };
    socket.onmessage = (event) => {
      let data;
      try { data = JSON.parse(event.data); } catch { return; }
      this.handlers.message(data);
    };
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.handlers.down?.();
      this.timer = setTimeout(() => this.connect(), this.pause);
      this.pause = Math.min(this.pause * 2, 8000);
    };
    // An error is always followed by close, which reconnects; nothing to log.
    socket.onerror = () => {};
  }

  send(object) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(object));
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket?.close();
  }
}
