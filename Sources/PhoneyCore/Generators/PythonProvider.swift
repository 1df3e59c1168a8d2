enum PythonProvider {
    static let generators: [GeneratorSpec] = []
}
