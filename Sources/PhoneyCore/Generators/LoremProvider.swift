/// Faker's `lorem` provider: words, sentences, paragraphs and text of a bounded length.
enum LoremProvider {
    /// Faker's `randomize_nb_elements`: 60 % to 140 % of `count`, at least 1.
    @inline(__always)
    static func vary(_ count: Int, _ variable: Bool, _ rng: inout PhoneyRandom) -> Int {
        guard variable else { return max(count, 1) }
        return max(1, count * Int(60 + rng.below(81)) / 100)
    }

    /// A capitalised sentence of about `words` words ending in a full stop.
    static func sentence(_ list: WordList, words: Int, variable: Bool, _ context: EmitContext) {
        let count = vary(words, variable, &context.rng)
        for index in 0..<count {
            if index > 0 { list.writeSeparator(to: &context.out) }
            list.write(list.pick(&context.rng), capitalized: index == 0, to: &context.out)
        }
        list.writeStop(to: &context.out)
    }

    static func paragraph(_ list: WordList, sentences: Int, variable: Bool, _ context: EmitContext) {
        let count = vary(sentences, variable, &context.rng)
        for index in 0..<count {
            if index > 0 { list.writeSeparator(to: &context.out) }
            sentence(list, words: 6, variable: true, context)
        }
    }

