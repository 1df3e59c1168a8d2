import PhoneyDigest

/// AWS Signature Version 4 for one service in one region: a pure function of the request, the date and the
/// credentials, so it can be checked against AWS's published test suite.
///
/// Follows "Create a signed AWS API request" in the IAM user guide: canonical request, string to sign,
/// the `kDate`/`kRegion`/`kService`/`kSigning` HMAC-SHA256 chain, and the `Authorization` header.
/// The path is normalised and encoded once more, as for every service but S3; with `normalizesPath` off (S3) the
/// canonical URI is the path exactly as sent, which the caller has URI-encoded once.
package struct SigV4Signer: Sendable {
    package var credentials: AWSCredentials
    /// `us-east-1`, …
    package var region: String
    /// The signing name of the service: `ssm`, `secretsmanager`, …
    package var service: String
    /// Whether the canonical URI is the path normalised and encoded once more (every service but S3), or the path as
    /// sent (S3, whose object keys may hold `//`, `.` and `..` and are encoded once).
    package var normalizesPath: Bool

    package init(credentials: AWSCredentials, region: String, service: String, normalizesPath: Bool = true) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.normalizesPath = normalizesPath
    }

    /// The credential scope, `20150830/us-east-1/service/aws4_request`.
    package func scope(for date: SigV4Date) -> String {
        "\(date.dateStamp)/\(region)/\(service)/aws4_request"
    }

    /// Signs `request` at `date`.
    ///
    /// - Parameters:
    ///   - request: The method, host, path, query, headers and payload to sign.
    ///   - date: The signing time; AWS rejects requests more than five minutes off its clock.
    /// - Returns: The headers to add to the request, with the intermediate canonical request and string to sign.
    /// - Complexity: O(*n* log *n*) in the number of headers and query parameters, plus one pass over the payload.
    package func sign(_ request: SigV4Request, date: SigV4Date) -> SigV4Signature {
        let amzDate = date.amzDate
        var headers: [(name: String, value: String)] = [("host", request.host), ("x-amz-date", amzDate)]
        if let token = credentials.sessionToken {
            headers.append(("x-amz-security-token", token))
        }
        for header in request.headers {
            let name = header.name.lowercased()
            if Self.suppliedHeaders.contains(name) { continue }
            headers.append((name, header.value))
        }
        let canonicalHeaders = Self.canonicalHeaders(headers)
        let signedHeaders = canonicalHeaders.map(\.name).joined(separator: ";")

        let payloadHash: String
        switch request.payload {
        case .bytes(let bytes): payloadHash = Hex.encode(Digest.sha256(bytes))
        case .hash(let hash): payloadHash = hash
        }

        var canonicalRequest = request.method + "\n"
        let path = request.path.isEmpty ? "/" : request.path
        canonicalRequest += (normalizesPath ? Self.canonicalPath(path) : path) + "\n"
        canonicalRequest += Self.canonicalQuery(request.query) + "\n"
        for header in canonicalHeaders {
            canonicalRequest += header.name + ":" + header.value + "\n"
        }
        canonicalRequest += "\n" + signedHeaders + "\n" + payloadHash

        let scope = scope(for: date)
        let stringToSign =
            "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n"
            + Hex.encode(Digest.sha256(canonicalRequest.utf8))

        let signature = Hex.encode(hmac(key: signingKey(dateStamp: date.dateStamp), stringToSign))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"

        var added: [(name: String, value: String)] = [("Host", request.host), ("X-Amz-Date", amzDate)]
        if let token = credentials.sessionToken {
            added.append(("X-Amz-Security-Token", token))
        }
        added.append(("Authorization", authorization))
        return SigV4Signature(
            canonicalRequest: canonicalRequest,
            stringToSign: stringToSign,
            signedHeaders: signedHeaders,
            signature: signature,
            authorization: authorization,
            headers: added)
    }

    /// Headers the signer writes itself; callers' copies are dropped so they are never signed twice.
    private static let suppliedHeaders: Set<String> = ["host", "x-amz-date", "x-amz-security-token", "authorization"]

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    private func signingKey(dateStamp: String) -> [UInt8] {
        let kDate = hmac(key: Array(("AWS4" + credentials.secretAccessKey).utf8), dateStamp)
        let kRegion = hmac(key: kDate, region)
        let kService = hmac(key: kRegion, service)
        return hmac(key: kService, "aws4_request")
    }

    private func hmac(key: [UInt8], _ message: String) -> [UInt8] {
        Digest.hmac(.sha256, key: key, message: message.utf8)
    }
}
