import NIOCore

extension S3Client {
    /// S3's limit on user metadata: the UTF-8 bytes of every name and value together.
    package static let maxMetadataBytes = 2048

    /// Checks an object key: 1 to 1,024 UTF-8 bytes.
    ///
    /// - Throws: `AWSError` of kind `invalidArgument` saying which limit the key breaks.
    package static func validateKey(_ key: String) throws(AWSError) {
        guard !key.isEmpty else { throw AWSError(.invalidArgument, "an S3 object key cannot be empty") }
        guard key.utf8.count <= S3Location.maxKeyBytes else {
            throw AWSError(
                .invalidArgument, "the key is \(key.utf8.count) bytes; S3 keys are at most 1,024 bytes",
                resource: String(key.prefix(80)) + "…")
        }
    }

    /// Checks user metadata before anything is uploaded, so a long upload does not fail at its end.
    ///
    /// Names are HTTP header tokens (letters, digits and ``!#$%&'*+-.^_`|~``); values are printable ASCII without
    /// leading or trailing spaces (HTTP would drop them); names and values together are at most 2 KB.
    ///
    /// - Throws: `AWSError` of kind `invalidArgument` naming the offending name.
    package static func validateMetadata(_ metadata: [String: String]) throws(AWSError) {
        var total = 0
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            let token = name.utf8.allSatisfy { byte in
                (0x21...0x7E).contains(byte) && !Array("\"(),/:;<=>?@[\\]{}".utf8).contains(byte)
            }
            guard !name.isEmpty, token else {
                throw AWSError(.invalidArgument, "metadata name `\(name)` is not an HTTP header token")
            }
            guard value.utf8.allSatisfy({ (0x20...0x7E).contains($0) }), value.trimmed == value else {
                throw AWSError(
                    .invalidArgument,
                    "the value of metadata `\(name)` must be printable ASCII without leading or trailing spaces")
            }
            total += name.utf8.count + value.utf8.count
        }
        guard total <= maxMetadataBytes else {
            throw AWSError(.invalidArgument, "the metadata is \(total) bytes; S3 allows \(maxMetadataBytes)")
        }
    }

    /// `Content-Type` and `x-amz-meta-*` headers, checked.
    static func objectHeaders(
        contentType: String?, metadata: [String: String]
    ) throws(AWSError) -> [(name: String, value: String)] {
        try validateMetadata(metadata)
        var headers: [(name: String, value: String)] = []
        if let contentType {
            guard !contentType.isEmpty, contentType.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
                throw AWSError(.invalidArgument, "the content type `\(contentType)` is not printable ASCII")
            }
            headers.append(("Content-Type", contentType))
        }
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            headers.append(("x-amz-meta-" + name.lowercased(), value))
        }
        return headers
    }

    /// The `ETag` header of an answer.
    static func etag(of response: AWSHTTPResponse, _ call: S3Call) throws(AWSError) -> String {
        guard let etag = response.headers.first(name: "ETag"), !etag.isEmpty else {
            throw AWSError(
                .invalidResponse, "the answer has no ETag", operation: call.name, resource: call.resource,
                httpStatus: response.status)
        }
        return etag
    }

    /// The XML document of an answer, whose root element must be `root` or one of `alternatives`.
    static func document(
        _ response: AWSHTTPResponse, _ call: S3Call, root: String, _ alternatives: String...
    ) throws(AWSError) -> AWSXMLElement {
        let document: AWSXMLElement
        do {
            document = try AWSXMLElement.parse(response.body.readableBytesView)
        } catch {
            throw AWSError(
                .invalidResponse, "the answer is not XML: \(error)", operation: call.name, resource: call.resource,
                httpStatus: response.status)
        }
        guard document.name == root || alternatives.contains(document.name) else {
            throw AWSError(
                .invalidResponse, "the answer is <\(document.name)>, not <\(root)>", operation: call.name,
                resource: call.resource, httpStatus: response.status)
        }
        return document
    }
}
