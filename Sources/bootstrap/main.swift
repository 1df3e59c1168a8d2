import PhoneyAWS
import PhoneyLambda

#if Jemalloc
    import CJemalloc
#endif

// The Lambda custom runtime's entry point (`bootstrap`): all of it lives in PhoneyLambda. Settings from SSM
// Parameter Store and Secrets Manager are read only when `USE_PARAMETER_STORE` / `USE_SECRETS_MANAGER` say so.
await LambdaRuntime.main(remoteSettings: { environment in try await RemoteSettings.load(environment: environment) })
