import PhoneyAPI

/// The Lambda custom runtime: the event loop against the Runtime API.
package enum LambdaRuntime {}
