/// The replies to control messages (spec §5.2), as the real stream server writes them:
/// `{"result":…,"id":…}` on success, `{"error":{"code":…,"msg":…},"id":…}` on failure
/// (binance-sdk-spot fails a subscription on the `error` key; ccxt reads `code` and `msg`).
public enum ControlReply {
    public static func result(null id: ControlRequestId) -> [UInt8] {
        render(id) { $0.key("result"); $0.null() }
    }

    public static func result(_ value: Bool, id: ControlRequestId) -> [UInt8] {
        render(id) { $0.field("result", value) }
    }

    public static func result(_ names: [String], id: ControlRequestId) -> [UInt8] {
        render(id) { writer in
            writer.key("result")
            writer.array { writer in names.forEach { writer.string($0) } }
        }
    }

    public static func failure(_ failure: ControlFailure) -> [UInt8] {
        render(failure.id) { writer in
            writer.key("error")
            writer.object { writer in
                writer.field("code", failure.code)
                writer.field("msg", failure.message)
            }
        }
    }

    private static func render(_ id: ControlRequestId, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: 96)
        writer.object { writer in
            body(&writer)
            writer.key("id")
            switch id {
            case .int(let value): writer.int(value)
            case .string(let value): writer.string(value)
            case .null: writer.null()
            }
        }
        return writer.finish()
    }
}
