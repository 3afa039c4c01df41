import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where input bytes come from, in chunks, so large inputs stream.
public protocol ByteSource: AnyObject {
    /// Up to `maximum` more bytes; an empty array at the end of the input.
    func read(maximum: Int) throws(InputError) -> [UInt8]
}

/// Bytes already in memory.
public final class BufferSource: ByteSource {
    private var bytes: [UInt8]
    private var position = 0

    /// A source that yields `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next `maximum` bytes of the buffer, fewer at its end, none after it.
    public func read(maximum: Int) -> [UInt8] {
        let end = min(bytes.count, position + maximum)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

/// A file or standard input, read in chunks.
///
/// Each read returns what the file or pipe holds at that moment (one `read(2)`), never waiting for
/// a full chunk: a CDR written alone to a pipe reaches the reader while the pipe stays open.
public final class FileSource: ByteSource {
    private let handle: FileHandle
    /// Where each read lands before it is copied out; allocated once, at the first read.
    private var chunk: [UInt8] = []

    /// The largest read; a caller asking for more gets at most this much per call.
    public static let chunkSize = 256 << 10

    /// A source reading from an open handle, such as standard input.
    public init(handle: FileHandle) { self.handle = handle }

    /// Opens a file; `-` means standard input.
    public convenience init(path: String) throws(InputError) {
        if path == "-" {
            self.init(handle: .standardInput)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.noSuchFile)
        }
        guard !isDirectory.boolValue else { throw InputError(.isDirectory) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError(.cannotOpen) }
        self.init(handle: handle)
    }

    /// Up to `maximum` more bytes, as many as are there now (waiting only while there are none); an
    /// empty array at the end of the input.
    public func read(maximum: Int) throws(InputError) -> [UInt8] {
        let wanted = min(max(0, maximum), FileSource.chunkSize)
        guard wanted > 0 else { return [] }
        if chunk.count < wanted { chunk = Array(repeating: 0, count: FileSource.chunkSize) }
        while true {
            let count = FileSource.read(handle.fileDescriptor, into: &chunk, maximum: wanted)
            if count >= 0 { return Array(chunk[0..<min(count, wanted)]) }
            let code = errno
            if code == EINTR { continue }
            throw InputError(.readError(String(cString: strerror(code))))
        }
    }

    /// One `read(2)` of at most `maximum` bytes (never more than `buffer` holds) into the start of
    /// `buffer`: the number of bytes read, 0 at the end of the input, -1 on an error (in `errno`).
    private static func read(_ descriptor: Int32, into buffer: inout [UInt8], maximum: Int) -> Int {
        let count = min(maximum, buffer.count)
        #if canImport(Glibc)
            return Glibc.read(descriptor, &buffer, count)
        #elseif canImport(Musl)
            return Musl.read(descriptor, &buffer, count)
        #else
            return Darwin.read(descriptor, &buffer, count)
        #endif
    }
}
