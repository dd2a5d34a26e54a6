import SolventWire
import Testing

@Suite("JSONWriter: bytes out, commas placed, strings escaped")
struct JSONWriterTests {
    @Test func objectsAndArraysGetCommasBetweenSiblingsOnly() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("a", 1)
        writer.key("b")
        writer.array { $0.int(1); $0.bool(true); $0.null(); $0.object { _ in }; $0.array { _ in } }
        writer.field("c", "x")
        writer.field("d", false)
        writer.endObject()
        #expect(text(writer.finish()) == #"{"a":1,"b":[1,true,null,{},[]],"c":"x","d":false}"#)
    }

    @Test func integersCoverTheWholeInt64Range() {
        var writer = JSONWriter()
        writer.array { w in
            for value: Int64 in [0, -1, 7, 1_499_827_319_559, .max, .min] { w.int(value) }
        }
        #expect(text(writer.finish()) == "[0,-1,7,1499827319559,9223372036854775807,-9223372036854775808]")
    }

    @Test func decimalsAreStringsPaddedToTheScale() {
        var writer = JSONWriter()
        writer.array { w in
            w.decimal(100_000, scale: 8)
            w.decimal(0, scale: 8)
            w.decimal(5_000_000_000_000, scale: 8)
            w.decimal(-150, scale: 2)
            w.decimal(42, scale: 0)
            w.decimal(1, scale: 18)
        }
        #expect(text(writer.finish())
            == #"["0.00100000","0.00000000","50000.00000000","-1.50","42","0.000000000000000001"]"#)
    }

    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() {
        var writer = JSONWriter()
        writer.array { w in
            w.string("say \"hi\"\\")
            w.string("tab\there\nnew\r\u{08}\u{0C}")
            w.string("\u{01}\u{1F}")
            w.string("€ü日本")
        }
        let expected = #"["say \"hi\"\\","tab\there\nnew\r\b\f","\u0001\u001f","€ü日本"]"#
        #expect(text(writer.finish()) == expected)
    }

    @Test func keysAreEscapedLikeStrings() {
        var writer = JSONWriter()
        writer.object { $0.field("we\"ird", 1) }
        #expect(text(writer.finish()) == #"{"we\"ird":1}"#)
    }

    @Test func rawValuesAreCopiedVerbatim() {
        var writer = JSONWriter()
        writer.object { w in
            w.key("data")
            w.raw(Array(#"{"x":[1]}"#.utf8))
            w.field("after", 2)
        }
        #expect(text(writer.finish()) == #"{"data":{"x":[1]},"after":2}"#)
    }

    @Test func documentsStartWithABracket() {
        var object = JSONWriter()
        object.object { _ in }
        var array = JSONWriter()
        array.array { _ in }
        #expect(object.finish() == Array("{}".utf8))
        #expect(array.finish() == Array("[]".utf8))
    }
}
