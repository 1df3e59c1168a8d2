enum DateTimeProvider {
    static let generators: [GeneratorSpec] = []
}
