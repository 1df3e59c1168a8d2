/// AWS credentials as the standard environment variables give them.
///
/// Printing or dumping a value shows the access key ID only; the secret key and session token are redacted.
package struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    package var accessKeyID: String
    package var secretAccessKey: String
    package var sessionToken: String?

    package init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and, when set and not empty, `AWS_SESSION_TOKEN`
    /// (the Lambda runtime sets all three for the function's role).
    ///
    /// - Parameter environment: The process environment.
    /// - Returns: The credentials.
    /// - Throws: `AWSError` of kind `missingVariable` naming the first absent or empty variable; no value is
    ///   ever part of the error.
    package static func fromEnvironment(_ environment: [String: String]) throws(AWSError) -> AWSCredentials {
        let why = "AWS credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        guard let accessKeyID = environment["AWS_ACCESS_KEY_ID"], !accessKeyID.isEmpty else {
            throw .missing("AWS_ACCESS_KEY_ID", why)
        }
        guard let secretAccessKey = environment["AWS_SECRET_ACCESS_KEY"], !secretAccessKey.isEmpty else {
            throw .missing("AWS_SECRET_ACCESS_KEY", why)
        }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: token)
    }

    package var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: "
            + (sessionToken == nil ? "nil)" : "<redacted>)")
    }

    package var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "secretAccessKey": "<redacted>"])
    }
}
