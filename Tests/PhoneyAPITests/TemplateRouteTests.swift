import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import Testing

struct TemplateRouteTests {
    static let person = #"{"name":"{{name}}","email":"{{email}}","age":"{{random_int:min=18,max=90}}","ok":true}"#

    static func post(
        _ client: some TestClientProtocol, _ body: String, path: String = "/template",
        headers: HTTPFields = TestSupport.jsonHeaders
    ) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func envelopeHasEveryFieldInOrder() async throws {
        try await TestSupport.app().test(.router) { client in
            let response = try await Self.post(client, #"{"template":\#(Self.person),"count":3,"seed":11}"#)
            #expect(response.status == .ok)
            let body = try TestSupport.json(response)
            #expect(
                body.objectKeys == [
                    "template_id", "generated_count", "requested_count", "data", "format", "locale", "seed",
                    "execution_time_ms", "warnings",
                ])
            #expect(body["generated_count"] == .number("3"))
            #expect(body["requested_count"] == .number("3"))
            #expect(body["format"] == .string("json"))
            #expect(body["locale"] == .string("en_US"))
            #expect(body["seed"] == .number("11"))
            let records = try #require(body["data"]?.arrayValue)
            #expect(records.count == 3)
            #expect(records[0].objectKeys == ["name", "email", "age", "ok"])
            #expect(records[0]["ok"] == .bool(true))
            #expect(records[0]["age"]?.intValue != nil)
            #expect(body["template_id"]?.stringValue?.count == 16)
        }
    }

    /// `template_id` is 64-bit FNV-1a of the template's text, as 16 lower-case hex digits (published test vectors).
    @Test func templateIDIsFNV1aOfTheText() {
        #expect(fnv1aHex("") == "cbf29ce484222325")
        #expect(fnv1aHex("a") == "af63dc4c8601ec8c")
        #expect(fnv1aHex("foobar") == "85944171f73967e8")
        #expect(fnv1aHex(#"{"n":"{{name}}","é":1}"#) == "9bcfe7b14177cd07")
    }

