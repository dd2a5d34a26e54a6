import Glibc


/// `errno` values as text.
enum SystemError {
    /// Reported when a write keeps returning zero bytes.
    static var noProgress: Int32 { EIO }

    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
