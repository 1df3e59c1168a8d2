import CompressNIO
import NIOCore
import PhoneyDigest

/// Turns a shard's rendered bytes into what is stored: the bytes themselves or a gzip member of them, counted and
/// checksummed as they pass (SHA-256 of the stored bytes, and of the records themselves when compressed).
///
/// Each shard is a gzip member of its own, so `cat` of the compressed parts is one valid gzip stream and `zcat` of
/// it is the dataset. zlib's output does not depend on how its input is cut, so a compressed part is the same bytes
/// for any thread count; it can differ between zlib versions, which is why the manifest also carries the
/// records' own checksum.
package struct ShardEncoder {
    private var compressor: NIOCompressor?
    private var stored = SHA256Hasher()
    private var content = SHA256Hasher()
    private(set) var storedBytes = 0
    private(set) var contentBytes = 0

    /// What a finished shard holds.
    package struct Digest: Sendable, Equatable {
        /// Bytes stored (compressed when gzip) and their SHA-256.
        package var bytes: Int
        package var sha256: String
        /// Bytes of the records themselves and their SHA-256 (the same as above without gzip).
        package var contentBytes: Int
        package var contentSHA256: String
    }

    /// - Throws: `ExportError.storage` when zlib cannot start.
    package init(gzip: Bool) throws(ExportError) {
        guard gzip else { return }
        let compressor = CompressionAlgorithm.gzip(configuration: .init(compressionLevel: 6)).compressor
        compressor.window = ByteBufferAllocator().buffer(capacity: 1 << 18)
        do {
            try compressor.startStream()
        } catch {
            throw .storage("gzip could not start: \(error)")
        }
        self.compressor = compressor
    }

    /// Passes `chunk` (records as rendered) through; `emit` gets the bytes to store, zero or more times.
    package mutating func encode(
        _ chunk: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        contentBytes += chunk.count
        content.update(chunk)
        guard let compressor else {
            try store(chunk, emit)
            return
        }
        var input = ByteBuffer(bytes: chunk)
        var pending: [ByteBuffer] = []
        try input.compressStream(with: compressor, flush: .no) { window in pending.append(window) }
        for piece in pending { try piece.withUnsafeReadableBytes { try store($0, emit) } }
    }

    /// Ends the shard: the rest of a gzip member goes to `emit`; returns the digest.
    package mutating func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Digest {
        if let compressor {
            var empty = ByteBuffer()
            var pending: [ByteBuffer] = []
            try empty.compressStream(with: compressor, flush: .finish) { window in pending.append(window) }
            try compressor.finishStream()
            for piece in pending { try piece.withUnsafeReadableBytes { try store($0, emit) } }
            self.compressor = nil
        }
        let storedDigest = Self.hex(stored.finalize())
        let contentDigest = Self.hex(content.finalize())
        return Digest(
            bytes: storedBytes, sha256: storedDigest, contentBytes: contentBytes, contentSHA256: contentDigest)
    }

    private mutating func store(_ bytes: UnsafeRawBufferPointer, _ emit: (UnsafeRawBufferPointer) throws -> Void) throws
    {
        storedBytes += bytes.count
        stored.update(bytes)
        try emit(bytes)
    }

    package static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