    @Test func sameSeedSameRecordsAndOffsetPages() async throws {
        try await TestSupport.app().test(.router) { client in
            let all = try await Self.post(client, #"{"template":\#(Self.person),"count":10,"seed":5}"#)
            let page = try await Self.post(client, #"{"template":\#(Self.person),"count":4,"seed":5,"offset":6}"#)
            let allRecords = try #require(try TestSupport.json(all)["data"]?.arrayValue)
            let pageRecords = try #require(try TestSupport.json(page)["data"]?.arrayValue)
            #expect(Array(allRecords[6...]) == pageRecords)
        }
    }

    @Test func aRandomSeedIsChosenAndReturned() async throws {
        try await TestSupport.app().test(.router) { client in
            let first = try TestSupport.json(try await Self.post(client, #"{"template":\#(Self.person)}"#))
            let seed = try #require(first["seed"]?.uint64Value)
            let again = try TestSupport.json(
                try await Self.post(client, #"{"template":\#(Self.person),"seed":\#(seed)}"#))
            #expect(first["data"] == again["data"])
        }
    }

    @Test func negativeSeedsAreEchoed() async throws {
        try await TestSupport.app().test(.router) { client in
            let body = try TestSupport.json(try await Self.post(client, #"{"template":\#(Self.person),"seed":-3}"#))
            #expect(body["seed"] == .number("-3"))
        }
    }

    @Test func csvAndNDJSONAreStringsOfText() async throws {
        try await TestSupport.app().test(.router) { client in
            let csv = try TestSupport.json(
                try await Self.post(
                    client, #"{"template":{"a":"{{first_name}}","b":"{{city}}"},"count":2,"format":"csv"}"#))
            #expect(csv["format"] == .string("csv"))
            let text = try #require(csv["data"]?.stringValue)
            #expect(text.hasPrefix("a,b\r\n"))
            #expect(text.split(separator: "\r\n").count == 3)
            let ndjson = try TestSupport.json(
                try await Self.post(client, #"{"template":{"a":"{{first_name}}"},"count":3,"format":"ndjson"}"#))
            let lines = try #require(ndjson["data"]?.stringValue).split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines.allSatisfy { $0.hasPrefix("{\"a\":") })
        }
    }

    @Test func count1000IsAllowedAnd1001PointsToTheAuthenticatedEndpoint() async throws {
        try await TestSupport.app().test(.router) { client in
            let ok = try await Self.post(client, #"{"template":{"n":"{{random_int}}"},"count":1000}"#)
            #expect(ok.status == .ok)
            #expect(try TestSupport.json(ok)["data"]?.arrayValue?.count == 1000)
            let tooMany = try await Self.post(client, #"{"template":{"n":"{{random_int}}"},"count":1001}"#)
            #expect(tooMany.status == .badRequest)
            #expect(
                try TestSupport.json(tooMany)["detail"]?.stringValue?.contains("/api/v1/template/generate") == true)
        }
    }

    @Test(arguments: [
        (#"{"template":{"a":"{{name}}"},"colour":"red"}"#, "extra_forbidden"),
        (#"{"count":2}"#, "missing"),
        (#"{"template":"{{name}}"}"#, "dict_type"),
        (#"{"template":{}}"#, "value_error"),
        (#"{"template":{"a":"{{name}}"},"count":0}"#, "greater_than_equal"),
        (#"{"template":{"a":"{{name}}"},"count":"ten"}"#, "int_parsing"),
        (#"{"template":{"a":"{{name}}"},"count":[3]}"#, "int_type"),
        (#"{"template":{"a":"{{name}}"},"count":"3.5"}"#, "int_parsing"),
        (#"{"template":{"a":"{{name}}"},"count":"-2"}"#, "greater_than_equal"),
        (#"{"template":{"a":"{{name}}"},"count":1e400}"#, "finite_number"),
        (#"{"template":{"a":"{{name}}"},"format":"xml"}"#, "literal_error"),
        (#"{"template":{"a":"{{name}}"},"unique":"maybe"}"#, "bool_parsing"),
        (#"{"template":{"a":"{{name}}"},"unique":2}"#, "bool_parsing"),
        (#"{"template":{"a":"{{name}}"},"unique":null}"#, "bool_type"),
        (#"{"template":{"a":"{{name}}"},"seed":1.5}"#, "int_from_float"),
        (#"{"template":{"a":"{{name}}"},"offset":-1}"#, "greater_than_equal"),
        (#"[1,2]"#, "model_attributes_type"),
        (#"{"template":"#, "json_invalid"),
        ("", "missing"),
    ])
    func malformedRequestsAre422InFastAPIShape(body: String, type: String) async throws {
        try await TestSupport.app().test(.router) { client in
            let response = try await Self.post(client, body)
            #expect(response.status == .unprocessableContent)
            let issues = try #require(try TestSupport.json(response)["detail"]?.arrayValue)
            #expect(issues.contains { $0["type"] == .string(type) }, "\(issues)")
            #expect(issues.allSatisfy { $0["loc"]?.arrayValue?.first == .string("body") })
        }
    }

    /// FastAPI reads integers and booleans in pydantic's lax mode, so clients of the original send `"count": "10"`
    /// or `"unique": "true"` and get records: these read as pydantic reads them.
    @Test(arguments: [
        (#""count":"3""#, 3, "1"), (#""count":" 3 ""#, 3, "1"), (#""count":"+3""#, 3, "1"),
        (#""count":"3.00""#, 3, "1"), (#""count":"1_0""#, 10, "1"), (#""count":"007""#, 7, "1"),
        (#""count":3.0"#, 3, "1"), (#""count":true"#, 1, "1"), (#""seed":"42""#, 1, "42"),
        (#""seed":"-7""#, 1, "-7"), (#""seed":"-0""#, 1, "0"), (#""seed":false"#, 1, "0"),
        (#""seed":2e3"#, 1, "2000"), (#""unique":"true""#, 1, "1"), (#""unique":"No""#, 1, "1"),
        (#""unique":1"#, 1, "1"), (#""streaming":"off""#, 1, "1"), (#""unique":0.0"#, 1, "1"),
    ])
    func integersAndBooleansAreReadAsFastAPIReadsThem(member: String, count: Int, seed: String) async throws {
        try await TestSupport.app().test(.router) { client in
            // Seed 1 unless the member is the seed.
            let seedMember = member.hasPrefix(#""seed""#) ? "" : #""seed":1,"#
            let response = try await Self.post(client, #"{"template":{"a":"{{name}}"},"# + seedMember + member + "}")
            #expect(response.status == .ok, "\(member): \(String(buffer: response.body))")
            let document = try TestSupport.json(response)
            #expect(document["generated_count"] == .number(String(count)), "\(member)")
            #expect(document["data"]?.arrayValue?.count == count, "\(member)")
            #expect(document["seed"] == .number(seed), "\(member)")
        }
    }

    @Test(arguments: [
        (" 42 ", "42"), ("+7", "7"), ("-7", "-7"), ("1_000", "1000"), ("3.00", "3"), ("007", "7"), ("-0", "0"),
        ("0", "0"), ("\t4\n", "4"),
    ])
    func integerSpellingsPydanticAccepts(text: String, digits: String) {
        #expect(RequestFields.integerText(spelled: text) == digits)
    }

    @Test(arguments: ["", " ", "3.", ".0", "3.5", "1e2", "0x10", "_1", "1_", "1__0", "+-3", "--3", "١٢", "3 4", "+"])
    func integerSpellingsPydanticRejects(text: String) {
        #expect(RequestFields.integerText(spelled: text) == nil)
    }

    @Test func templateErrorsAre422WithEveryError() async throws {
        try await TestSupport.app().test(.router) { client in
            let response = try await Self.post(
                client, #"{"template":{"a":"{{emial}}","b":{"c":"{{random_int:min=5,max=1}}"}}}"#)
            #expect(response.status == .unprocessableContent)
            let detail = try #require(try TestSupport.json(response)["detail"])
            #expect(detail["message"] == .string("Template validation failed"))
            let errors = try #require(detail["errors"]?.arrayValue)
            #expect(errors.count == 2)
            let first = errors[0]
            #expect(
                first.objectKeys?.starts(with: ["field", "generator", "message", "suggestions", "error_type"]) == true)
            #expect(first["error_type"] == .string("generator_not_found"))
            #expect(first["field"] == .string("a"))
            #expect(first["suggestions"]?.arrayValue?.contains(.string("email")) == true)
            #expect(errors[1]["field"] == .string("b.c"))
        }
    }

    @Test func uniqueFieldsThatCannotHoldTheCountFailBeforeGenerating() async throws {
        try await TestSupport.app().test(.router) { client in
            let response = try await Self.post(client, #"{"template":{"b":"{{pybool}}"},"count":3,"unique":true}"#)
            #expect(response.status == .unprocessableContent)
            let errors = try #require(try TestSupport.json(response)["detail"]?["errors"]?.arrayValue)
            #expect(errors.first?["error_type"] == .string("unique_domain_too_small"))
            let ok = try await Self.post(client, #"{"template":{"u":"{{uuid4}}"},"count":50,"unique":true}"#)
            #expect(ok.status == .ok)
            let values = try #require(try TestSupport.json(ok)["data"]?.arrayValue).compactMap { $0["u"] }
            #expect(Set(values.compactMap(\.stringValue)).count == 50)
        }
    }

    @Test func unknownLocaleIs422() async throws {
        try await TestSupport.app().test(.router) { client in
            let response = try await Self.post(client, #"{"template":{"a":"{{name}}"},"locale":"tlh_QO"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try TestSupport.json(response)["supported_locales"] != nil)
        }
    }

    @Test func templateDepthAndNodeLimitsAre4xx() async throws {
        try await TestSupport.app().test(.router) { client in
            let deep = String(repeating: #"{"a":"#, count: 40) + #""{{name}}""# + String(repeating: "}", count: 40)
            let response = try await Self.post(client, #"{"template":\#(deep)}"#)
            #expect(response.status == .unprocessableContent)
            let errors = try #require(try TestSupport.json(response)["detail"]?["errors"]?.arrayValue)
            #expect(errors.first?["error_type"] == .string("limit_exceeded"))
            let wide = "{" + (0..<12_000).map { #""k\#($0)":1"# }.joined(separator: ",") + "}"
            let tooWide = try await Self.post(client, #"{"template":\#(wide)}"#)
            #expect(tooWide.status == .unprocessableContent)
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        let app = await TestSupport.app(TestSupport.config { $0.maxBodyBytes = 2048 })
        try await app.test(.router) { client in
            let padding = String(repeating: "x", count: 4000)
            let response = try await Self.post(client, #"{"template":{"a":"\#(padding)"}}"#)
            #expect(response.status == .contentTooLarge)
            #expect(try TestSupport.json(response)["detail"]?.stringValue?.contains("2048") == true)
        }
    }

    @Test func bufferedOutputOverTheLimitIs400() async throws {
        let app = await TestSupport.app(TestSupport.config { $0.maxBufferedBytes = 10_000 })
        try await app.test(.router) { client in
            let response = try await Self.post(client, #"{"template":{"p":"{{paragraph}}"},"count":1000}"#)
            #expect(response.status == .badRequest)
            #expect(try TestSupport.json(response)["detail"]?.stringValue?.contains("MAX_BUFFERED_BYTES") == true)
        }
    }

    @Test func recordsFarLargerThanEstimatedStillHitTheLimit() async throws {
        let app = await TestSupport.app(TestSupport.config { $0.maxBufferedBytes = 1 << 20 })
        try await app.test(.router) { client in
            let response = try await Self.post(
                client, #"{"template":{"s":"{{[pystr]:count=1000,max_chars=10000}}"},"count":50}"#)
            #expect(response.status == .badRequest)
        }
    }

    @Test func noRecordIsEverDropped() async throws {
        try await TestSupport.app().test(.router) { client in
            for count in [1, 17, 999] {
                let body = try TestSupport.json(
                    try await Self.post(client, #"{"template":\#(Self.person),"count":\#(count),"seed":3}"#))
                #expect(body["generated_count"]?.intValue == count)
                #expect(body["data"]?.arrayValue?.count == count)
            }
        }
    }

    @Test func streamingFlagNeedsAuthenticationHere() async throws {
        try await TestSupport.app().test(.router) { client in
            let response = try await Self.post(client, #"{"template":{"a":"{{name}}"},"stream":true}"#)
            #expect(response.status == .badRequest)
            let compat = try await Self.post(client, #"{"template":{"a":"{{name}}"},"streaming":true}"#)
            #expect(compat.status == .ok)
            #expect(try TestSupport.json(compat)["warnings"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test func validateIsAlways200() async throws {
        try await TestSupport.app().test(.router) { client in
            let valid = try await Self.post(
                client, #"{"template":{"a":"{{name}}","b":"{{[word]:count=2}}"}}"#, path: "/api/v1/template/validate")
            #expect(valid.status == .ok)
            let report = try TestSupport.json(valid)
            #expect(report.objectKeys == ["valid", "errors", "warnings", "detected_fields", "estimated_size"])
            #expect(report["valid"] == .bool(true))
            #expect(report["detected_fields"]?.arrayValue?.count == 2)
            let invalid = try await Self.post(
                client, #"{"template":{"a":"{{nme}}"}}"#, path: "/api/v1/template/validate")
            #expect(invalid.status == .ok)
            let failed = try TestSupport.json(invalid)
            #expect(failed["valid"] == .bool(false))
            #expect(failed["errors"]?.arrayValue?.first?["suggestions"]?.arrayValue?.contains(.string("name")) == true)
            let extra = try await Self.post(client, #"{"template":{},"x":1}"#, path: "/api/v1/template/validate")
            #expect(extra.status == .unprocessableContent)
        }
    }
}
