import PhoneyCore

/// Reading settings from SSM Parameter Store.
package enum ParameterStore {
    /// Most pages followed, against an endpoint that never stops returning a `NextToken`.
    static let maxPages = 10_000

    /// Every parameter under `prefix`, recursively and decrypted, keyed by setting name.
    ///
    /// Calls `GetParametersByPath` (`Recursive`, `WithDecryption`, `MaxResults` 10) and follows `NextToken`.
    /// Each parameter becomes the setting named by the last component of its name (see ``settingName(of:under:)``).
    ///
    /// - Parameters:
    ///   - prefix: The path, `/phoney/prod` (a trailing `/` is ignored).
    ///   - client: A client for ``AWSService/ssm``.
    /// - Returns: Setting name to value.
    /// - Throws: `AWSError`: the call's errors, `invalidResponse` for a page without `Parameters`, and
    ///   `conflictingSettings` when two parameters map to one name (their names, not values, are given).
    package static func load(prefix: String, client: AWSJSONClient) async throws(AWSError) -> [String: String] {
        let path = normalized(prefix)
        let operation = "GetParametersByPath"
        let resource = "path \(path)"
        var settings: [String: String] = [:]
        var sources: [String: String] = [:]
        var nextToken: String?
        for _ in 0..<maxPages {
            var request: [(key: String, value: JSONValue)] = [
                ("Path", .string(path)), ("Recursive", .bool(true)), ("WithDecryption", .bool(true)),
                ("MaxResults", .number("10")),
            ]
            if let nextToken { request.append(("NextToken", .string(nextToken))) }
            let page = try await client.call(operation, .object(request), resource: resource)
            guard case .array(let parameters)? = page["Parameters"] else {
                throw AWSError(
                    .invalidResponse, "the response has no Parameters array", operation: "ssm:\(operation)",
                    resource: resource)
            }
            for parameter in parameters {
                guard case .string(let name)? = parameter["Name"], case .string(let value)? = parameter["Value"] else {
                    throw AWSError(
                        .invalidResponse, "a parameter has no string Name and Value", operation: "ssm:\(operation)",
                        resource: resource)
                }
                guard let setting = settingName(of: name, under: path) else { continue }
                if let other = sources[setting], other != name {
                    throw AWSError(
                        .conflictingSettings, "parameters \(other) and \(name) both map to setting \(setting)",
                        operation: "ssm:\(operation)", resource: resource)
                }
                sources[setting] = name
                settings[setting] = value
            }
            guard case .string(let token)? = page["NextToken"], !token.isEmpty else { return settings }
            nextToken = token
        }
        throw AWSError(
            .invalidResponse, "more than \(maxPages) pages of parameters", operation: "ssm:\(operation)",
            resource: resource)
    }

    /// The setting a parameter provides: the last component of its name below `prefix`.
    ///
    /// `/phoney/prod/SECRET_KEY` under `/phoney/prod` is `SECRET_KEY`; so is `/phoney/prod/django/SECRET_KEY`, since
    /// settings are flat environment names and a nested path is a way to group them (the whole relative path,
    /// `django/SECRET_KEY`, would not be a usable variable name). Two parameters with one last component are an error
    /// rather than a silent pick.
    ///
    /// - Returns: `nil` for a name not below `prefix` (an endpoint returning more than asked) or ending in `/`.
    package static func settingName(of name: String, under prefix: String) -> String? {
        let path = normalized(prefix)
        let base = path == "/" ? "/" : path + "/"
        guard name.hasPrefix(base) else { return nil }
        let relative = name.dropFirst(base.count)
        guard let last = relative.split(separator: "/", omittingEmptySubsequences: false).last, !last.isEmpty else {
            return nil
        }
        return String(last)
    }

    /// `prefix` without trailing slashes, `/` for the root.
    static func normalized(_ prefix: String) -> String {
        var path = Substring(prefix.trimmed)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
