import HTTPTypes
import PhoneyCore
import Testing

@testable import PhoneyLambda

/// The response documents API Gateway reads back.
struct GatewayResponseTests {
    func document(_ response: GatewayResponse, _ version: GatewayRequest.Version) throws -> JSONValue {
        try JSONValue.parse(String(decoding: response.encoded(for: version), as: UTF8.self))
    }

    @Test func httpAPIResponseSplitsCookiesAndJoinsRepeatedHeaders() throws {
        var headers: HTTPFields = [.contentType: "application/json", .contentLength: "12"]
        headers.append(HTTPField(name: .setCookie, value: "a=1; Path=/"))
        headers.append(HTTPField(name: .setCookie, value: "b=2"))
        headers.append(HTTPField(name: .vary, value: "Origin"))
        headers.append(HTTPField(name: .vary, value: "Accept"))
        let body = #"{"k":"v\n"}"#
        let json = try document(GatewayResponse(status: 201, headers: headers, body: Array(body.utf8)), .v2)
        #expect(json["statusCode"] == .number("201"))
        #expect(json["cookies"] == .array([.string("a=1; Path=/"), .string("b=2")]))
        #expect(json["headers"]?["vary"] == .string("Origin, Accept"))
        #expect(json["headers"]?["set-cookie"] == nil)
        #expect(json["headers"]?["content-length"] == nil)
        #expect(json["isBase64Encoded"] == .bool(false))
        #expect(json["body"] == .string(body))
    }

    @Test func restResponseGivesEveryHeaderAsAList() throws {
        var headers: HTTPFields = [.contentType: "text/csv"]
        headers.append(HTTPField(name: .setCookie, value: "a=1"))
        headers.append(HTTPField(name: .setCookie, value: "b=2"))
        let json = try document(GatewayResponse(status: 200, headers: headers, body: Array("a,b\r\n".utf8)), .v1)
        #expect(json["multiValueHeaders"]?["set-cookie"] == .array([.string("a=1"), .string("b=2")]))
        #expect(json["multiValueHeaders"]?["content-type"] == .array([.string("text/csv")]))
        // An ALB target group without multi-value headers reads only `headers`: each name's last value.
        #expect(json["headers"]?["content-type"] == .string("text/csv"))
        #expect(json["headers"]?["set-cookie"] == .string("b=2"))
        #expect(json["body"] == .string("a,b\r\n"))
    }

    @Test func binaryAndInvalidUTF8BodiesGoAsBase64() throws {
        let png = try document(
            GatewayResponse(status: 200, headers: [.contentType: "image/png"], body: [0x89, 0x50, 0x4E, 0x47]), .v2)
        #expect(png["isBase64Encoded"] == .bool(true))
        #expect(png["body"] == .string("iVBORw=="))
        let broken = try document(
            GatewayResponse(status: 200, headers: [.contentType: "text/plain"], body: [0x61, 0xFF, 0x62]), .v2)
        #expect(broken["isBase64Encoded"] == .bool(true))
        #expect(broken["body"] == .string("Yf9i"))
    }

    @Test func controlCharactersAndUnicodeSurviveTheJSONString() throws {
        let text = "tab\there \u{1} quote\" backslash\\ ü 日本 😀"
        let json = try document(
            GatewayResponse(status: 200, headers: [.contentType: "text/plain"], body: Array(text.utf8)), .v2)
        #expect(json["body"] == .string(text))
    }

    @Test(
        arguments: [
            ([0xC3, 0xA9], true), ([0xE6, 0x97, 0xA5], true), ([0xF0, 0x9F, 0x98, 0x80], true), ([0xC0, 0x80], false),
            ([0xED, 0xA0, 0x80], false), ([0xE0, 0x80, 0x80], false), ([0xF4, 0x90, 0x80, 0x80], false),
            ([0xE6, 0x97], false),
        ] as [([UInt8], Bool)])
    func utf8Validation(bytes: [UInt8], valid: Bool) {
        #expect(UTF8Check.isValid(bytes) == valid)
    }

    @Test func base64RoundTrips() {
        for length in 0..<10 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 200) }
            var encoded: [UInt8] = []
            bytes.withUnsafeBytes { Base64.encode($0, to: &encoded) }
            #expect(encoded.count == (length + 2) / 3 * 4)
            #expect(Base64.decode(encoded) == bytes)
        }
    }
}
