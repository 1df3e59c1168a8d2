import Testing

@testable import PhoneyCore

/// JSON, NDJSON and CSV output: well-formed documents, types, escaping, header and quoting.
struct OutputFormatTests {
    /// Words that need escaping in JSON and quoting in CSV.
    static let awkward = #"['say \"hi\"', 'back\\\\slash', 'a, b', 'plain']"#
    static let awkwardValues: Set<String> = [#"say "hi""#, #"back\slash"#, "a, b", "plain"]

    @Test func jsonIsOneArray() throws {
        let text = try EngineTest.text(#"{"n":"{{name}}","c":"{{city}}"}"#, .json, count: 50)
        #expect(text.hasPrefix("[{"))
        #expect(text.hasSuffix("}]"))
        let records = try EngineTest.records(json: text)
        #expect(records.count == 50)
        #expect(records.allSatisfy { $0.keys == ["n", "c"] })
        #expect(try EngineTest.records(json: EngineTest.text(#"{"n":"{{name}}"}"#, .json, count: 1)).count == 1)
        #expect(try EngineTest.text(#"{"n":"{{name}}"}"#, .json, count: 0) == "[]")
    }

    @Test func ndjsonIsOneObjectPerLine() throws {
        let text = try EngineTest.text(#"{"n":"{{name}}","a":"{{address}}"}"#, .ndjson, count: 40)
        #expect(text.split(separator: "\n").count == 40)
        let records = try EngineTest.records(ndjson: text)
        #expect(records.count == 40)
        #expect(try EngineTest.text(#"{"n":"{{name}}"}"#, .ndjson, count: 0).isEmpty)
    }

    @Test func ndjsonAndJsonHoldTheSameRecords() throws {
        let template = #"{"n":"{{name}}","w":"{{[word]:count=1..4}}","a":"{{address}}"}"#
        let json = try EngineTest.records(json: EngineTest.text(template, .json, count: 30))
        let ndjson = try EngineTest.records(template, count: 30)
        #expect(json == ndjson)
    }

    @Test func keyOrderIsPreserved() throws {
        let template = #"{"z":"{{name}}","a":1,"m":{"y":"{{city}}","b":null,"a":"x"},"b":"{{word}}"}"#
        for record in try EngineTest.records(template, count: 10) {
            #expect(record.keys == ["z", "a", "m", "b"])
            #expect(record["m"]?.keys == ["y", "b", "a"])
        }
    }

    @Test func keysAreNeverProcessed() throws {
        for record in try EngineTest.records(#"{"{{name}}":"{{city}}","a\\{{b":"{{word}}"}"#, count: 3) {
            #expect(record.keys == ["{{name}}", #"a\{{b"#])
        }
    }

    @Test func literalsPassThroughUntouched() throws {
        let literals =
            #"{"n":1.50,"e":-2E+3,"t":true,"f":false,"z":null,"arr":[1,[2,{"k":"v"}],"s"],"#
            + #""s":"plain \"q\" \\ é 😀\t\u0001"}"#
        let template = String(literals.dropLast()) + #","p":"{{word}}"}"#
        let expected = try JSONValue.parse(literals)
        let text = try EngineTest.text(template, .ndjson, count: 5)
        for record in try EngineTest.records(ndjson: text) {
            for key in expected.keys {
                #expect(record[key] == expected[key], "\(key)")
            }
        }
        #expect(text.contains(#""n":1.50,"e":-2E+3,"#))
    }

    @Test func lonePlaceholderTakesTheGeneratorsType() throws {
        let template = #"""
            {"arr":"{{[word]:count=3}}","words":"{{words}}","five":"{{words:nb=5}}","s":"{{word}}",
             "spaced":"  {{word}} ","mixed":"a {{word}} b","mixedWords":"w: {{words}}",
             "nested":["{{[word]:count=2}}",{"x":"{{words:nb=1}}"}]}
            """#
        for record in try EngineTest.records(template, count: 20) {
            let arr = try #require(record["arr"]?.arrayValue)
            #expect(arr.count == 3)
            #expect(arr.allSatisfy { $0.stringValue != nil })
            #expect(record["words"]?.arrayValue?.count == 3)
            #expect(record["five"]?.arrayValue?.count == 5)
            let word = try #require(record["s"]?.stringValue)
            #expect(!word.isEmpty && !word.contains(" "))
            let spaced = try #require(record["spaced"]?.stringValue)
            #expect(!spaced.isEmpty && !spaced.contains(" "))
            let mixed = try #require(record["mixed"]?.stringValue)
            #expect(mixed.hasPrefix("a ") && mixed.hasSuffix(" b") && mixed.count > 4)
            let mixedWords = try #require(record["mixedWords"]?.stringValue)
            let embedded = try JSONValue.parse(String(mixedWords.dropFirst(3)))
            #expect(embedded.arrayValue?.count == 3)
            let nested = try #require(record["nested"]?.arrayValue)
            #expect(nested.first?.arrayValue?.count == 2)
            #expect(nested.last?["x"]?.arrayValue?.count == 1)
        }
    }

    @Test func escapingInJSON() throws {
        let template = #"""
            {"addr":"{{address}}","lone":"{{word:ext_word_list=\#(Self.awkward)}}",
             "text":"<{{word:ext_word_list=\#(Self.awkward)}}> \"lit\" \\ {{address}}",
             "arr":"{{[word]:count=4,ext_word_list=\#(Self.awkward)}}"}
            """#
        let text = try EngineTest.text(template, .ndjson, count: 200)
        #expect(text.split(separator: "\n").count == 200)
        let records = try EngineTest.records(ndjson: text)
        var seen: Set<String> = []
        for record in records {
            let address = try #require(record["addr"]?.stringValue)
            #expect(address.contains("\n"))
            let lone = try #require(record["lone"]?.stringValue)
            #expect(Self.awkwardValues.contains(lone))
            seen.insert(lone)
            let mixed = try #require(record["text"]?.stringValue)
            let inner = try #require(mixed.split(separator: ">").first?.dropFirst())
            #expect(Self.awkwardValues.contains(String(inner)))
            #expect(mixed.contains(#"> "lit" \ "#))
            #expect(mixed.contains("\n"))
            let items = try #require(record["arr"]?.arrayValue)
            #expect(items.count == 4)
            #expect(items.allSatisfy { Self.awkwardValues.contains($0.stringValue ?? "") })
        }
        #expect(seen == Self.awkwardValues)
    }

    @Test(.enabled(if: Catalog.lookup("random_element") != nil))
    func escapingRandomElement() throws {
        let template = #"{"v":"{{random_element:elements=['say \"hi\"', 'back\\\\slash']}}"}"#
        let values = try EngineTest.records(template, count: 100).compactMap { $0["v"]?.stringValue }
        #expect(Set(values) == [#"say "hi""#, #"back\slash"#])
    }

    // MARK: CSV

    static let csvTemplate = #"""
        {"id":"{{first_name}}","address":{"city":"{{city}}","street":"{{address}}","deep":{"w":"{{word}}"}},
         "tags":"{{[word]:count=2}}","words":"{{words}}","items":[{"sku":"{{word}}","n":1}],
         "odd":"{{word:ext_word_list=\#(awkward)}}","note":"say \"hi\", ok","n":5,"flag":true,"none":null,"empty":{},
         "maybe":"{{city:null_rate=1}}","mixed":"{{first_name}}, {{last_name}}"}
        """#
    static let csvColumns = [
        "id", "address.city", "address.street", "address.deep.w", "tags", "words", "items", "odd", "note", "n", "flag",
        "none", "empty", "maybe", "mixed",
    ]

    @Test func csvHeaderComesFromTheTemplate() throws {
        let plan = try EngineTest.compile(Self.csvTemplate, EngineTest.options(.csv))
        #expect(plan.columns == Self.csvColumns)
        let text = try EngineTest.text(Self.csvTemplate, .csv, count: 0)
        #expect(text == Self.csvColumns.joined(separator: ",") + "\r\n")
        let quotedHeader = try EngineTest.text(#"{"a,b":"{{word}}","q\"x":1}"#, .csv, count: 0)
        #expect(quotedHeader == "\"a,b\",\"q\"\"x\"\r\n")
    }

    @Test func csvRoundTripsThroughAnRFC4180Parser() throws {
        let count: UInt64 = 300
        let text = try EngineTest.text(Self.csvTemplate, .csv, count: count)
        let rows = try CSVReader.parse(Array(text.utf8))
        #expect(rows.count == Int(count) + 1)
        #expect(rows.first == Self.csvColumns)
        #expect(rows.allSatisfy { $0.count == Self.csvColumns.count })
        let json = try EngineTest.records(Self.csvTemplate, count: count)
        var oddSeen: Set<String> = []
        for (row, record) in zip(rows.dropFirst(), json) {
            var cell: [String: String] = [:]
            for (column, value) in zip(Self.csvColumns, row) { cell[column] = value }
            #expect(cell["id"] == record["id"]?.stringValue)
            #expect(cell["address.city"] == record["address"]?["city"]?.stringValue)
            #expect(cell["address.street"] == record["address"]?["street"]?.stringValue)
            #expect(cell["address.street"]?.contains("\n") == true)
            #expect(cell["address.deep.w"] == record["address"]?["deep"]?["w"]?.stringValue)
            #expect(try JSONValue.parse(cell["tags"] ?? "") == record["tags"])
            #expect(try JSONValue.parse(cell["words"] ?? "") == record["words"])
            #expect(try JSONValue.parse(cell["items"] ?? "") == record["items"])
            #expect(cell["odd"] == record["odd"]?.stringValue)
            oddSeen.insert(cell["odd"] ?? "")
            #expect(cell["note"] == #"say "hi", ok"#)
            #expect(cell["n"] == "5")
            #expect(cell["flag"] == "true")
            #expect(cell["none"] == "")
            #expect(cell["empty"] == "{}")
            #expect(cell["maybe"] == "")
            #expect(record["maybe"] == .null)
            #expect(cell["mixed"] == record["mixed"]?.stringValue)
        }
        #expect(oddSeen == Self.awkwardValues)
    }

    @Test func csvQuotesOnlyWhatNeedsIt() throws {
        let template = #"{"a":"{{word:ext_word_list=[plain]}}","b":"x\"y","c":"1,2","d":"e"}"#
        let text = try EngineTest.text(template, .csv, count: 2)
        #expect(text == "a,b,c,d\r\nplain,\"x\"\"y\",\"1,2\",e\r\nplain,\"x\"\"y\",\"1,2\",e\r\n")
    }

    @Test func csvParserRejectsMalformedInput() throws {
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.parse(Array("a,b\n".utf8)) }
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.parse(Array("a,\"b\r\n".utf8)) }
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.parse(Array("a,b\"c\r\n".utf8)) }
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.parse(Array("a,\"b\"c\r\n".utf8)) }
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.parse(Array("a,b".utf8)) }
        #expect(try CSVReader.parse(Array("a,\"b\r\n\"\"c\"\"\",\r\n".utf8)) == [["a", "b\r\n\"c\"", ""]])
    }
}

/// A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes, every record terminated.
enum CSVReader {
    struct Malformed: Error {
        var offset: Int
        var reason: String
    }

    static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var index = 0
        while index < bytes.count {
            var field: [UInt8] = []
            if bytes[index] == 0x22 {
                index += 1
                while true {
                    guard index < bytes.count else { throw Malformed(offset: index, reason: "unclosed quote") }
                    if bytes[index] == 0x22 {
                        if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                            field.append(0x22)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(bytes[index])
                    index += 1
                }
            } else {
                while index < bytes.count, bytes[index] != 0x2C, bytes[index] != 0x0D {
                    if bytes[index] == 0x22 || bytes[index] == 0x0A {
                        throw Malformed(offset: index, reason: "quote or line feed in an unquoted field")
                    }
                    field.append(bytes[index])
                    index += 1
                }
            }
            row.append(String(decoding: field, as: UTF8.self))
            guard index < bytes.count else { throw Malformed(offset: index, reason: "last record has no CRLF") }
            if bytes[index] == 0x2C {
                index += 1
                if index == bytes.count { throw Malformed(offset: index, reason: "last record has no CRLF") }
            } else if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
                rows.append(row)
                row = []
            } else {
                throw Malformed(offset: index, reason: "expected `,` or CRLF after a field")
            }
        }
        return rows
    }
}
