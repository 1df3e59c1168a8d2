/// An AWS service spoken to over the JSON protocol: how it is named for signing, targeting and endpoints.
package struct AWSService: Sendable, Hashable {
    /// The SigV4 signing name and endpoint prefix: `ssm`, `secretsmanager`.
    package var signingName: String
    /// The `X-Amz-Target` prefix: `AmazonSSM`, `secretsmanager`.
    package var targetPrefix: String
    /// The service-specific endpoint variable: `AWS_ENDPOINT_URL_SSM`.
    package var endpointVariable: String
    /// The `application/x-amz-json-1.x` version.
    package var jsonVersion: String

    package init(signingName: String, targetPrefix: String, endpointVariable: String, jsonVersion: String = "1.1") {
        self.signingName = signingName
        self.targetPrefix = targetPrefix
        self.endpointVariable = endpointVariable
        self.jsonVersion = jsonVersion
    }

    /// AWS Systems Manager (Parameter Store).
    package static let ssm = AWSService(
        signingName: "ssm", targetPrefix: "AmazonSSM", endpointVariable: "AWS_ENDPOINT_URL_SSM")

    /// AWS Secrets Manager.
    package static let secretsManager = AWSService(
        signingName: "secretsmanager", targetPrefix: "secretsmanager",
        endpointVariable: "AWS_ENDPOINT_URL_SECRETS_MANAGER")
}
