import Foundation

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
public final class FileSource: ByteSource {
    private let handle: FileHandle

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

    /// Up to `maximum` more bytes from the handle; an empty array at the end of the file.
    public func read(maximum: Int) throws(InputError) -> [UInt8] {
        do {
            return [UInt8](try handle.read(upToCount: maximum) ?? Data())
        } catch {
            throw InputError(.readError(error.localizedDescription))
        }
    }
}
