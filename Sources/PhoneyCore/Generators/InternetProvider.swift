enum InternetProvider {
    static let generators: [GeneratorSpec] = []
}
