import CJemalloc
import PhoneyLambda

// The Lambda custom runtime's entry point (`bootstrap`): all of it lives in PhoneyLambda.
await LambdaRuntime.main(remoteSettings: { _ in [:] })
