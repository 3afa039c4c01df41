/// The bits of the Alfen status word (dataset bytes 26–29) and what they mean for billing.
///
/// The low 16 bits are the meter's status, the high 16 bits the adapter's. A meter error (EEPROM,
/// dataflash) or an adapter error (fatal, memory, meter communication) makes the reading unusable for
/// billing even under a valid signature, as the S.A.F.E. transparency software rules; the remaining
/// documented conditions are worth telling but do not touch the reading. The command bits (start,
/// stop, intermediate) are bookkeeping and raise nothing.
enum AlfenStatus {
    /// One documented bit of the 32-bit word.
    struct Bit {
        /// Bit number within the 32-bit word (meter bits 0–15, adapter bits 16–31).
        var number: Int
        var meaning: String
        /// `nil` for bits that are informational only.
        var severity: MeterFlag.Severity?
    }

    static let bits: [Bit] = [
        Bit(number: 0, meaning: "RTC error", severity: .warning),
        Bit(number: 1, meaning: "EEPROM error", severity: .error),
        Bit(number: 2, meaning: "dataflash error", severity: .error),
        Bit(number: 8, meaning: "phase L1 failure", severity: .warning),
        Bit(number: 9, meaning: "phase L2 failure", severity: .warning),
        Bit(number: 10, meaning: "phase L3 failure", severity: .warning),
        Bit(number: 11, meaning: "phase sequence wrong", severity: .warning),
        Bit(number: 16, meaning: "fatal error", severity: .error),
        Bit(number: 26, meaning: "stop/start meter-reading mismatch", severity: .warning),
        Bit(number: 27, meaning: "intermediate command", severity: nil),
        Bit(number: 28, meaning: "stop-charge command", severity: nil),
        Bit(number: 29, meaning: "start-charge command", severity: nil),
        Bit(number: 30, meaning: "memory error", severity: .error),
        Bit(number: 31, meaning: "meter-communication error", severity: .error),
    ]

    /// The documented bits set in `word`, lowest first.
    static func setBits(_ word: UInt32) -> [Bit] {
        bits.filter { word & (1 << UInt32($0.number)) != 0 }
    }

    /// Bits set in `word` that no documentation names, lowest first.
    static func undocumentedBits(_ word: UInt32) -> [Int] {
        let known = bits.reduce(UInt32(0)) { $0 | 1 << UInt32($1.number) }
        return (0..<32).filter { word & ~known & (1 << UInt32($0)) != 0 }
    }

    /// The meter flags of a status word: errors and warnings. An undocumented bit is a warning: it
    /// may mean something, and a person should see it.
    static func flags(_ word: UInt32) -> [MeterFlag] {
        var flags: [MeterFlag] = []
        for bit in setBits(word) {
            guard let severity = bit.severity else { continue }
            let half = bit.number < 16 ? "meter" : "adapter"
            let consequence = severity == .error ? ": the reading must not be used for billing" : ""
            flags.append(
                MeterFlag(
                    severity: severity, code: "alfen.status.\(bit.number)",
                    message:
                        "status \(hex(word)) bit \(bit.number) (\(half) bit \(bit.number % 16)): \(half) \(bit.meaning)\(consequence)"
                ))
        }
        for number in undocumentedBits(word) {
            let half = number < 16 ? "meter" : "adapter"
            flags.append(
                MeterFlag(
                    severity: .warning, code: "alfen.status.\(number)",
                    message:
                        "status \(hex(word)) bit \(number) (\(half) bit \(number % 16)) is set; its meaning is not documented"
                ))
        }
        return flags
    }

    /// A status half for display: `0x2000 (start-charge command)`.
    static func describe(_ half: UInt16, adapter: Bool) -> String {
        let offset = adapter ? 16 : 0
        let word = UInt32(half) << UInt32(offset)
        let names = setBits(word).map(\.meaning) + undocumentedBits(word).map { "bit \($0 - offset)" }
        let text = "0x" + Hex.encode([UInt8(half >> 8), UInt8(half & 0xFF)], uppercase: true)
        return names.isEmpty ? text : "\(text) (\(names.joined(separator: ", ")))"
    }

    static func hex(_ word: UInt32) -> String {
        "0x"
            + Hex.encode(
                [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)],
                uppercase: true)
    }
}
