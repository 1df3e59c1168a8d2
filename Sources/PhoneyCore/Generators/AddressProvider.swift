enum AddressProvider {
    static let generators: [GeneratorSpec] = []
}
