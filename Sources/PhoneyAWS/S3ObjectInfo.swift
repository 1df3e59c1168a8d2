/// What `HeadObject` tells of an object.
package struct S3ObjectInfo: Sendable, Hashable {
    /// Size in bytes.
    package var size: Int
    /// The entity tag as S3 gives it, double quotes included (`"9b2cf535f27731c974343645a3985328"`; a multipart
    /// object's ends in `-N`, its number of parts).
    package var etag: String
    package var contentType: String?
    /// User metadata (`x-amz-meta-*`), keyed by name without the prefix, in lower case as S3 stores it.
    package var metadata: [String: String]

    package init(size: Int, etag: String, contentType: String?, metadata: [String: String]) {
        self.size = size
        self.etag = etag
        self.contentType = contentType
        self.metadata = metadata
    }
}
