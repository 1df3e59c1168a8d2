import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PhoneyAPI

/// The HTTP server: `PhoneyRouter` served by Hummingbird over NIO. Nothing here knows a route.
package enum PhoneyServer {
    /// The application for `config`, listening on `config.host` and `config.port` (0 picks a free port).
    ///
    /// - Parameters:
    ///   - onRunning: called with the bound port once the server listens.
    package static func makeApplication(
        config: APIConfig, logger: Logger, metrics: ServerMetrics = ServerMetrics(),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async -> some ApplicationProtocol {
        let api = await APIService(config: config, metrics: metrics.api, metricsExporter: { metrics.export() })
        let router = PhoneyRouter.build(api, context: ServerRequestContext.self)
        return Application(
            router: router,
            server: .http1(
                configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [
                    ExpectContinueHandler(maxBodyBytes: config.maxBodyBytes)
                ])),
            configuration: ApplicationConfiguration(
                address: .hostname(config.host, port: config.port), serverName: "Phoney"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? config.port) },
            logger: logger)
    }

    /// A logger that writes JSON lines to `sink` at `config.logLevel`, with the configuration's secrets redacted.
    package static func logger(
        config: APIConfig, sink: LogSink = LogSink(), label: String = "phoney", style: JSONLogHandler.Style = .server
    ) -> Logger {
        sink.redact(
            [config.secretKey, config.passwordHash] + [config.apiKey, config.generatedPassword].compactMap { $0 })
        var logger = Logger(label: label) { label in
            JSONLogHandler(label: label, level: config.logLevel, sink: sink, style: style)
        }
        logger.logLevel = config.logLevel
        return logger
    }

    /// Runs the server until SIGINT or SIGTERM.
    package static func run(config: APIConfig, logger: Logger) async throws {
        for notice in config.notices { logger.notice("\(notice)") }
        let app = await makeApplication(config: config, logger: logger) { port in
            logger.info(
                "listening",
                metadata: [
                    "url": .string("http://\(config.host):\(port)"), "env_state": .string(config.envState.rawValue),
                ])
        }
        try await app.runService()
    }
}
