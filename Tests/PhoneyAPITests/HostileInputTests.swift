import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import PhoneyTestSupport
import Testing

/// The hostile-input table (PhoneyTestSupport.HostileRequest) against the router: each request gets its 4xx with
/// a JSON body that says what is wrong, none a 5xx, and the server still answers afterwards.
struct HostileInputTests {
    @Test func theTableIsLargeEnough() {
        #expect(HostileRequest.all.count >= 80)
    }

    @Test(arguments: HostileRequest.all)
    func eachBadRequestGetsItsClearError(_ case_: HostileRequest) async throws {
        let config = TestSupport.config { $0.apiKey = HostileRequest.apiKey }
        try await TestSupport.app(config).test(.router) { client in
            var headers = HTTPFields()
            for (name, value) in case_.headers { headers[HTTPField.Name(name)!] = value }
            try await client.execute(
                uri: case_.path, method: HTTPRequest.Method(case_.method)!, headers: headers,
                body: case_.body.isEmpty ? nil : ByteBuffer(bytes: case_.body)
            ) { (response) async throws in
                let text = String(buffer: response.body)
                #expect(
                    response.status.code == case_.status, "\(case_.name): \(response.status.code) \(text.prefix(300))")
                #expect(response.status.code < 500, "\(case_.name): a server error")
                #expect(
                    case_.fragment.isEmpty || text.contains(case_.fragment),
                    "\(case_.name): no `\(case_.fragment)` in \(text.prefix(300))")
                if case_.status >= 400 {
                    let json = try? TestSupport.json(response)
                    #expect(json?["detail"] != nil, "\(case_.name): no JSON detail in \(text.prefix(200))")
                }
            }
            try await client.execute(uri: "/health", method: .get) { (response) async throws in
                #expect(response.status == .ok)
            }
        }
    }
}
