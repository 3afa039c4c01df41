import Foundation

/// One Alfen Eichrecht line (`AP;<type>;<version>;<key>;<dataset>;<signature>;`) with every field of
/// its 82-byte dataset, as the LMN signing adapter wrote it.
///
/// Byte fields stay bytes (ids are SML server ids, not text); the integers are decoded from little
/// endian. Derived values that reports and checks need (OBIS text, the reading as a decimal, the
/// two status halves) are computed properties, so the stored fields are exactly what was signed.
public struct AlfenRecord: Sendable, Hashable {
    /// Field 2 of the line: what the adapter signed the value for.
    public enum LineType: String, Sendable, Hashable, Codable {
        case start = "0"
        case stop = "1"
        case intermediate = "2"

        /// The English name, for reports.
        public var name: String {
            switch self {
            case .start: "start"
            case .stop: "stop"
            case .intermediate: "intermediate"
            }
        }
    }

    /// Field 2.
    public var type: LineType
    /// Field 3, as written (`3` in every public sample).
    public var blobVersion: String
    /// Field 4, decoded: the adapter's key as a 25-byte SEC1 compressed secp192r1 point. A claim only.
    public var publicKey: [UInt8]
    /// Field 5, decoded: the 82 signed bytes.
    public var dataset: [UInt8]
    /// Field 6, decoded: r ‖ s, 24 bytes each, big-endian.
    public var signature: [UInt8]

    /// Dataset bytes 0–9: SML server id of the LMN adapter.
    public var adapterID: [UInt8]
    /// Dataset bytes 10–13: adapter firmware version, ASCII (e.g. `v016`).
    public var adapterFirmware: [UInt8]
    /// Dataset bytes 14–15: adapter firmware checksum, kept as the raw bytes (reports show hex).
    public var adapterFirmwareChecksum: [UInt8]
    /// Dataset bytes 16–25: SML server id of the meter.
    public var meterID: [UInt8]
    /// Dataset bytes 26–29: low 16 bits meter status, high 16 bits adapter status.
    public var status: UInt32
    /// Dataset bytes 30–33: the meter's seconds counter.
    public var secondIndex: UInt32
    /// Dataset bytes 34–37: adapter time, Unix seconds, UTC.
    public var timestamp: UInt32
    /// Dataset bytes 38–43: OBIS code of the register, raw (A, B, C, D, E, F).
    public var obis: [UInt8]
    /// Dataset byte 44: DLMS unit code (30 = Wh).
    public var unitCode: UInt8
    /// Dataset byte 45: the power of ten the value is scaled by.
    public var scaler: Int8
    /// Dataset bytes 46–53: the register reading in units of 10^scaler.
    public var value: Int64
    /// Dataset bytes 54–73: the authorisation id (usually an RFID UID as hex text), NUL padding removed.
    public var uid: String
    /// Dataset bytes 74–77: the adapter's session counter.
    public var sessionID: UInt32
    /// Dataset bytes 78–81: the adapter's signature counter, +1 per signed value.
    public var pagination: UInt32

    /// The meter's status word (low half of `status`).
    public var meterStatus: UInt16 { UInt16(truncatingIfNeeded: status) }
    /// The adapter's status word (high half of `status`).
    public var adapterStatus: UInt16 { UInt16(truncatingIfNeeded: status >> 16) }

    /// The OBIS code in the usual `A-B:C.D.E*F` spelling, e.g. `1-0:1.8.0*255`.
    public var obisText: String {
        let g = (0..<6).map { $0 < obis.count ? String(obis[$0]) : "?" }
        return "\(g[0])-\(g[1]):\(g[2]).\(g[3]).\(g[4])*\(g[5])"
    }

    /// The DLMS unit's symbol, when it is the one every known Alfen line uses (30 = Wh). Other codes
    /// are shown as numbers rather than guessed, so an unexpected unit is never read as energy.
    public var unitSymbol: String? { DLMSUnit.symbol(unitCode) }

    /// The reading as an exact decimal: `value` × 10^`scaler`, with one unit of 10^`scaler` as its
    /// resolution (the energy tolerance is derived from it).
    public var reading: DecimalText? { DecimalText(integer: value, scaler: scaler) }

    /// The adapter time as written (UTC, informative: the adapter clock carries no legal guarantee).
    public var time: SignedTime {
        let milliseconds = Int64(timestamp) * 1000
        return SignedTime(
            epochMilliseconds: milliseconds, utcOffsetSeconds: 0, clock: .informative,
            text: CivilTime.iso8601(epochMilliseconds: milliseconds, offsetSeconds: 0))
    }
}
