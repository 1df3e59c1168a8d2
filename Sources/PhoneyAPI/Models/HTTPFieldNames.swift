import HTTPTypes

extension HTTPField.Name {
    package static let xAPIKey = Self("X-API-Key")!
    package static let xRequestID = Self("X-Request-ID")!
    package static let xForwardedFor = Self("X-Forwarded-For")!
    package static let xRateLimitLimit = Self("X-RateLimit-Limit")!
    package static let xRateLimitRemaining = Self("X-RateLimit-Remaining")!
    package static let xRateLimitReset = Self("X-RateLimit-Reset")!
    package static let xFrameOptions = Self("X-Frame-Options")!
    package static let referrerPolicy = Self("Referrer-Policy")!
    package static let permissionsPolicy = Self("Permissions-Policy")!
    /// The seed a response was generated with (also in the JSON envelope).
    package static let xPhoneySeed = Self("X-Phoney-Seed")!
    /// The number of records a streamed response carries.
    package static let xPhoneyCount = Self("X-Phoney-Count")!
    package static let xPhoneyTemplateID = Self("X-Phoney-Template-Id")!
}