    /// Characters (not bytes) written since `start`.
    static func characters(_ out: ByteWriter, from start: Int) -> Int {
        var count = 0
        for index in start..<out.count where out.base[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Cuts what was written since `start` to at most `limit` characters, on a character boundary.
    static func truncate(_ out: inout ByteWriter, from start: Int, characters limit: Int) {
        var seen = 0
        for index in start..<out.count where out.base[index] & 0xC0 != 0x80 {
            if seen == limit {
                out.count = index
                return
            }
            seen += 1
        }
    }

    /// Faker's `text`: words, sentences or paragraphs, whichever fits, never longer than `limit` characters.
    static func text(_ list: WordList, limit: Int, _ context: EmitContext) {
        let start = context.out.count
        // The characters written so far are counted piece by piece as they are added, never from the start again,
        // so a long text costs time in proportion to its length (recounting made 100,000 characters take 30 times
        // as long per character as 10,000).
        var written = 0
        if limit < 25 {
            var first = true
            while true {
                let mark = context.out.count
                if !first { list.writeSeparator(to: &context.out) }
                list.write(list.pick(&context.rng), capitalized: first, to: &context.out)
                written += characters(context.out, from: mark)
                if written + 1 > limit {
                    context.out.count = mark
                    if first { list.write(0, capitalized: true, to: &context.out) }
                    break
                }
                first = false
            }
            list.writeStop(to: &context.out)
            truncate(&context.out, from: start, characters: limit)
            return
        }
        var first = true
        while true {
            let mark = context.out.count
            if !first {
                if limit < 100 { list.writeSeparator(to: &context.out) } else { context.out.append(0x0A) }
            }
            if limit < 100 {
                sentence(list, words: 6, variable: true, context)
            } else {
                paragraph(list, sentences: 3, variable: true, context)
            }
            written += characters(context.out, from: mark)
            if written > limit {
                context.out.count = mark
                if first {
                    sentence(list, words: 3, variable: false, context)
                    truncate(&context.out, from: start, characters: limit)
                }
                return
            }
            first = false
        }
    }

    /// A JSON array of `count` string values written by `item`.
    static func array(_ count: Int, _ context: EmitContext, _ item: (EmitContext) -> Void) {
        context.out.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { context.out.append(UInt8(ascii: ",")) }
            context.out.append(UInt8(ascii: "\""))
            let start = context.out.count
            item(context)
            JSONEscape.escapeWritten(&context.out, from: start)
            context.out.append(UInt8(ascii: "\""))
        }
        context.out.append(UInt8(ascii: "]"))
    }

    static let wordList = GeneratorSpec.Parameter("ext_word_list", "list", nil)

    static let generators: [GeneratorSpec] = [
        GeneratorSpec("word", provider: "lorem", parameters: [wordList], summary: "One lorem word") {
            arguments, locale in
            let list = try WordList(&arguments, locale)
            return CompiledGenerator(
                jsonSafe: list.isJSONSafe, uniqueDomain: UInt64(list.count),
                emitIndexed: { context, index in list.write(Int(index), to: &context.out) },
                emit: { context in list.write(list.pick(&context.rng), to: &context.out) })
        },
        GeneratorSpec(
            "words", provider: "lorem", type: .array, parameters: [.init("nb", "int", "3"), wordList],
            summary: "A list of lorem words"
        ) { arguments, locale in
            let count = Int(try arguments.int("nb", default: 3, in: 0...1000))
            let list = try WordList(&arguments, locale)
            return CompiledGenerator(type: .array, jsonSafe: false) { context in
                array(count, context) { list.write(list.pick(&$0.rng), to: &$0.out) }
            }
        },
        GeneratorSpec(
            "sentence", provider: "lorem",
            parameters: [.init("nb_words", "int", "6"), .init("variable_nb_words", "bool", "true"), wordList],
            summary: "A lorem sentence"
        ) { arguments, locale in
            let words = Int(try arguments.int("nb_words", default: 6, in: 1...1000))
            let variable = try arguments.bool("variable_nb_words", default: true)
            let list = try WordList(&arguments, locale)
            return CompiledGenerator(jsonSafe: list.isJSONSafe) { context in
                sentence(list, words: words, variable: variable, context)
            }
        },
        GeneratorSpec(
            "sentences", provider: "lorem", type: .array, parameters: [.init("nb", "int", "3"), wordList],
            summary: "A list of lorem sentences"
        ) { arguments, locale in
            let count = Int(try arguments.int("nb", default: 3, in: 0...1000))
            let list = try WordList(&arguments, locale)
            return CompiledGenerator(type: .array, jsonSafe: false) { context in
                array(count, context) { sentence(list, words: 6, variable: true, $0) }
            }
        },
        GeneratorSpec(
            "paragraph", provider: "lorem",
            parameters: [.init("nb_sentences", "int", "3"), .init("variable_nb_sentences", "bool", "true"), wordList],
            summary: "A lorem paragraph"
        ) { arguments, locale in
            let sentences = Int(try arguments.int("nb_sentences", default: 3, in: 1...1000))
            let variable = try arguments.bool("variable_nb_sentences", default: true)
            let list = try WordList(&arguments, locale)
            return CompiledGenerator(jsonSafe: list.isJSONSafe) { context in
                paragraph(list, sentences: sentences, variable: variable, context)
            }
            .writingMuch()
        },
        GeneratorSpec(
            "paragraphs", provider: "lorem", type: .array, parameters: [.init("nb", "int", "3"), wordList],
            summary: "A list of lorem paragraphs"
        ) { arguments, locale in
            let count = Int(try arguments.int("nb", default: 3, in: 0...1000))
            let list = try WordList(&arguments, locale)
            return CompiledGenerator(type: .array, jsonSafe: false) { context in
                array(count, context) { paragraph(list, sentences: 3, variable: true, $0) }
            }
            .writingMuch()
        },
        GeneratorSpec(
            "text", provider: "lorem", parameters: [.init("max_nb_chars", "int", "200"), wordList],
            summary: "Lorem text of at most max_nb_chars characters"
        ) { arguments, locale in
            let limit = Int(try arguments.int("max_nb_chars", default: 200, in: 5...100_000))
            let list = try WordList(&arguments, locale)
            return CompiledGenerator(jsonSafe: false) { context in text(list, limit: limit, context) }
                .writingMuch()
        },
        GeneratorSpec(
            "texts", provider: "lorem", type: .array,
            parameters: [.init("nb_texts", "int", "3"), .init("max_nb_chars", "int", "200"), wordList],
            summary: "A list of lorem texts"
        ) { arguments, locale in
            let count = Int(try arguments.int("nb_texts", default: 3, in: 0...1000))
            let limit = Int(try arguments.int("max_nb_chars", default: 200, in: 5...100_000))
            let list = try WordList(&arguments, locale)
            return CompiledGenerator(type: .array, jsonSafe: false) { context in
                context.out.append(UInt8(ascii: "["))
                for index in 0..<count {
                    if index > 0 {
                        // Up to 100 MB in one value: the render's watch is asked between texts.
                        if context.shouldStop() { return }
                        context.out.append(UInt8(ascii: ","))
                    }
                    context.out.append(UInt8(ascii: "\""))
                    let start = context.out.count
                    text(list, limit: limit, context)
                    JSONEscape.escapeWritten(&context.out, from: start)
                    context.out.append(UInt8(ascii: "\""))
                }
                context.out.append(UInt8(ascii: "]"))
            }
            .writingMuch()
        },
    ]
}
