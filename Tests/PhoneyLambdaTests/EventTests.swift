import Testing

@testable import PhoneyLambda
