// English texts of what decoders found in a record: unusable algorithms and signatures, the
// flags a meter set, and the typed values of signed fields.

extension AlgorithmProblem {
    public var english: String {
        switch self {
        case .ocmfHashNotSHA256(let algorithm, let hash):
            "SA \"\(TextSafety.escaped(algorithm))\" names the hash \(TextSafety.escaped(hash)); OCMF defines only SHA256"
        case .ocmfUnknownAlgorithm(let algorithm):
            "SA \"\(TextSafety.escaped(algorithm))\" is not an OCMF signature algorithm"
        }
    }
}

extension SignatureProblem {
    public var english: String {
        switch self {
        case .ocmfUnknownEncoding(let encoding): "SE \"\(TextSafety.escaped(encoding))\" is neither hex nor base64"
        case .ocmfNotEncoded(let encoding): "SD is not valid \(encoding)"
        case .ocmfNotASignature(let count):
            "SD (\(count) bytes) is neither a DER ECDSA signature nor raw r‖s for the curve"
        case .bsmMissingOrNotHex: "the snapshot's signature is missing or not hex"
        case .bsmNotDER: "the signature is not a DER ECDSA signature"
        case .edl40Length(let count): "the signature has \(count) bytes"
        case .pcdfNotDER(let count): "SG (\(count) bytes) is not a DER ECDSA signature"
        }
    }
}

extension OCMFMeterStatus {
    var english: String {
        switch self {
        case .notPresent: "meter not present"
        case .ok: "OK"
        case .timeout: "timeout when accessing the meter"
        case .disconnected: "meter disconnected from the signature component"
        case .notFound: "meter no longer found"
        case .manipulated: "manipulation detected"
        case .exchanged: "meter exchanged"
        case .incompatible: "meter incompatible"
        case .outOfRange: "value out of range"
        case .substitute: "substitute value"
        case .otherError: "other meter error"
        case .readError: "register read error"
        }
    }
}

extension AlfenCondition {
    var english: String {
        switch self {
        case .rtcError: "RTC error"
        case .eepromError: "EEPROM error"
        case .dataflashError: "dataflash error"
        case .phaseL1Failure: "phase L1 failure"
        case .phaseL2Failure: "phase L2 failure"
        case .phaseL3Failure: "phase L3 failure"
        case .phaseSequenceWrong: "phase sequence wrong"
        case .fatalError: "fatal error"
        case .startStopMismatch: "stop/start meter-reading mismatch"
        case .intermediateCommand: "intermediate command"
        case .stopChargeCommand: "stop-charge command"
        case .startChargeCommand: "start-charge command"
        case .memoryError: "memory error"
        case .meterCommunicationError: "meter-communication error"
        }
    }
}

extension MeterFlag.Meaning {
    public var english: String {
        switch self {
        case .ocmfStatus(let written, let status):
            "meter status ST=\(TextSafety.escaped(written)) (\(status?.english ?? "unknown status"))"
        case .ocmfEnergyUnusable(let flags): "EF=\(TextSafety.escaped(flags)): the energy is no longer billable"
        case .ocmfTimeUnusable(let flags): "EF=\(TextSafety.escaped(flags)): the time is no longer billable"
        case .ocmfException: "TX=X: the meter reported an exception during charging"
        case .bsmEvent(let event): "Evt = \(event): the meter reports an event (its meaning is not documented)"
        case .alfenStatusBit(let word, let bit, let condition, let error):
            {
                let half = bit < 16 ? "meter" : "adapter"
                let head = "status \(AlfenStatus.hex(word)) bit \(bit) (\(half) bit \(bit % 16))"
                guard let condition else { return head + " is set; its meaning is not documented" }
                return head + ": \(half) \(condition.english)"
                    + (error ? ": the reading must not be used for billing" : "")
            }()
        case .pcdfBillingNotAllowed(let bv):
            "BV:\(TextSafety.escaped(bv)): the meter does not allow billing (DC meter error)"
        case .pcdfStopDataMissing(let sp):
            "SP:\(TextSafety.escaped(sp)): the record does not hold the session's stop data; billing is not allowed"
        case .pcdfTimeNotValid: "TV:0: the meter marks its time as not valid"
        }
    }
}

extension AttributeValue {
    public var english: String {
        switch self {
        case .text(let text): text
        case .empty: "(empty)"
        case .none: "(none)"
        case .verifiedChecksum(let hex): "\(hex) (verified)"
        case .verifiedCount(let n): "\(n) verified"
        case .unitCode(let value, let code): "\(value) (unit code \(code))"
        case .alfenLineType(let code, let type):
            switch type {
            case .start: "\(code) (start)"
            case .stop: "\(code) (stop)"
            case .intermediate: "\(code) (intermediate)"
            }
        case .alfenStatus(let half, let conditions, let bits):
            AttributeValue.status(half, conditions.map(\.english) + bits.map { "bit \($0)" })
        case .bsmSnapshotType(let type):
            switch type {
            case 0?: "0 (current)"
            case 1?: "1 (turn on)"
            case 2?: "2 (turn off)"
            case 3?: "3 (start)"
            case 4?: "4 (end)"
            case let other?: "\(other) (unknown type \(other))"
            case nil: "? (no type)"
            }
        case .edl40LocalTime(let seconds):
            AttributeValue.localTime(seconds, local: "local", unset: "clock not set", powerUp: "s since power-up")
        case .smlTime(let time):
            switch time {
            case .secondsIndex(let value): "secIndex \(value)"
            case .timestamp(let value): "timestamp \(value)"
            case .localTimestamp(let timestamp, let offset, let season):
                "timestamp \(timestamp), local offset \(offset) min, season offset \(season) min"
            }
        case .isaTelegram(let kind, let listName): "\(kind) (list name \(listName))"
        case .pcdfIdentification(let tag, let name, let code): "\(tag), \(name ?? "type \(code)")"
        case .pcdfMeterType(let code): code == "0" ? "0 (PES DC meter EU)" : "\(code) (unknown DC meter type \(code))"
        case .edl40Container(let container):
            switch container {
            case .smlTelegram: "SML telegram"
            case .signatureOnly: "signedMeterValue XML"
            case .mennekes: "Mennekes XML"
            case .emhChargeIT: "chargeIT JSON (EMHCrypt01)"
            }
        }
    }

    /// A status half: `0x2000 (start-charge command)`.
    static func status(_ half: UInt16, _ names: [String]) -> String {
        let text = "0x" + Hex.encode([UInt8(half >> 8), UInt8(half & 0xFF)], uppercase: true)
        return names.isEmpty ? text : "\(text) (\(names.joined(separator: ", ")))"
    }

    /// An EDL40 block's local seconds: `2026-03-02T09:15:00 local (1772442900)`, or the number and
    /// that the clock was not set.
    static func localTime(_ seconds: UInt32, local: String, unset: String, powerUp: String) -> String {
        let value = Int64(seconds)
        guard EDL40Time.isClockSet(value) else {
            return value == EDL40Time.unsetValue ? "\(value) (\(unset))" : "\(value) \(powerUp) (\(unset))"
        }
        let text = CivilTime.iso8601(epochMilliseconds: value * 1000, offsetSeconds: 0)
        return (text.hasSuffix("Z") ? String(text.dropLast()) : text) + " \(local) (\(value))"
    }
}

extension SessionField {
    public var english: String { rawValue }
}
