enum LoremProvider {
    static let generators: [GeneratorSpec] = []
}
