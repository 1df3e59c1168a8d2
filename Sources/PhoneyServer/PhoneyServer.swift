import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PhoneyAPI
import ServiceLifecycle

/// The HTTP server: `PhoneyRouter` served by Hummingbird over NIO (`APIResponderAdapter`). Nothing here knows a
/// route.
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
        return Application(
            responder: APIResponderAdapter(PhoneyRouter.responder(api)),
            server: .http1(
                configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [
                    ProtocolErrorHandler(), ExpectContinueHandler(maxBodyBytes: config.maxBodyBytes),
                    DrainBeforeCloseHandler(),
                ])),
            configuration: ApplicationConfiguration(
                address: .hostname(config.host, port: config.port), serverName: "Phoney"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? config.port) },
            logger: logger)
    }

    /// A logger that writes the server's JSON lines to `sink` at `config.logLevel`, secrets redacted.
    package static func logger(config: APIConfig, sink: LogSink = LogSink(), label: String = "phoney") -> Logger {
        JSONLogHandler.logger(config: config, sink: sink, label: label, style: ServerLogStyle())
    }

    /// How long SIGTERM or SIGINT lets requests in flight finish: the listener closes at once, and after this the
    /// requests still running are cancelled (a stream stops inside the record it is rendering) and the process ends.
    package static let shutdownGrace: Duration = .seconds(10)
    /// How long cancelled requests get to end before the server stops waiting for them.
    package static let cancellationGrace: Duration = .seconds(5)

    /// Runs the server until SIGINT or SIGTERM, then drains for at most `shutdownGrace`.
    package static func run(config: APIConfig, logger: Logger) async throws {
        for notice in config.notices { logger.notice("\(notice)") }
        let app = await makeApplication(config: config, logger: logger) { port in
            logger.info(
                "listening",
                metadata: [
                    "url": .string("http://\(config.host):\(port)"), "env_state": .string(config.envState.rawValue),
                ])
        }
        var group = ServiceGroupConfiguration(
            services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = shutdownGrace
        group.maximumCancellationDuration = cancellationGrace
        try await ServiceGroup(configuration: group).run()
    }
}
