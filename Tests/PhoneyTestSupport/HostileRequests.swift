/// Bad requests, each with the status it must get and a fragment its message must hold: the same table is sent to
/// the router in process (PhoneyAPITests) and through the Lambda adapter as API Gateway events (PhoneyLambdaTests).
/// None may be a 5xx, each must say what is wrong (and where, when there is a where).
public struct HostileRequest: Sendable, CustomStringConvertible {
    public var name: String
    public var method: String
    public var path: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    public var status: Int
    public var fragment: String

    public var description: String { name }

    public static let apiKey = "test-api-key-0123456789abcdef"
    static let json = [("content-type", "application/json")]
    static let authed = json + [("x-api-key", apiKey)]

    static func post(
        _ name: String, _ path: String, _ body: String, _ status: Int, _ fragment: String,
        headers: [(String, String)] = json
    ) -> HostileRequest {
        HostileRequest(
            name: name, method: "POST", path: path, headers: headers, body: Array(body.utf8), status: status,
            fragment: fragment)
    }

    static func template(
        _ name: String, _ template: String, _ status: Int = 422, _ fragment: String
    ) -> [HostileRequest] {
        [
            post(name, "/template", #"{"template":\#(template)}"#, status, fragment),
            post(
                name + " (authenticated)", "/api/v1/template/generate", #"{"template":\#(template)}"#, status, fragment,
                headers: authed),
        ]
    }

    static func get(_ name: String, _ path: String, _ status: Int, _ fragment: String) -> HostileRequest {
        HostileRequest(name: name, method: "GET", path: path, headers: [], body: [], status: status, fragment: fragment)
    }

    /// The table: over eighty requests.
    public static let all: [HostileRequest] = bodies + templates + queries + credentials + limits

    static let bodies: [HostileRequest] = [
        post("empty body", "/template", "", 422, "Field required"),
        post("truncated JSON", "/template", #"{"template": {"a": "{{name}}""#, 422, "invalid JSON at byte 29"),
        post("not JSON", "/template", "hello", 422, "invalid JSON at byte 0"),
        post("a bare string", "/template", #""hello""#, 422, "valid dictionary"),
        post("an array body", "/template", "[1,2]", 422, "valid dictionary"),
        post("null body", "/template", "null", 422, "valid dictionary"),
        post("trailing garbage", "/template", #"{"template":{"a":"{{name}}"}} x"#, 422, "unexpected data"),
        post("a template that is a string", "/template", #"{"template":"x"}"#, 422, "valid dictionary"),
        post("a template that is a list", "/template", #"{"template":[1]}"#, 422, "valid dictionary"),
        post("count as words", "/template", #"{"template":{"a":"{{name}}"},"count":"ten"}"#, 422, "valid integer"),
        post("count as a fraction", "/template", #"{"template":{"a":"{{name}}"},"count":2.5}"#, 422, "count"),
        post("count negative", "/template", #"{"template":{"a":"{{name}}"},"count":-1}"#, 422, "greater than or equal"),
        post(
            "count past 2^64", "/template", #"{"template":{"a":"{{name}}"},"count":99999999999999999999999}"#, 422,
            "less than or equal"),
        post("count over the public limit", "/template", #"{"template":{"a":"{{name}}"},"count":1001}"#, 400, "1000"),
        post(
            "count over the buffered limit", "/api/v1/template/generate",
            #"{"template":{"a":"{{name}}"},"count":10001}"#, 422, "stream larger runs", headers: authed),
        post(
            "stream count over MAX_STREAM_COUNT", "/api/v1/template/generate",
            #"{"template":{"a":"{{name}}"},"count":100000000}"#, 422, "MAX_STREAM_COUNT",
            headers: authed + [("accept", "application/x-ndjson")]),
        post("seed as words", "/template", #"{"template":{"a":"{{name}}"},"seed":"x"}"#, 422, "seed"),
        post("offset negative", "/template", #"{"template":{"a":"{{name}}"},"offset":-1}"#, 422, "offset"),
        post("an unknown key", "/template", #"{"template":{"a":"{{name}}"},"bogus":1}"#, 422, "Extra inputs"),
        post("an unknown locale", "/template", #"{"template":{"a":"{{name}}"},"locale":"xx_XX"}"#, 422, "xx_XX"),
        post("an unknown format", "/template", #"{"template":{"a":"{{name}}"},"format":"xml"}"#, 422, "'json'"),
        post("unique as words", "/template", #"{"template":{"a":"{{name}}"},"unique":"maybe"}"#, 422, "boolean"),
        post("streaming without auth", "/template", #"{"template":{"a":"{{name}}"},"stream":true}"#, 400, "authentic"),
        HostileRequest(
            name: "invalid UTF-8", method: "POST", path: "/template", headers: json,
            body: Array(#"{"template":{"a":""#.utf8) + [0xFF, 0xFE] + Array(#""}}"#.utf8), status: 422,
            fragment: "invalid UTF-8"),
        HostileRequest(
            name: "a lone continuation byte", method: "POST", path: "/template", headers: json,
            body: Array(#"{"template":{"a":"x"#.utf8) + [0x80] + Array(#""}}"#.utf8), status: 422,
            fragment: "at byte 19"),
        post("a control character in a string", "/template", "{\"template\":{\"a\":\"x\u{01}y\"}}", 422, "control"),
        post("a bad escape", "/template", #"{"template":{"a":"\q"}}"#, 422, "invalid JSON"),
        post(
            "a text/plain body", "/template", #"{"template":{"a":"{{name}}"}}"#, 422, "text/plain",
            headers: [("content-type", "text/plain")]),
        post(
            "a form body where JSON goes", "/template", "template=x", 422, "application/x-www-form-urlencoded",
            headers: [("content-type", "application/x-www-form-urlencoded")]),
        post("XML", "/template", "<template/>", 422, "application/xml", headers: [("content-type", "application/xml")]),
        post("validate without a template", "/api/v1/template/validate", "{}", 422, "Field required"),
        post(
            "validate with strict as words", "/api/v1/template/validate", #"{"template":{},"strict":"maybe"}"#, 422,
            "boolean"),
        post("validate with a string template", "/api/v1/template/validate", #"{"template":"x"}"#, 422, "dictionary"),
    ]

    static let templates: [HostileRequest] =
        template("an unknown generator", #"{"a":"{{nmae}}"}"#, 422, "unknown generator `nmae`")
        + template("an unknown parameter", #"{"a":"{{random_int:mn=1}}"}"#, 422, "no parameter `mn`")
        + template("a parameter past its limit", #"{"a":"{{text:max_nb_chars=100001}}"}"#, 422, "max_nb_chars")
        + template("a parameter below its limit", #"{"a":"{{text:max_nb_chars=4}}"}"#, 422, "max_nb_chars")
        + template("min above max", #"{"a":"{{random_int:min=5,max=1}}"}"#, 422, "`max`")
        + template("an unclosed placeholder", #"{"a":"{{name"}"#, 422, "not closed")
        + template("an empty placeholder", #"{"a":"{{}}"}"#, 422, "empty placeholder")
        + template("a fixed array count of 0", #"{"a":"{{[word]:count=0}}"}"#, 422, "at least 1")
        + template("an array count past 1000", #"{"a":"{{[word]:count=1001}}"}"#, 422, "array `count`")
        + template("an array inside text", #"{"a":"x {{[word]:count=2}}"}"#, 422, "cannot stand inside text")
        + template("a null_rate above 1", #"{"a":"{{name:null_rate=2}}"}"#, 422, "null_rate")
        + template("unique on free text", #"{"a":"{{sentence:unique=true}}"}"#, 422, "unique")
        + template("a reference to nothing", #"{"a":"{{ref:/nope}}"}"#, 422, "ref")
        + template("a bad date", #"{"a":"{{date_between:start_date=yesterdayish}}"}"#, 422, "start_date")
        + template(
            "a template nested 40 deep",
            String(repeating: #"{"a":"#, count: 40) + #""{{name}}""#
                + String(repeating: "}", count: 40), 422, "deeper than")
        + template("no placeholders at all", #"{"a":"plain"}"#, 422, "no placeholders")
        + template("an empty template", "{}", 422, "Template cannot be empty")
        + template("a provider that is not the generator's", #"{"a":"{{internet.name}}"}"#, 422, "name")
        + template("a list that does not close", #"{"a":"{{random_element:elements=[a,b}}"}"#, 422, "not closed by `]`")

    static let queries: [HostileRequest] = [
        get("an unknown generator", "/fake/nope", 404, "not found"),
        get("a path traversal name", "/fake/..%2F..%2Fetc%2Fpasswd", 404, "not found"),
        get("a NUL in the name", "/fake/na%00me", 404, "not found"),
        get("a very long name", "/fake/" + String(repeating: "a", count: 4000), 404, "not found"),
        get("count 0", "/fake/name?count=0", 422, "greater than or equal to 1"),
        get("count 101", "/fake/name?count=101", 422, "less than or equal to 100"),
        get("count as words", "/fake/name?count=abc", 422, "valid integer"),
        get("count negative", "/fake/name?count=-1", 422, "greater than or equal"),
        get("count as a fraction", "/fake/name?count=3.5", 422, "count"),
        get("seed as words", "/fake/name?seed=x", 422, "seed"),
        get("seed with an exponent", "/fake/name?seed=1e3", 422, "seed"),
        get("an unknown locale", "/fake/name?locale=zz", 422, "zz"),
        get("an unknown provider", "/api/v1/provider/nope", 404, "not found"),
        get("an unknown provider generator", "/api/v1/provider/person/nope", 404, "not found"),
        get("a versioned unknown generator", "/api/v1/fake/nope", 404, "not found"),
        get("an unknown path", "/nothing/here", 404, "Not Found"),
        HostileRequest(
            name: "a method the path does not serve", method: "DELETE", path: "/template", headers: [], body: [],
            status: 405, fragment: "Method Not Allowed"),
    ]

    static let credentials: [HostileRequest] = [
        post(
            "generate without credentials", "/api/v1/template/generate", #"{"template":{"a":"{{name}}"}}"#, 401,
            "Not authenticated"),
        post(
            "a wrong API key", "/api/v1/template/generate", "{}", 401, "credentials",
            headers: json + [("x-api-key", "nope")]),
        post(
            "a garbage bearer token", "/api/v1/template/generate", "{}", 401, "credentials",
            headers: json + [("authorization", "Bearer abc")]),
        post(
            "alg none", "/api/v1/template/generate", "{}", 401, "credentials",
            headers: json + [
                ("authorization", "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhcGlfdXNlciJ9.")
            ]),
        post(
            "a forged signature", "/api/v1/template/generate", "{}", 401, "credentials",
            headers: json + [
                (
                    "authorization",
                    "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhcGlfdXNlciIsImV4cCI6NDEwMjQ0NDgwMH0."
                        + "c2lnbmF0dXJlLW9mLXNvbWVib2R5LWVsc2U"
                )
            ]),
        post(
            "an expired token", "/api/v1/template/generate", "{}", 401, "credentials",
            headers: json + [("authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhcGlfdXNlciIsImV4cCI6MX0.xx")]),
        post(
            "Basic instead of Bearer", "/api/v1/template/generate", "{}", 401, "Not authenticated",
            headers: json + [("authorization", "Basic YTpi")]),
        post(
            "a token request without a password", "/token", "username=x", 422, "password",
            headers: [("content-type", "application/x-www-form-urlencoded")]),
        post("a token request as JSON", "/token", #"{"username":"a","password":"b"}"#, 422, "username"),
        post(
            "a wrong password", "/token", "username=api_user&password=wrong", 401, "Incorrect",
            headers: [("content-type", "application/x-www-form-urlencoded")]),
        post(
            "api/v1/generate without a provider", "/api/v1/generate", #"{"generator":"nope"}"#, 422, "provider",
            headers: authed),
    ]

    static let limits: [HostileRequest] = [
        post(
            "a body over MAX_BODY_BYTES", "/template",
            #"{"template":{"a":""# + String(repeating: "x", count: 2 << 20) + #""}}"#, 413, "MAX_BODY_BYTES"),
        post(
            "a template over 10,000 nodes", "/template",
            #"{"template":{"# + (0...10_000).map { #""k\#($0)":1"# }.joined(separator: ",") + "}}", 422,
            "more than 10000"),
    ]
}
