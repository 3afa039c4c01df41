/// Six-byte OBIS codes (IEC 62056-61) as SML and the EDL40 block carry them.
enum OBISCode {
    /// 1-0:1.17.0*255, the EDL40 signed energy register.
    static let signedEnergy: [UInt8] = [0x01, 0x00, 0x01, 0x11, 0x00, 0xFF]
    /// 1-0:1.8.0*255, active energy import; EDL40's alternative signed value and ISA's actual register.
    static let activeImport: [UInt8] = [0x01, 0x00, 0x01, 0x08, 0x00, 0xFF]

    /// The usual `A-B:C.D.E*F` spelling with decimal groups, e.g. `1-0:1.17.0*255`.
    static func text(_ bytes: [UInt8]) -> String {
        let g = (0..<6).map { $0 < bytes.count ? String(bytes[$0]) : "?" }
        return "\(g[0])-\(g[1]):\(g[2]).\(g[3]).\(g[4])*\(g[5])"
    }
}

/// The three-letter FLAG manufacturer code inside an SML server id (`09 01 'E' 'M' 'H' …`,
/// `0A 01 'E' 'M' 'H' …`), only when the id has that shape, so other ids are not misread.
enum ServerID {
    static func manufacturer(_ id: [UInt8]) -> String? {
        guard id.count == 10, id[0] == 0x09 || id[0] == 0x0A, id[1] < 0x10 else { return nil }
        let flag = id[2..<5]
        guard flag.allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
        return String(decoding: flag, as: UTF8.self)
    }
}

/// Status words for display.
enum StatusWord {
    /// Hex with an even number of digits, e.g. `0x040000000018`.
    static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16, uppercase: true)
        return "0x" + (digits.count % 2 == 1 ? "0" : "") + digits
    }
}
