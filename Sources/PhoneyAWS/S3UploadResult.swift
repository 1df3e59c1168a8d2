/// An object written by ``S3UploadStream``.
package struct S3UploadResult: Sendable, Hashable {
    package var key: String
    /// The object's size.
    package var bytes: Int
    /// The object's entity tag, double quotes included; `"…-N"` for N parts.
    package var etag: String
    /// Parts uploaded: 0 when the object went up in one PUT.
    package var parts: Int

    package init(key: String, bytes: Int, etag: String, parts: Int) {
        self.key = key
        self.bytes = bytes
        self.etag = etag
        self.parts = parts
    }
}
