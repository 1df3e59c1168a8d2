import PhoneyCore

/// Reading settings from one Secrets Manager secret holding a JSON object.
package enum SecretsManager {
    /// A secret string is at most 64 KiB; the limit leaves room and stops nothing legitimate.
    static let secretLimits = TemplateLimits(maxBytes: 1024 * 1024, maxDepth: 32, maxNodes: 100_000)

    /// The settings in secret `name`: `GetSecretValue`, then ``settings(fromSecretString:secret:)``.
    ///
    /// - Parameters:
    ///   - name: The secret's name or ARN (`SECRET_NAME`).
    ///   - client: A client for ``AWSService/secretsManager``.
    /// - Returns: Key to value, from the secret's JSON object.
    /// - Throws: `AWSError`: the call's errors (`ResourceNotFoundException` for a missing secret),
    ///   `invalidResponse` for a secret without `SecretString` (binary secrets), and `invalidSecret`.
    package static func load(secret name: String, client: AWSJSONClient) async throws(AWSError) -> [String: String] {
        let response = try await client.call(
            "GetSecretValue", .object([("SecretId", .string(name))]), resource: "secret \(name)")
        guard case .string(let secretString)? = response["SecretString"] else {
            throw AWSError(
                .invalidResponse, "the secret has no SecretString (binary secrets are not supported)",
                operation: "secretsmanager:GetSecretValue", resource: "secret \(name)")
        }
        return try settings(fromSecretString: secretString, secret: name)
    }

    /// The members of a JSON object secret as settings: strings as they are, numbers as written, booleans as
    /// `true`/`false`. A repeated key keeps its last value, as most JSON readers do.
    ///
    /// - Parameters:
    ///   - secretString: The secret's `SecretString`.
    ///   - secret: The secret's name, for errors.
    /// - Throws: `AWSError` of kind `invalidSecret` when the text is not JSON, not an object, or a member is
    ///   null, an array or an object (naming the key). The secret's text is never part of the error.
    package static func settings(
        fromSecretString secretString: String, secret: String
    ) throws(AWSError)
        -> [String: String]
    {
        func invalid(_ message: String) -> AWSError {
            AWSError(.invalidSecret, message, operation: "secretsmanager:GetSecretValue", resource: "secret \(secret)")
        }
        // The parser's message quotes the offending character, so it is dropped: only the verdict is kept.
        guard let document = try? JSONValue.parse(secretString, limits: secretLimits) else {
            throw invalid("the SecretString is not JSON; expected a JSON object of string values")
        }
        guard case .object(let members) = document else {
            throw invalid("the SecretString is JSON but not an object; expected a JSON object of string values")
        }
        var settings: [String: String] = [:]
        for (key, value) in members {
            switch value {
            case .string(let text): settings[key] = text
            case .number(let text): settings[key] = text
            case .bool(let flag): settings[key] = flag ? "true" : "false"
            case .null: throw invalid("key \(key) is null; expected a string, number or boolean")
            case .array: throw invalid("key \(key) is an array; expected a string, number or boolean")
            case .object: throw invalid("key \(key) is a nested object; expected a string, number or boolean")
            }
        }
        return settings
    }
}
