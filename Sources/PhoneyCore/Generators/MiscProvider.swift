enum MiscProvider {
    static let generators: [GeneratorSpec] = []
}
