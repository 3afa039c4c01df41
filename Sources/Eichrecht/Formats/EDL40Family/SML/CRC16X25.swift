/// CRC-16/X-25, the checksum of SML files and SML messages (BSI TR-03109-1): reflected polynomial
/// 0x1021 (0x8408 reflected), initial value 0xFFFF, final XOR 0xFFFF. The check value of ASCII
/// `123456789` is 0x906E.
///
/// Both SML checksums travel low byte first, so a reader compares the computed value with the two
/// transmitted bytes read as a little-endian number.
enum CRC16X25 {
    /// The 256-entry table of the reflected polynomial, built once.
    private static let table: [UInt16] = (0..<256).map { index in
        var crc = UInt16(index)
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? (crc >> 1) ^ 0x8408 : crc >> 1
        }
        return crc
    }

    /// The checksum of `bytes`.
    static func checksum<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc = (crc >> 8) ^ table[Int((crc ^ UInt16(byte)) & 0xFF)]
        }
        return crc ^ 0xFFFF
    }

    /// The checksum as the two bytes SML transmits: low byte first.
    static func transmitted(_ crc: UInt16) -> [UInt8] {
        [UInt8(crc & 0xFF), UInt8(crc >> 8)]
    }
}
