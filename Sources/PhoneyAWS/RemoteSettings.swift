import Logging
import NIOCore

/// Settings kept in AWS rather than in the function's environment, loaded once at cold start.
///
/// - `USE_PARAMETER_STORE=true` reads every parameter under `PARAMETER_STORE_PREFIX` from SSM Parameter Store.
/// - `USE_SECRETS_MANAGER=true` reads the JSON object secret `SECRET_NAME` from Secrets Manager.
///
/// Remote values never override the environment: ``load(environment:httpClient:timeout:logger:)`` returns only the
/// remote values and ``merge(remote:environment:)`` lays the environment over them. Values are never logged.
package enum RemoteSettings {
    /// Loads the remote settings the environment asks for.
    ///
    /// Does nothing, and touches neither credentials nor an HTTP client, unless `USE_PARAMETER_STORE` or
    /// `USE_SECRETS_MANAGER` is on (`true`, `1` or `yes`, any case). `PARAMETER_STORE_PREFIX` and `SECRET_NAME`
    /// are then required, with no default, so a missing one fails the cold start instead of reading another
    /// stage's values. When a key comes from both sources, the Secrets Manager value wins: the secret is named
    /// explicitly for this deployment, while a path may gather more.
    ///
    /// Credentials come from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`; the region from
    /// `AWS_REGION` or `AWS_DEFAULT_REGION`; endpoints from `AWS_ENDPOINT_URL_SSM`,
    /// `AWS_ENDPOINT_URL_SECRETS_MANAGER`, then `AWS_ENDPOINT_URL`.
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - httpClient: The client to send with; `nil` uses `AWSHTTPClient.shared` (only when a source is on).
    ///   - timeout: Deadline of each AWS call.
    ///   - logger: Receives one line per source with the number of settings, and their names at debug level.
    /// - Returns: The remote settings, not yet merged with the environment.
    /// - Throws: `AWSError`, naming the missing variable, or the operation, path or secret, HTTP status and AWS
    ///   error code of a failed call.
    package static func load(
        environment: [String: String],
        httpClient: AWSHTTPClient? = nil,
        timeout: TimeAmount = .seconds(5),
        logger: Logger = Logger(label: "phoney.aws", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(AWSError) -> [String: String] {
        let useParameterStore = AWSEnvironment.isEnabled("USE_PARAMETER_STORE", in: environment)
        let useSecretsManager = AWSEnvironment.isEnabled("USE_SECRETS_MANAGER", in: environment)
        guard useParameterStore || useSecretsManager else { return [:] }

        let prefix =
            useParameterStore
            ? try AWSEnvironment.required(
                "PARAMETER_STORE_PREFIX", in: environment,
                because: "USE_PARAMETER_STORE is on and needs the parameter path to read, such as /phoney/prod")
            : nil
        let secretName =
            useSecretsManager
            ? try AWSEnvironment.required(
                "SECRET_NAME", in: environment, because: "USE_SECRETS_MANAGER is on and needs the secret to read")
            : nil
        let credentials = try AWSCredentials.fromEnvironment(environment)
        let region = try AWSEnvironment.region(environment)
        let httpClient = httpClient ?? AWSHTTPClient.shared

        func client(_ service: AWSService) throws(AWSError) -> AWSJSONClient {
            AWSJSONClient(
                service: service, endpoint: try AWSEndpoint.resolve(service, region: region, environment: environment),
                credentials: credentials, region: region, httpClient: httpClient, timeout: timeout, logger: logger)
        }

        var settings: [String: String] = [:]
        if let prefix {
            let parameters = try await ParameterStore.load(prefix: prefix, client: try client(.ssm))
            log(parameters, from: "Parameter Store path \(prefix)", logger: logger)
            settings = parameters
        }
        if let secretName {
            let secret = try await SecretsManager.load(secret: secretName, client: try client(.secretsManager))
            log(secret, from: "Secrets Manager secret \(secretName)", logger: logger)
            settings.merge(secret) { _, fromSecret in fromSecret }
        }
        return settings
    }

    /// The settings to run with: `remote`, with every variable of `environment` laid over it.
    ///
    /// - Returns: `environment` plus the remote keys it does not have.
    package static func merge(remote: [String: String], environment: [String: String]) -> [String: String] {
        remote.merging(environment) { _, fromEnvironment in fromEnvironment }
    }

    private static func log(_ settings: [String: String], from source: String, logger: Logger) {
        logger.info("loaded \(settings.count) settings from \(source)")
        logger.debug("remote setting names", metadata: ["names": "\(settings.keys.sorted().joined(separator: ","))"])
    }
}
