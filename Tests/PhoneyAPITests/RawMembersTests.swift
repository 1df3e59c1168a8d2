import Hummingbird
import PhoneyAPI
import PhoneyCore
import Testing

struct RawMembersTests {
    static func scan(_ text: String) -> [String: String]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            RawMembers.scan(raw).map { members in
                Dictionary(
                    members.map { ($0.key, String(decoding: bytes[$0.value], as: UTF8.self)) },
                    uniquingKeysWith: { first, _ in first })
            }
        }
    }

    @Test func findsEachMembersText() {
        let members = Self.scan(
            #" { "template" : {"a":"}{\"]","b":[1,{"c":"]"}]} , "count":10,"seed":-3,"locale":null,"x":"y"} "#)
        #expect(members?["template"] == #"{"a":"}{\"]","b":[1,{"c":"]"}]}"#)
        #expect(members?["count"] == "10")
        #expect(members?["seed"] == "-3")
        #expect(members?["locale"] == "null")
        #expect(members?["x"] == #""y""#)
        #expect(Self.scan("{}")?.isEmpty == true)
    }

    @Test(arguments: [
        "", "[]", "{", #"{"a":1"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":{"b":1}"#, #"{"a":1} x"#, #"{"a\u0062":1}"#,
        #"{"a":"unterminated}"#, #"{a:1}"#,
    ])
    func refusesAnythingButAPlainObject(text: String) {
        #expect(Self.scan(text) == nil)
    }

    @Test func bodiesTheScanRefusesStillGetTheFullReport() throws {
        let request = try BulkRequest(
            body: .init(string: #"{"template": {"a": "{{name}}"}, "count": 3}"#), limits: .default)
        #expect(request.templateText == #"{"a": "{{name}}"}"#)
        #expect(request.count == 3)
        let escaped = try BulkRequest(
            body: .init(string: #"{"templ\u0061te": {"a": "{{name}}"}}"#), limits: .default)
        #expect(escaped.templateText == #"{"a":"{{name}}"}"#)
        #expect(throws: APIError.self) {
            try BulkRequest(body: .init(string: #"{"template": {"a": "{{name}}"}, "count": 0}"#), limits: .default)
        }
    }
}
