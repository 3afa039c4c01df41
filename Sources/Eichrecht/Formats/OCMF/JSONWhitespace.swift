/// Removes JSON whitespace outside strings (OCMF 1.0's "unified format"), for the candidates
/// `OCMFDecoder.alternativeSignedBytes` offers.
enum JSONWhitespace {
    /// The compacted bytes, or `nil` when there is no whitespace to remove.
    static func removed(from bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        var removedAny = false
        for c in bytes {
            if inString {
                out.append(c)
                if escaped {
                    escaped = false
                } else if c == UInt8(ascii: "\\") {
                    escaped = true
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if JSONScanner.isWhitespace(c) {
                removedAny = true
                continue
            }
            if c == UInt8(ascii: "\"") { inString = true }
            out.append(c)
        }
        return removedAny ? out : nil
    }
}
