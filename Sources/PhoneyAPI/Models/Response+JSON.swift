import HTTPTypes
import Hummingbird
import HummingbirdCore
import PhoneyCore

extension Response {
    /// A response whose body is `value` as compact JSON.
    package static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        value.serialize(into: &bytes)
        return json(bytes: bytes, status: status)
    }

    /// A response whose body is already-encoded JSON.
    package static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: jsonHeaders,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension JSONValue {
    /// A JSON number from an integer.
    package static func integer<Value: BinaryInteger>(_ value: Value) -> JSONValue {
        .number(String(value))
    }

    /// A JSON array of strings.
    package static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }
}

extension Response {
    /// A JSON response from a buffer already holding the document.
    package static func json(buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: jsonHeaders, body: ResponseBody(byteBuffer: buffer))
    }

    /// `Content-Type: application/json`, made once: the field's value is checked when it is made.
    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]
}
