enum CompanyProvider {
    static let generators: [GeneratorSpec] = []
}
