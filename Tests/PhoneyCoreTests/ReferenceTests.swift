import Testing

@testable import PhoneyCore

/// `{{ref:/pointer}}`: a field that repeats the value another field of the same record was given.
struct ReferenceTests {
    static let template = #"""
        {"user": {"first": "{{first_name}}", "age": "{{random_int:min=1,max=90}}", "tags": "{{[word]:count=2}}",
                  "bio": "{{address}}"},
         "greeting": "Hello {{ref:/user/first}}, {{ref: /user/age }} years",
         "age": "{{ref:/user/age}}", "tags": "{{ref:/user/tags}}", "inline": "tags {{ref:/user/tags}}",
         "bio": "{{ref:/user/bio}}"}
        """#

    @Test func repeatsTheReferencedValueOfTheSameRecord() throws {
        let records = try EngineTest.records(ndjson: EngineTest.text(Self.template, .ndjson, count: 300))
        #expect(records.count == 300)
        var distinctNames: Set<String> = []
        for record in records {
            let user = try #require(record["user"])
            guard case .string(let first) = try #require(user["first"]),
                case .number(let age) = try #require(user["age"]),
                case .array = try #require(user["tags"])
            else {
                Issue.record("unexpected user shape \(user)")
                continue
            }
            distinctNames.insert(first)
            #expect(record["greeting"] == .string("Hello \(first), \(age) years"))
            #expect(record["age"] == .number(age))
            #expect(record["tags"] == user["tags"])
            #expect(record["inline"] == .string("tags " + user["tags"]!.serialized))
            #expect(record["bio"] == user["bio"])
        }
        #expect(distinctNames.count > 50, "references must follow each record, not repeat one value")
    }

    /// Names are case-insensitive, `ref` too: the field an upper-case `{{REF:…}}` names must capture its value.
    @Test func upperCaseRefReachesItsTarget() throws {
        let template = #"{"a": "{{city}}", "b": "{{REF:/a}}", "c": "in {{ Ref:/a }}"}"#
        let records = try EngineTest.records(ndjson: EngineTest.text(template, .ndjson, count: 20))
        #expect(records.count == 20)
        for record in records {
            let city = try #require(record["a"])
            #expect(record["b"] == city)
            if case .string(let name) = city { #expect(record["c"] == .string("in \(name)")) }
        }
    }

    @Test func worksInCSVCells() throws {
        let csv = try EngineTest.text(
            #"{"a": "{{city}}", "b": "in {{ref:/a}}"}"#, .csv, count: 50)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first == "a,b")
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", maxSplits: 1)
            #expect(cells.count == 2)
            #expect(cells.count == 2 && cells[1] == "in \(cells[0])")
        }
    }

    @Test(arguments: [
        #"{"a": "{{ref:/b}}", "b": "{{city}}"}"#,
        #"{"a": "{{ref:/missing}}", "b": "{{city}}"}"#,
        #"{"b": "x {{city}}", "a": "{{ref:/b}}"}"#,
        #"{"b": "{{city:null_rate=0.5}}", "a": "{{ref:/b}}"}"#,
    ])
    func refusesWhatCannotBeReferenced(_ template: String) throws {
        let error = try EngineTest.error(template)
        #expect(error.kind == .parameterError)
        #expect(error.pointer == "/a")
        #expect(error.generator == "ref")
    }

    @Test func needsAPointer() throws {
        let error = try EngineTest.error(#"{"a": "{{city}}", "b": "{{ref:a}}"}"#)
        #expect(error.kind == .parsingError)
        #expect(error.pointer == "/b")
    }
}
