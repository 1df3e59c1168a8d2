extension AWSService {
    /// Amazon S3. It speaks REST with XML bodies, not the JSON protocol, so only its signing name and endpoint variable
    /// are used (by ``S3Client``); it has no target prefix.
    package static let s3 = AWSService(signingName: "s3", targetPrefix: "", endpointVariable: "AWS_ENDPOINT_URL_S3")

    /// AWS Step Functions (`states.REGION.amazonaws.com`), JSON 1.0 with the `AWSStepFunctions` target prefix.
    package static let stepFunctions = AWSService(
        signingName: "states", targetPrefix: "AWSStepFunctions", endpointVariable: "AWS_ENDPOINT_URL_SFN",
        jsonVersion: "1.0")
}
