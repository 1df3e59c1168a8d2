import Testing

@testable import PhoneyAWS

/// The small XML reader against the documents S3 sends, and against documents it must refuse.
struct AWSXMLElementTests {
    static func parse(_ text: String) throws -> AWSXMLElement {
        try AWSXMLElement.parse(Array(text.utf8))
    }

    @Test func aListObjectsV2PageWithEntitiesInKeys() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>exports</Name><Prefix>run 1/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>
              <IsTruncated>true</IsTruncated>
              <Contents>
                <Key>run 1/a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x20AC;.ndjson</Key>
                <LastModified>2026-01-02T03:04:05.000Z</LastModified>
                <ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>
                <Size>12582915</Size><StorageClass>STANDARD</StorageClass>
              </Contents>
              <Contents><Key>run 1/é.json</Key><ETag>"abc-3"</ETag><Size>0</Size></Contents>
              <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
            </ListBucketResult>
            """
        let document = try Self.parse(text)
        #expect(document.name == "ListBucketResult")
        let call = S3Call(operation: "ListObjectsV2", method: .GET, bucket: "exports", idempotent: true)
        let page = try S3Client.listPage(document, call)
        #expect(
            page.objects == [
                .init(
                    key: "run 1/a&b <c> \"d\" 'e' é€.ndjson", size: 12_582_915,
                    etag: "\"9b2cf535f27731c974343645a3985328\""),
                .init(key: "run 1/é.json", size: 0, etag: "\"abc-3\""),
            ])
        #expect(page.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test func theLastPageHasNoToken() throws {
        let document = try Self.parse(
            "<ListBucketResult><IsTruncated>false</IsTruncated><KeyCount>0</KeyCount></ListBucketResult>")
        let call = S3Call(operation: "ListObjectsV2", method: .GET, bucket: "b", idempotent: true)
        let page = try S3Client.listPage(document, call)
        #expect(page.objects.isEmpty && page.nextContinuationToken == nil)
        let truncated = try Self.parse("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")
        #expect(throws: AWSError.self) { try S3Client.listPage(truncated, call) }
    }

    @Test func initiateAndCompleteResults() throws {
        let initiate = try Self.parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Bucket>exports</Bucket><Key>run/part-000001.ndjson</Key>
              <UploadId>VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>
            </InitiateMultipartUploadResult>
            """)
        #expect(initiate.text(of: "UploadId") == "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA")
        #expect(initiate.text(of: "Key") == "run/part-000001.ndjson")

        let complete = try Self.parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Location>http://exports.s3.amazonaws.com/run/a%26b</Location>
              <Bucket>exports</Bucket><Key>run/a&amp;b</Key>
              <ETag>"3858f62230ac3c915f300c664312c11f-9"</ETag>
            </CompleteMultipartUploadResult>
            """)
        #expect(complete.name == "CompleteMultipartUploadResult")
        #expect(complete.text(of: "ETag") == "\"3858f62230ac3c915f300c664312c11f-9\"")
        #expect(complete.text(of: "Key") == "run/a&b")
    }

    @Test func anErrorDocument() throws {
        let error = try Self.parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error>
              <Code>NoSuchKey</Code>
              <Message>The resource you requested does not exist</Message>
              <Resource>/exports/a&amp;b</Resource>
              <RequestId>4442587FB7D0A2F9</RequestId>
            </Error>
            """)
        #expect(error.name == "Error")
        #expect(error.text(of: "Code") == "NoSuchKey")
        #expect(error.text(of: "Resource") == "/exports/a&b")
        #expect(error.child("Missing") == nil)
    }

    @Test func prefixesCommentsCDATAAndSelfClosingElements() throws {
        let document = try Self.parse(
            """
            \u{FEFF}<!-- before --><s3:Root xmlns:s3='urn:x' a = "1"><!-- inside --><s3:Empty/><Data><![CDATA[<not & markup>]]>\
            &amp;tail</Data><?pi ignored?><Empty2 b="x" /></s3:Root>
            """)
        #expect(document.name == "Root")
        #expect(document.children.map(\.name) == ["Empty", "Data", "Empty2"])
        #expect(document.text(of: "Data") == "<not & markup>&tail")
        #expect(document.text(of: "Empty") == "")
    }

    @Test func deepButAllowedNestingAndManySiblings() throws {
        let depth = AWSXMLElement.maxDepth
        let nested = String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)
        var element = try Self.parse(nested)
        for _ in 1..<depth { element = try #require(element.child("a")) }
        #expect(element.text == "x")
        let siblings = "<r>" + String(repeating: "<c>1</c>", count: 5000) + "</r>"
        #expect(try Self.parse(siblings).children.count == 5000)
    }

    @Test(arguments: [
        ("", "expected the root element"),
        ("<a>", "the document ends inside <a>"),
        ("<a></b>", "</b> closes <a>"),
        ("<a>&bogus;</a>", "unknown entity &bogus;"),
        ("<a>&#0;</a>", "unknown entity &#0;"),
        ("<a>&#xD800;</a>", "unknown entity &#xD800;"),
        ("<a>& b</a>", "'&' does not start an entity"),
        ("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", "a document type declaration is not accepted"),
        ("<a><!ENTITY x 'y'></a>", "markup declarations are not accepted inside elements"),
        ("<a></a><b></b>", "content after the root element"),
        ("<a b=c></a>", "an attribute value is not quoted"),
        ("<a b='<'></a>", "'<' in an attribute value"),
        ("<a><!-- open </a>", "unterminated comment"),
        ("<a><![CDATA[ open</a>", "unterminated CDATA section"),
        ("<>", "an element has no name"),
    ])
    func malformedDocumentsAreRefused(_ text: String, _ message: String) {
        let error = #expect(throws: AWSXMLElement.ParseError.self) { try Self.parse(text) }
        #expect(error?.message == message)
    }

    @Test func textThatIsNotUTF8IsRefused() {
        #expect(throws: AWSXMLElement.ParseError.self) {
            try AWSXMLElement.parse([UInt8]("<a>".utf8) + [0xFF, 0xFE] + [UInt8]("</a>".utf8))
        }
    }

    @Test func tooDeepIsRefused() {
        let depth = AWSXMLElement.maxDepth + 1
        let nested = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(throws: AWSXMLElement.ParseError.self) { try Self.parse(nested) }
    }

    @Test func escapedTextReadsBackUnchanged() throws {
        let original = "a&b <c> \"d\" 'e' é/\u{1F600}"
        let document = try Self.parse("<k>" + AWSXMLElement.escaped(original) + "</k>")
        #expect(document.text == original)
        #expect(AWSXMLElement.escaped("\"etag\"") == "&quot;etag&quot;")
    }
}
