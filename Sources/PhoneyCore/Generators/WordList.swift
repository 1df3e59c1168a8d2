/// A compile-time list of words (a locale table or a template's `ext_word_list`), pooled in one byte array.
struct WordList: Sendable {
    let bytes: [UInt8]
    let starts: [Int]
    /// What goes between words (a space; nothing in Japanese) and what ends a sentence.
    var separator: [UInt8] = [0x20]
    var stop: [UInt8] = [UInt8(ascii: ".")]

    init(_ words: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for word in words {
            starts.append(bytes.count)
            bytes.append(contentsOf: word.utf8)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
    }

    /// The locale's lorem words, or `ext_word_list` when the placeholder gives one.
    init(_ arguments: inout Arguments, _ locale: LocaleData) throws {
        if let list = try arguments.list("ext_word_list") {
            let words = list.compactMap(\.text).filter { !$0.isEmpty }
            guard !words.isEmpty, words.count == list.count else {
                throw arguments.error("ext_word_list", "must be a non-empty list of words like [alpha, beta]")
            }
            self.init(words)
        } else {
            self.init(locale.loremWords.allText())
            separator = locale.loremSeparator
            stop = locale.loremStop
        }
    }

    var count: Int { starts.count - 1 }

    /// True when no word needs JSON escaping.
    var isJSONSafe: Bool { !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }

    /// Writes word `index`, its first letter upper-cased when `capitalized`.
    @inline(__always)
    func write(_ index: Int, capitalized: Bool = false, to out: inout ByteWriter) {
        let start = starts[index]
        let length = starts[index + 1] - start
        bytes.withUnsafeBufferPointer { out.append($0.baseAddress! + start, count: length) }
        if capitalized, length > 0 {
            let first = out.base[out.count - length]
            if first >= 0x61, first <= 0x7A { out.base[out.count - length] = first - 0x20 }
        }
    }

    func writeSeparator(to out: inout ByteWriter) {
        if separator.count == 1 { out.append(separator[0]) } else if !separator.isEmpty { out.append(separator) }
    }

    func writeStop(to out: inout ByteWriter) {
        if stop.count == 1 { out.append(stop[0]) } else { out.append(stop) }
    }

    @inline(__always)
    func pick(_ rng: inout PhoneyRandom) -> Int {
        rng.index(count)
    }
}
