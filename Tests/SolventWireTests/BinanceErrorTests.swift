import SolventCore
import SolventWire
import Testing

@Suite("BinanceError: codes, statuses and the exact texts clients match")
struct BinanceErrorTests {
    @Test func bodyIsCodeThenMessage() {
        #expect(text(BinanceError.badSymbol.json()) == #"{"code":-1121,"msg":"Invalid symbol."}"#)
    }

    @Test func messageIsJSONEscaped() {
        let error = BinanceError.unknown("bad \"thing\"\n")
        #expect(text(error.json()) == #"{"code":-1000,"msg":"bad \"thing\"\n"}"#)
        #expect(error.httpStatus == 500)
    }

    @Test func dataFollowsTheMessage() {
        let error = BinanceError.cancelReplaceFailed(data: Array(#"{"cancelResult":"FAILURE"}"#.utf8))
        #expect(text(error.json())
            == #"{"code":-2022,"msg":"Order cancel-replace failed.","data":{"cancelResult":"FAILURE"}}"#)
        #expect(error.httpStatus == 400)
        #expect(BinanceError.cancelReplacePartiallyFailed(data: Array("{}".utf8)).httpStatus == 409)
    }

    @Test(arguments: [
        (BinanceError.tooManyRequests(limit: 6000), -1003, 429,
         "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."),
        (.ipBanned(untilMilliseconds: 1_593_086_440_000), -1003, 418,
         "Way too much request weight used; IP banned until 1593086440000. Please use WebSocket Streams for live updates to avoid bans."),
        (.tooManyOrders(limit: 100, interval: "10 SECOND"), -1015, 429,
         "Too many new orders; current limit is 100 orders per 10 SECOND."),
        (.timestampOutsideRecvWindow, -1021, 400, "Timestamp for this request is outside of the recvWindow."),
        (.timestampAhead, -1021, 400, "Timestamp for this request was 1000ms ahead of the server's time."),
        (.invalidSignature, -1022, 400, "Signature for this request is not valid."),
        (.illegalCharacters(parameter: "quantity"), -1100, 400,
         "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'."),
        (.illegalCharacters(parameter: "newClientOrderId", legalRange: LegalRange.clientOrderId), -1100, 400,
         "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'."),
        (.illegalCharacters(parameter: "listenKey"), -1100, 400, "Illegal characters found in parameter 'listenKey'."),
        (.duplicateParameter("symbol"), -1101, 400, "Duplicate values for a parameter detected."),
        (.tooManyParameters, -1101, 400, "Too many parameters sent for this endpoint."),
        (.mandatoryParameter("symbol"), -1102, 400,
         "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."),
        (.eitherParameter("orderId", "origClientOrderId"), -1102, 400,
         "Param 'orderId' or 'origClientOrderId' must be sent, but both were empty/null!"),
        (.emptyParameter("listClientOrderId"), -1105, 400, "Parameter 'listClientOrderId' was empty."),
        (.parameterNotRequired("timeInForce"), -1106, 400, "Parameter 'timeInForce' sent when not required."),
        (.badPrecision(parameter: "quantity"), -1111, 400, "Parameter 'quantity' has too much precision."),
        (.invalidTimeInForce, -1115, 400, "Invalid timeInForce."),
        (.invalidOrderType, -1116, 400, "Invalid orderType."),
        (.invalidSide, -1117, 400, "Invalid side."),
        (.emptyNewClientOrderId, -1118, 400, "New client order ID was empty."),
        (.emptyOriginalClientOrderId, -1119, 400, "Original client order ID was empty."),
        (.badInterval, -1120, 400, "Invalid interval."),
        (.badSymbol, -1121, 400, "Invalid symbol."),
        (.invalidListenKey, -1125, 400, "This listenKey does not exist."),
        (.rangeTooLarge, -1127, 400, "More than 24 hours between startTime and endTime."),
        (.badCombination, -1128, 400, "Combination of optional parameters invalid."),
        (.invalidParameter("recvWindow"), -1130, 400, "Data sent for parameter 'recvWindow' is not valid."),
        (.invalidJSON(parameter: "symbols"), -1135, 400, "JSON sent for parameter 'symbols' is not valid"),
        (.invalidCancelRestrictions, -1145, 400,
         "cancelRestrictions has to be either ONLY_NEW or ONLY_PARTIALLY_FILLED."),
        (.duplicateSymbols, -1151, 400, "Symbol is present multiple times in the list."),
        (.unknownOrderSent, -2011, 400, "Unknown order sent."),
        (.orderDoesNotExist, -2013, 400, "Order does not exist."),
        (.badAPIKeyFormat, -2014, 401, "API-key format invalid."),
        (.rejectedAPIKey, -2015, 401, "Invalid API-key, IP, or permissions for action."),
        (.clientOrderIdMismatch, -2039, 400, "Client order ID is not correct for this order ID."),
        (.serverBusy, -1008, 503,
         "Server is currently overloaded with other requests. Please try again in a few minutes."),
        (.timeout, -1007, 503,
         "Timeout waiting for response from backend server. Send status unknown; execution status unknown."),
        (.unauthorized, -1002, 401, "You are not authorized to execute this request."),
    ] as [(BinanceError, Int, Int, String)])
    func catalogMatchesBinanceTexts(error: BinanceError, code: Int, status: Int, message: String) {
        #expect(error.code == code)
        #expect(error.httpStatus == status)
        #expect(error.message == message)
    }

    @Test func unknownPathsAnswer404WithAJSONBody() {
        #expect(BinanceError.unknownPath.httpStatus == 404)
        #expect(BinanceError.unknownPath.code == -1000)
        #expect(BinanceError.methodNotAllowed.httpStatus == 405)
        #expect(BinanceError.unknownPath.json().first == UInt8(ascii: "{"))
    }

    @Test func retryAfterTravelsWithRateLimitErrors() {
        #expect(BinanceError.tooManyRequests(limit: 10, retryAfterSeconds: 7).retryAfterSeconds == 7)
        #expect(BinanceError.ipBanned(untilMilliseconds: 1, retryAfterSeconds: 120).retryAfterSeconds == 120)
    }

    @Test func engineRejectionsKeepTheirCodeAndText() {
        let insufficient = BinanceError(RejectReason.insufficientBalance)
        #expect(insufficient == BinanceError(code: -2010, message: "Account has insufficient balance for requested action."))
        let filter = BinanceError(RejectReason.filterFailure(.lotSize))
        #expect(text(filter.json()) == #"{"code":-1013,"msg":"Filter failure: LOT_SIZE"}"#)
        #expect(BinanceError(RejectReason.unknownOrder) == .unknownOrderSent)
        #expect(BinanceError(RejectReason.unknownSymbol) == .badSymbol)
        #expect(BinanceError(RejectReason.wouldMatchAndTake).message == "Order would immediately match and take.")
        #expect(BinanceError(RejectReason.capacityExhausted).httpStatus == 503)
    }

    @Test func decimalTextErrorsMapToTheirCodes() {
        #expect(BinanceError(DecimalTextError.illegalCharacters, parameter: "price")
            == .illegalCharacters(parameter: "price"))
        #expect(BinanceError(DecimalTextError.tooMuchPrecision, parameter: "price") == .badPrecision(parameter: "price"))
        let large = BinanceError(DecimalTextError.tooLarge, parameter: "price")
        #expect(large.code == -1013)
        #expect(large.message == "Parameter 'price' is too large.")
    }
}
