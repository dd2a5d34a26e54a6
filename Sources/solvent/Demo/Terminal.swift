#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The little the demo needs from the terminal: is it one, how wide, redraw in place, and a
/// Ctrl-C that ends the demo cleanly instead of killing it mid-frame.
enum Terminal {
    static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Columns and rows, or 120 × 40 when the size cannot be read.
    static var size: (columns: Int, rows: Int) {
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 else { return (120, 40) }
        return (Int(window.ws_col), Int(window.ws_row))
    }

    /// Switches to the alternate screen and hides the cursor.
    static func enterFullScreen() { write("\u{1B}[?1049h\u{1B}[?25l") }

    /// Restores the screen and cursor the user had.
    static func leaveFullScreen() { write("\u{1B}[?25h\u{1B}[?1049l") }

    /// Draws `lines` from the top-left corner, clearing what the previous frame left behind.
    static func draw(_ lines: [String]) {
        var frame = "\u{1B}[H"
        for line in lines { frame += line + "\u{1B}[K\n" }
        frame += "\u{1B}[J"
        write(frame)
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    // MARK: Ctrl-C

    private static let interrupted = Atomic<Bool>(false)

    /// Installs a SIGINT/SIGTERM handler that only raises a flag; the demo loop polls it.
    static func trapInterrupts() {
        let handler: @convention(c) (Int32) -> Void = { _ in
            Terminal.interrupted.store(true, ordering: .relaxed)
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    static var wasInterrupted: Bool { interrupted.load(ordering: .relaxed) }

    /// Sleeps up to `nanoseconds`; a signal cuts it short, which is what we want.
    static func sleep(nanoseconds: UInt64) {
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        _ = nanosleep(&request, nil)
    }

    /// Wall-clock milliseconds since the Unix epoch: the demo's sequencer time.
    static func wallClockMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
