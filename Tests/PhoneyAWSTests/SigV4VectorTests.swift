import Testing

@testable import PhoneyAWS

/// AWS's published Signature Version 4 test suite, every case in `Vectors`.
struct SigV4VectorTests {
    @Test func theSuiteIsPresent() {
        let required = [
            "get-vanilla", "get-vanilla-query-order-key-case", "get-header-value-trim", "get-header-key-duplicate",
            "get-utf8", "normalize-path/get-space", "post-vanilla", "post-x-www-form-urlencoded",
            "post-header-key-sort", "post-sts-token/post-sts-header-before", "post-sts-token/post-sts-header-after",
            "get-vanilla-with-session-token", "normalize-path/get-relative-relative", "normalize-path/get-slashes",
        ]
        for name in required {
            #expect(SigV4Vector.names.contains(name), "vector \(name) is missing from Tests/PhoneyAWSTests/Vectors")
        }
        #expect(SigV4Vector.names.count == 34)
    }

    @Test(arguments: SigV4Vector.names)
    func vector(_ name: String) throws {
        let vector = try SigV4Vector(name)
        let signer = SigV4Signer(
            credentials: vector.credentials, region: SigV4Vector.region, service: SigV4Vector.service)
        let signature = signer.sign(vector.request, date: SigV4Vector.date)
        #expect(signature.canonicalRequest == vector.canonicalRequest, "canonical request of \(name)")
        #expect(signature.stringToSign == vector.stringToSign, "string to sign of \(name)")
        #expect(signature.authorization == vector.authorization, "Authorization of \(name)")
    }

    @Test func signedHeadersAreAddedInOrder() throws {
        let vector = try SigV4Vector("get-vanilla-with-session-token")
        let signer = SigV4Signer(credentials: vector.credentials, region: "us-east-1", service: "service")
        let signature = signer.sign(vector.request, date: SigV4Vector.date)
        #expect(signature.headers.map(\.name) == ["Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(
            signature.headers.map(\.value) == [
                "example.amazonaws.com", "20150830T123600Z", vector.sessionToken!, vector.authorization,
            ])
        #expect(signature.signedHeaders == "host;x-amz-date;x-amz-security-token")
    }

    @Test func aPrecomputedPayloadHashSignsLikeTheBody() throws {
        let vector = try SigV4Vector("post-x-www-form-urlencoded")
        var request = vector.request
        request.payload = .hash("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
        let signer = SigV4Signer(credentials: vector.credentials, region: "us-east-1", service: "service")
        #expect(signer.sign(request, date: SigV4Vector.date).authorization == vector.authorization)
    }

    @Test func callerCopiesOfSignerHeadersAreIgnored() throws {
        let vector = try SigV4Vector("get-vanilla")
        var request = vector.request
        request.headers += [("Authorization", "stale"), ("X-Amz-Date", "19990101T000000Z"), ("HOST", "other")]
        let signer = SigV4Signer(credentials: vector.credentials, region: "us-east-1", service: "service")
        #expect(signer.sign(request, date: SigV4Vector.date).authorization == vector.authorization)
    }
}

struct SigV4DateTests {
    @Test(arguments: [
        (Int64(0), "19700101T000000Z"),
        (1_440_938_160, "20150830T123600Z"),
        (951_782_400, "20000229T000000Z"),
        (4_107_542_399, "21000228T235959Z"),
        (-1, "19691231T235959Z"),
    ])
    func unixTime(_ seconds: Int64, _ expected: String) {
        #expect(SigV4Date(secondsSince1970: seconds).amzDate == expected)
    }

    @Test func nowIsThisCentury() {
        let now = SigV4Date.now()
        #expect(now.year >= 2024 && now.year < 2100)
        #expect(now.dateStamp.count == 8)
    }
}
