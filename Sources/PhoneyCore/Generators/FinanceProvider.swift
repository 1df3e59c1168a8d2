enum FinanceProvider {
    static let generators: [GeneratorSpec] = []
}
