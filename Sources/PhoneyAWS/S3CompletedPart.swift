/// An uploaded part of a multipart upload: what `CompleteMultipartUpload` needs of it.
package struct S3CompletedPart: Sendable, Hashable {
    /// 1 to 10,000.
    package var partNumber: Int
    /// As `UploadPart` returned it, double quotes included.
    package var etag: String
    /// Bytes in the part (not sent to S3; for callers' accounting).
    package var size: Int

    package init(partNumber: Int, etag: String, size: Int) {
        self.partNumber = partNumber
        self.etag = etag
        self.size = size
    }
}
