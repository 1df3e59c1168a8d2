import Testing

@testable import PhoneyAWS

@Test func credentialsKeepTheSessionToken() {
    let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token")
    #expect(credentials.sessionToken == "token")
}
