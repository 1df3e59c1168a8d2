/// A bucket and a key prefix, from `s3://bucket/prefix/`: where an export writes its shards.
package struct S3Location: Sendable, Hashable, CustomStringConvertible {
    /// The bucket name, checked against S3's naming rules.
    package var bucket: String
    /// The key prefix, without a leading `/`; empty for the bucket's root. Kept as given: `exports/run-1/` and
    /// `exports/run-1` both put keys under `exports/run-1/` (see ``key(_:)``).
    package var prefix: String

    /// A location from its parts.
    ///
    /// - Throws: `AWSError` of kind `invalidArgument` when the bucket name breaks S3's rules (naming the rule) or
    ///   the prefix is longer than a key may be.
    package init(bucket: String, prefix: String = "") throws(AWSError) {
        try Self.validateBucketName(bucket)
        let prefix = String(prefix.drop { $0 == "/" })
        guard prefix.utf8.count < S3Location.maxKeyBytes else {
            throw AWSError(
                .invalidArgument, "the key prefix is \(prefix.utf8.count) bytes; S3 keys are at most 1,024 bytes")
        }
        self.bucket = bucket
        self.prefix = prefix
    }

    /// Parses `s3://bucket`, `s3://bucket/` or `s3://bucket/prefix/…`.
    ///
    /// As with the AWS CLI, everything after the bucket is the prefix, taken literally: `?`, `#`, `%` and spaces are
    /// part of it, not URL syntax.
    ///
    /// - Parameter url: The destination as the user wrote it.
    /// - Throws: `AWSError` of kind `invalidArgument` saying what is wrong: not an `s3://` URL, no bucket, a bucket
    ///   name against S3's rules (which rule).
    package init(parsing url: String) throws(AWSError) {
        let text = url.trimmed
        guard text.lowercased().hasPrefix("s3://") else {
            throw AWSError(.invalidArgument, "`\(text)` is not an S3 location; expected s3://BUCKET/PREFIX")
        }
        let rest = text.dropFirst(5)
        let bucket = String(rest.prefix { $0 != "/" })
        guard !bucket.isEmpty else {
            throw AWSError(.invalidArgument, "`\(text)` names no bucket; expected s3://BUCKET/PREFIX")
        }
        try self.init(bucket: bucket, prefix: String(rest.dropFirst(bucket.count)))
    }

    /// The key of `name` under the prefix: `exports/run-1/part-000001.ndjson` for `name` `part-000001.ndjson`.
    ///
    /// A `/` is put between a prefix and `name` unless the prefix ends with one, so `s3://b/x` and `s3://b/x/` both
    /// address the folder `x/`.
    package func key(_ name: String) -> String {
        let name = name.drop { $0 == "/" }
        if prefix.isEmpty { return String(name) }
        return prefix.hasSuffix("/") ? prefix + name : prefix + "/" + name
    }

    /// The location of the folder `name` under this one: `s3://b/x/` and `run-1` give `s3://b/x/run-1/`.
    package func appending(_ name: String) -> S3Location {
        var location = self
        location.prefix = key(name)
        if !location.prefix.isEmpty && !location.prefix.hasSuffix("/") { location.prefix += "/" }
        return location
    }

    /// `s3://bucket/prefix`.
    package var description: String { "s3://\(bucket)/\(prefix)" }

    /// S3's largest key, in UTF-8 bytes.
    package static let maxKeyBytes = 1024

    /// Checks a general purpose bucket name against S3's rules.
    ///
    /// 3 to 63 characters of lower-case letters, digits, `.` and `-`; starting and ending with a letter or digit; no
    /// two adjacent periods; not an IPv4 address; none of the reserved prefixes `xn--`, `sthree-`, `amzn-s3-demo-`
    /// and suffixes `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3`, `--table-s3`.
    ///
    /// - Throws: `AWSError` of kind `invalidArgument` naming the name and the rule it breaks.
    package static func validateBucketName(_ name: String) throws(AWSError) {
        func invalid(_ rule: String) -> AWSError {
            AWSError(.invalidArgument, "`\(name)` is not a valid S3 bucket name: \(rule)")
        }
        let bytes = Array(name.utf8)
        guard (3...63).contains(bytes.count) else {
            throw invalid("it has \(name.count) characters; a bucket name has 3 to 63")
        }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "-")) }) {
            let why = bad.isUppercase ? "upper-case letters are not allowed" : "`\(bad)` is not allowed"
            throw invalid("\(why); use lower-case letters, digits, `.` and `-`")
        }
        let isAlphanumeric = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard isAlphanumeric(bytes[0]), isAlphanumeric(bytes[bytes.count - 1]) else {
            throw invalid("it must begin and end with a letter or digit")
        }
        if name.contains("..") { throw invalid("it has two adjacent periods") }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count == 4 && labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) && $0.count <= 3 }) {
            throw invalid("it is formatted as an IP address")
        }
        for prefix in ["xn--", "sthree-", "amzn-s3-demo-"] where name.hasPrefix(prefix) {
            throw invalid("the prefix `\(prefix)` is reserved")
        }
        for suffix in ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] where name.hasSuffix(suffix) {
            throw invalid("the suffix `\(suffix)` is reserved")
        }
    }
}
