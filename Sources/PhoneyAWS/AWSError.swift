/// A failure to configure or call AWS: which variable, operation, parameter path or secret, and what AWS said.
///
/// The description never holds a credential or a parameter or secret value: AWS's own message is kept to its first
/// line (a signature mismatch appends the canonical request, which carries the session token) and scrubbed of the
/// credentials in use.
package struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it is.
    package struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable {
            case missingVariable = "missing_variable"
            case invalidVariable = "invalid_variable"
            case transport = "transport"
            case service = "service"
            case invalidResponse = "invalid_response"
            case invalidSecret = "invalid_secret"
            case conflictingSettings = "conflicting_settings"
            case invalidArgument = "invalid_argument"
            case notFound = "not_found"
            case alreadyExists = "already_exists"
        }
        private let code: Code

        /// A required environment variable is unset or empty.
        package static let missingVariable = Kind(code: .missingVariable)
        /// An environment variable has a value that cannot be used.
        package static let invalidVariable = Kind(code: .invalidVariable)
        /// No HTTP response: connection refused, timeout, TLS failure.
        package static let transport = Kind(code: .transport)
        /// AWS answered with an error status.
        package static let service = Kind(code: .service)
        /// AWS answered 2xx with a body this client cannot read.
        package static let invalidResponse = Kind(code: .invalidResponse)
        /// The secret is not a flat JSON object of strings, numbers and booleans.
        package static let invalidSecret = Kind(code: .invalidSecret)
        /// Two remote parameters map to the same setting name.
        package static let conflictingSettings = Kind(code: .conflictingSettings)
        /// A value the caller gave (an S3 location, a bucket name, a key, an ARN, a part size) cannot be used.
        package static let invalidArgument = Kind(code: .invalidArgument)
        /// AWS says the thing asked for does not exist (`NoSuchBucket`, `ExecutionDoesNotExist`).
        package static let notFound = Kind(code: .notFound)
        /// AWS refuses to create what exists already (`ExecutionAlreadyExists`).
        package static let alreadyExists = Kind(code: .alreadyExists)

        package var description: String { code.rawValue }
    }

    package var kind: Kind
    /// What went wrong, without values.
    package var message: String
    /// The environment variable concerned, for configuration errors.
    package var variable: String?
    /// `ssm:GetParametersByPath`, `secretsmanager:GetSecretValue`, …
    package var operation: String?
    /// `path /phoney/prod`, `secret phoney/prod`: what the operation was about.
    package var resource: String?
    /// HTTP status of the response, when there was one.
    package var httpStatus: Int?
    /// AWS error code (`ResourceNotFoundException`), from `__type` without its namespace.
    package var awsCode: String?

    package init(
        _ kind: Kind,
        _ message: String,
        variable: String? = nil,
        operation: String? = nil,
        resource: String? = nil,
        httpStatus: Int? = nil,
        awsCode: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.variable = variable
        self.operation = operation
        self.resource = resource
        self.httpStatus = httpStatus
        self.awsCode = awsCode
    }

    package var description: String {
        var text = ""
        if let operation { text += operation }
        if let resource { text += (text.isEmpty ? "" : " ") + "(\(resource))" }
        if !text.isEmpty { text += ": " }
        if let httpStatus { text += "HTTP \(httpStatus) " }
        if let awsCode { text += awsCode + " " }
        if httpStatus != nil || awsCode != nil { text += "- " }
        return text + message + " [\(kind)]"
    }

    /// A missing environment variable, named.
    static func missing(_ variable: String, _ why: String) -> AWSError {
        AWSError(.missingVariable, "\(variable) is not set; \(why)", variable: variable)
    }
}
