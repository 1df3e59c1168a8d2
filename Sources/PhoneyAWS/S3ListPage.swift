/// One page of `ListObjectsV2`.
package struct S3ListPage: Sendable, Hashable {
    /// A listed object.
    package struct Object: Sendable, Hashable {
        package var key: String
        package var size: Int
        /// As S3 gives it, double quotes included.
        package var etag: String

        package init(key: String, size: Int, etag: String) {
            self.key = key
            self.size = size
            self.etag = etag
        }
    }

    /// The objects of this page, in key order (UTF-8 byte order).
    package var objects: [Object]
    /// Pass it to the next call to get the next page; `nil` on the last page.
    package var nextContinuationToken: String?

    package init(objects: [Object], nextContinuationToken: String?) {
        self.objects = objects
        self.nextContinuationToken = nextContinuationToken
    }
}
