import PhoneyAWS
import PhoneyCore
import PhoneyExport
import PhoneyLambda

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

#if Jemalloc
    import CJemalloc
#endif

// The Lambda custom runtime's entry point (`bootstrap`): all of it lives in PhoneyLambda. Settings from SSM
// Parameter Store and Secrets Manager are read only when `USE_PARAMETER_STORE` / `USE_SECRETS_MANAGER` say so;
// export jobs (PhoneyExport: the jobs API and the state machine's shard and manifest events) only when
// `PHONEY_EXPORT_BUCKET` names the deployment's export bucket.
//
// No top-level `await`, on purpose. An async main ends the main thread with `dispatch_main()`, which calls
// `pthread_exit()`, and that unwinds the thread. In the fully static build the unwinder finds the whole `.eh_frame`
// registered by crtbeginT.o and, on that first lookup, reads and sorts every FDE in it: 6.2 MB of the executable
// became resident at start-up (plus the sorted table on the heap), with no exception ever thrown. So the runtime runs
// in a detached task on the global executor (where the nonisolated `LambdaRuntime.main` ran under the async main too)
// and the main thread just waits; `LambdaRuntime.main` never returns, it ends the process with `exit`.
Task.detached {
    await LambdaRuntime.main(
        remoteSettings: { environment in try await RemoteSettings.load(environment: environment) },
        extensions: exportExtensions)
}
while true {
    pause()
}

/// Export jobs and their events, when the deployment has an export bucket.
@Sendable func exportExtensions(_ settings: [String: String]) async throws -> LambdaExtensions {
    guard let events = try ExportEvents.fromEnvironment(settings) else { return LambdaExtensions() }
    return LambdaExtensions(
        jobs: try ExportJobsService.fromEnvironment(settings),
        events: { event, deadline in
            guard ExportEvents.handles(event) else { return nil }
            do {
                let result = try await events.handle(event, deadline: deadline)
                return .response(Array(result.serialized.utf8))
            } catch {
                return .failure(type: "Phoney.ExportFailed", message: "\(error)")
            }
        })
}
