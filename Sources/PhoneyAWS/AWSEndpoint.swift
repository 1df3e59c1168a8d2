/// Where requests to a service go: scheme, host, port and base path of an endpoint URL.
package struct AWSEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`.
    package var scheme: String
    /// Host name or address; an IPv6 address keeps its brackets.
    package var host: String
    /// The port given in the URL, if any.
    package var port: Int?
    /// The request path: the URL's path, `/` when it has none.
    package var path: String

    /// Parses `scheme://host[:port][/path]`; user info, query and fragment are refused.
    ///
    /// - Returns: `nil` when `url` is not of that form.
    package init?(url: String) {
        let text = url.trimmed
        let scheme: String
        let rest: Substring
        if text.lowercased().hasPrefix("https://") {
            (scheme, rest) = ("https", text.dropFirst(8))
        } else if text.lowercased().hasPrefix("http://") {
            (scheme, rest) = ("http", text.dropFirst(7))
        } else {
            return nil
        }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        if authority.isEmpty || authority.contains("@") || path.contains("?") || path.contains("#") { return nil }

        var host = authority
        var port: Int?
        let portSeparator: Substring.Index?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let afterClose = authority.index(after: close)
            if afterClose != authority.endIndex && authority[afterClose] != ":" { return nil }
            portSeparator = afterClose == authority.endIndex ? nil : afterClose
        } else {
            portSeparator = authority.lastIndex(of: ":")
        }
        if let separator = portSeparator {
            guard let value = Int(authority[authority.index(after: separator)...]), (1...65_535).contains(value)
            else { return nil }
            port = value
            host = authority[..<separator]
        }
        if host.isEmpty { return nil }
        self.scheme = scheme
        self.host = String(host)
        self.port = port
        self.path = path.isEmpty ? "/" : String(path)
    }

    /// The regional public endpoint, `https://{service}.{region}.amazonaws.com`.
    package static func standard(_ service: AWSService, region: String) -> AWSEndpoint {
        AWSEndpoint(url: "https://\(service.signingName).\(region).amazonaws.com")!
    }

    /// The endpoint of `service`: its own variable (`AWS_ENDPOINT_URL_SSM`), else `AWS_ENDPOINT_URL`, else the
    /// regional public endpoint.
    ///
    /// - Throws: `AWSError` of kind `invalidVariable` naming the variable whose URL cannot be used.
    package static func resolve(
        _ service: AWSService, region: String, environment: [String: String]
    ) throws(AWSError) -> AWSEndpoint {
        for variable in [service.endpointVariable, "AWS_ENDPOINT_URL"] {
            guard let url = environment[variable], !url.trimmed.isEmpty else { continue }
            guard let endpoint = AWSEndpoint(url: url) else {
                throw AWSError(
                    .invalidVariable, "\(variable) is not an http(s)://host[:port] URL", variable: variable)
            }
            return endpoint
        }
        return standard(service, region: region)
    }

    /// The `Host` header: the host, with `:port` when the port is not the scheme's default.
    package var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// The full URL of a request to this endpoint.
    package var url: String {
        "\(scheme)://\(hostHeader)\(path)"
    }

    package var description: String { url }
}
