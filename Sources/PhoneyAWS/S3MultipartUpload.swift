/// A multipart upload that has been started and neither completed nor aborted.
package struct S3MultipartUpload: Sendable, Hashable {
    package var key: String
    package var uploadId: String

    package init(key: String, uploadId: String) {
        self.key = key
        self.uploadId = uploadId
    }
}
