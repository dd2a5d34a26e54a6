import SolventWire
import Testing

/// The in-place form decoder's edge cases.
extension RequestParametersTests {
    @Test func valueKeepsEveryEqualsSignAfterTheFirst() throws {
        let p = try parameters("a=b=c&d==")
        #expect(p["a"] == "b=c")
        #expect(p["d"] == "=")
    }

    @Test func escapedNamesAreDecodedAndCountAsTheSameName() throws {
        #expect(try parameters("na%6De=1")["name"] == "1")
        #expect(throws: BinanceError.duplicateParameter("a")) { try parameters("a=1&%61=2") }
        #expect(throws: BinanceError.duplicateParameter("a b")) { try parameters("a+b=1&a%20b=2") }
    }

    @Test func escapesInEitherCaseAndTheirEdges() throws {
        let p = try parameters("l=%2f%2F&e=%3D&end=1%25")
        #expect(p["l"] == "//")
        #expect(p["e"] == "=")
        #expect(p["end"] == "1%")
        #expect(throws: BinanceError.illegalCharacters(parameter: "x")) { try parameters("x=%2") }
        #expect(throws: BinanceError.illegalCharacters(parameter: "x")) { try parameters("x=%g0") }
        #expect(throws: BinanceError.illegalCharacters(parameter: "x")) { try parameters("x=%FF") }
    }

    @Test func emptyNamesAreIllegalAndEmptyValuesAreKept() throws {
        #expect(throws: BinanceError.illegalCharactersInRequest) { try parameters("=1") }
        #expect(throws: BinanceError.illegalCharactersInRequest) { try parameters("a=1", "=2") }
        let p = try parameters("a=&b", "c=")
        #expect(p["a"] == "")
        #expect(p["b"] == "")
        #expect(p["c"] == "")
        #expect(p.names == ["a", "b", "c"])
    }

    @Test func bodyDuplicatesAreRefusedEvenWhenTheQueryHasTheName() {
        #expect(throws: BinanceError.duplicateParameter("a")) { try parameters("a=1", "a=2&a=3") }
    }

    @Test func queryFirstThenTheBodysOwnNamesInOrder() throws {
        let p = try parameters("z=1&a=2", "a=9&m=3&b=4")
        #expect(p.names == ["z", "a", "m", "b"])
        #expect(p["a"] == "2")
        #expect(try parameters("", "").count == 0)
        #expect(try parameters("&&&", "&").count == 0)
    }

    @Test func signatureIsAParameterLikeAnyOther() throws {
        let p = try parameters("a=1&signature=AB%2Bc%2F%3D", "signature=zz")
        #expect(p["signature"] == "AB+c/=")
    }
}
