/// `withUnsafeBytes` that keeps a typed error type (the standard library's form erases it).
package func withBytes<Result, Failure: Error>(
    _ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
) throws(Failure) -> Result {
    let outcome: Swift.Result<Result, Failure> = bytes.withUnsafeBytes { buffer in
        Swift.Result { () throws(Failure) -> Result in try body(buffer) }
    }
    return try outcome.get()
}
