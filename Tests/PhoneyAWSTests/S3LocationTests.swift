import Testing

@testable import PhoneyAWS

/// `s3://` destinations and S3's bucket naming rules.
struct S3LocationTests {
    @Test(arguments: [
        ("s3://exports", "exports", ""),
        ("s3://exports/", "exports", ""),
        ("s3://exports/run-1", "exports", "run-1"),
        ("S3://exports//run 1/", "exports", "run 1/"),
        ("  s3://my.bucket-2/a?b#c%20  ", "my.bucket-2", "a?b#c%20"),
    ])
    func parses(_ url: String, _ bucket: String, _ prefix: String) throws {
        let location = try S3Location(parsing: url)
        #expect(location.bucket == bucket)
        #expect(location.prefix == prefix)
    }

    @Test func joinsKeysWithOneSlash() throws {
        #expect(try S3Location(parsing: "s3://b1b/run-1").key("part-000001.ndjson") == "run-1/part-000001.ndjson")
        #expect(try S3Location(parsing: "s3://b1b/run-1/").key("/manifest.json") == "run-1/manifest.json")
        #expect(try S3Location(parsing: "s3://b1b").key("manifest.json") == "manifest.json")
        let nested = try S3Location(parsing: "s3://b1b/exports").appending("run-7")
        #expect(nested.description == "s3://b1b/exports/run-7/")
        #expect(nested.key("part-000001.csv") == "exports/run-7/part-000001.csv")
    }

    @Test(arguments: [
        ("s3://ab/x", "it has 2 characters; a bucket name has 3 to 63"),
        ("s3://\(String(repeating: "a", count: 64))", "it has 64 characters; a bucket name has 3 to 63"),
        ("s3://My-Bucket/x", "upper-case letters are not allowed; use lower-case letters, digits, `.` and `-`"),
        ("s3://my_bucket", "`_` is not allowed; use lower-case letters, digits, `.` and `-`"),
        ("s3://bucket:9000/x", "`:` is not allowed; use lower-case letters, digits, `.` and `-`"),
        ("s3://-bucket", "it must begin and end with a letter or digit"),
        ("s3://bucket.", "it must begin and end with a letter or digit"),
        ("s3://my..bucket", "it has two adjacent periods"),
        ("s3://192.168.5.4", "it is formatted as an IP address"),
        ("s3://xn--bucket", "the prefix `xn--` is reserved"),
        ("s3://sthree-bucket", "the prefix `sthree-` is reserved"),
        ("s3://bucket-s3alias", "the suffix `-s3alias` is reserved"),
        ("s3://bucket--ol-s3", "the suffix `--ol-s3` is reserved"),
    ])
    func badBucketNamesSayWhichRule(_ url: String, _ rule: String) {
        let error = #expect(throws: AWSError.self) { try S3Location(parsing: url) }
        #expect(error?.kind == .invalidArgument)
        #expect(
            error?.message.hasSuffix("is not a valid S3 bucket name: " + rule) == true, "\(String(describing: error))")
    }

    @Test(arguments: ["exports", "/tmp/exports", "https://bucket.s3.amazonaws.com/x", "s3:/bucket", "s3://", "s3:///x"])
    func notAnS3Location(_ url: String) {
        let error = #expect(throws: AWSError.self) { try S3Location(parsing: url) }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("expected s3://BUCKET/PREFIX") == true)
    }

    @Test(arguments: ["abc", "my-bucket-1", "my.bucket.example", "123", String(repeating: "a", count: 63), "1.2.3.a"])
    func goodBucketNames(_ name: String) throws {
        try S3Location.validateBucketName(name)
    }

    @Test func aPrefixAsLongAsAKeyIsRefused() {
        #expect(throws: AWSError.self) { try S3Location(bucket: "bucket", prefix: String(repeating: "k", count: 1024)) }
    }
}
