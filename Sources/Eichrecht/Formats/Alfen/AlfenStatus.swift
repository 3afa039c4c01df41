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
        var condition: AlfenCondition
        /// `nil` for bits that are informational only.
        var severity: MeterFlag.Severity?
    }

    static let bits: [Bit] = [
        Bit(number: 0, condition: .rtcError, severity: .warning),
        Bit(number: 1, condition: .eepromError, severity: .error),
        Bit(number: 2, condition: .dataflashError, severity: .error),
        Bit(number: 8, condition: .phaseL1Failure, severity: .warning),
        Bit(number: 9, condition: .phaseL2Failure, severity: .warning),
        Bit(number: 10, condition: .phaseL3Failure, severity: .warning),
        Bit(number: 11, condition: .phaseSequenceWrong, severity: .warning),
        Bit(number: 16, condition: .fatalError, severity: .error),
        Bit(number: 26, condition: .startStopMismatch, severity: .warning),
        Bit(number: 27, condition: .intermediateCommand, severity: nil),
        Bit(number: 28, condition: .stopChargeCommand, severity: nil),
        Bit(number: 29, condition: .startChargeCommand, severity: nil),
        Bit(number: 30, condition: .memoryError, severity: .error),
        Bit(number: 31, condition: .meterCommunicationError, severity: .error),
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
            flags.append(
                MeterFlag(
                    severity: severity, code: "alfen.status.\(bit.number)",
                    meaning: .alfenStatusBit(
                        word: word, bit: bit.number, condition: bit.condition, error: severity == .error)))
        }
        for number in undocumentedBits(word) {
            flags.append(
                MeterFlag(
                    severity: .warning, code: "alfen.status.\(number)",
                    meaning: .alfenStatusBit(word: word, bit: number, condition: nil, error: false)))
        }
        return flags
    }

    /// A status half for display: its conditions (documented bits) and undocumented bit numbers
    /// (0–15 within the half).
    static func describe(_ half: UInt16, adapter: Bool) -> AttributeValue {
        let offset = adapter ? 16 : 0
        let word = UInt32(half) << UInt32(offset)
        return .alfenStatus(
            half: half, conditions: setBits(word).map(\.condition),
            undocumentedBits: undocumentedBits(word).map { $0 - offset })
    }

    static func hex(_ word: UInt32) -> String {
        "0x"
            + Hex.encode(
                [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)],
                uppercase: true)
    }
}
