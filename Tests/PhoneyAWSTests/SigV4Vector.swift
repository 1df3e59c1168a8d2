import Foundation

@testable import PhoneyAWS

/// One case of AWS's Signature Version 4 test suite (see `Vectors/README.md`): the raw request and the expected
/// canonical request, string to sign and `Authorization` header.
struct SigV4Vector: Sendable, CustomStringConvertible {
    static let accessKeyID = "AKIDEXAMPLE"
    static let secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let date = SigV4Date(year: 2015, month: 8, day: 30, hour: 12, minute: 36, second: 0)
    static let region = "us-east-1"
    static let service = "service"

    /// `get-vanilla`, `normalize-path/get-space`, …
    let name: String
    let request: SigV4Request
    let sessionToken: String?
    let canonicalRequest: String
    let stringToSign: String
    let authorization: String

    var description: String { name }

    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Vectors")
    }

    /// Every case in the folder: each directory holding a `.req` file, by relative path.
    static let names: [String] = {
        let root = directory.path
        let paths = FileManager.default.subpaths(atPath: root) ?? []
        return paths.filter { $0.hasSuffix(".req") }
            .map { ($0 as NSString).deletingLastPathComponent }
            .sorted()
    }()

    init(_ name: String) throws {
        self.name = name
        let base = Self.directory.appendingPathComponent(name)
            .appendingPathComponent((name as NSString).lastPathComponent)
        func read(_ ext: String) throws -> String {
            let text = try String(contentsOf: base.appendingPathExtension(ext), encoding: .utf8)
            return text.replacingOccurrences(of: "\r", with: "")
        }
        canonicalRequest = try read("creq")
        stringToSign = try read("sts")
        authorization = try read("authz")
        // As in botocore's runner: the session token, when the case signs one, is the one in the canonical request.
        sessionToken = canonicalRequest.split(separator: "\n")
            .first { $0.hasPrefix("x-amz-security-token:") }
            .map { String($0.dropFirst("x-amz-security-token:".count)) }
        request = try Self.parse(read("req"))
    }

    var credentials: AWSCredentials {
        AWSCredentials(accessKeyID: Self.accessKeyID, secretAccessKey: Self.secretAccessKey, sessionToken: sessionToken)
    }

    struct MalformedVector: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads a raw HTTP/1.1 request: request line, headers (continuation lines folded in), blank line, body.
    static func parse(_ raw: String) throws -> SigV4Request {
        let head: Substring
        let body: Substring
        if let blank = raw.range(of: "\n\n") {
            head = raw[..<blank.lowerBound]
            body = raw[blank.upperBound...]
        } else {
            head = Substring(raw)
            body = ""
        }
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        let requestLine = lines.removeFirst()
        guard let firstSpace = requestLine.firstIndex(of: " "),
            let version = requestLine.range(of: " HTTP/", options: .backwards)
        else { throw MalformedVector(description: "bad request line \(requestLine)") }
        let method = String(requestLine[..<firstSpace])
        let target = requestLine[requestLine.index(after: firstSpace)..<version.lowerBound]
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        var query: [(name: String, value: String)] = []
        if let mark = target.firstIndex(of: "?") {
            for item in target[target.index(after: mark)...].split(separator: "&") {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
                query.append((name, value))
            }
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw MalformedVector(description: "bad header line \(line)")
            }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        guard let host = headers.first(where: { $0.name.lowercased() == "host" })?.value else {
            throw MalformedVector(description: "no Host header")
        }
        return SigV4Request(
            method: method, host: host, path: String(path), query: query, headers: headers,
            payload: .bytes(Array(body.utf8)))
    }
}
