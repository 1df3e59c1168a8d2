import HTTPTypes
import NIOCore
import PhoneyCore

extension APIResponse {
    /// A response whose body is `value` as compact JSON.
    package static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> APIResponse {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        value.serialize(into: &bytes)
        return json(bytes: bytes, status: status)
    }

    /// A response whose body is already-encoded JSON.
    package static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> APIResponse {
        APIResponse(
            status: status, headers: jsonHeaders,
            body: APIResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
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

extension APIResponse {
    /// A JSON response from a buffer already holding the document.
    package static func json(buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> APIResponse {
        APIResponse(status: status, headers: jsonHeaders, body: APIResponseBody(byteBuffer: buffer))
    }

    /// `Content-Type: application/json`, made once: the field's value is checked when it is made.
    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]
}
