/// `time_sync` (warn only): whether the meter clock was synchronised.
struct TimeSyncCheck: SessionCheck {
    static let code = CheckCode.timeSync

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard !session.records.isEmpty else {
            return skip(Message(en: "no decoded record", de: "kein dekodierter Datensatz"))
        }
        let readings: [Reading]
        if let pair = session.billingRegister?.pair {
            readings = [pair.begin, pair.end]
        } else {
            readings = session.registers.flatMap(\.readings)
        }
        let times = readings.compactMap(\.time)
        guard !times.isEmpty else {
            return warn(
                Message(en: "the signed readings carry no time", de: "die signierten Messwerte tragen keine Zeit"))
        }
        let unsynchronised = times.filter { $0.clock != .synchronised }
        if unsynchronised.isEmpty {
            return pass(Message(en: "the meter clock was synchronised", de: "die Zähleruhr war synchronisiert"))
        }
        let list = unsynchronised.map { "\($0.text) (\($0.clock.rawValue))" }.joined(separator: ", ")
        return warn(
            Message(
                en: "the meter clock was not synchronised: \(list)",
                de: "die Zähleruhr war nicht synchronisiert: \(list)"))
    }
}

/// `key_trust` (warn only): whether the key came from a trusted source or only from the data itself.
struct KeyTrustCheck: SessionCheck {
    static let code = CheckCode.keyTrust

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        var sources: Set<KeySource> = []
        for entry in session.records {
            if case .resolved(_, let source) = entry.key { sources.insert(source) }
        }
        if sources.isEmpty { return skip(Message(en: "no key was used", de: "es wurde kein Schlüssel verwendet")) }
        if sources == [.trusted] {
            return pass(
                Message(
                    en: "the key matches a trusted key",
                    de: "der Schlüssel entspricht einem vertrauenswürdigen Schlüssel"))
        }
        let where_ =
            sources.contains(.embedded)
            ? Message(en: "the record itself", de: "dem Datensatz selbst")
            : Message(en: "the CDR", de: "dem CDR")
        return warn(
            Message(
                en: "the key came only from \(where_.en); compare it with the meter's label or a key register",
                de:
                    "der Schlüssel stammt nur aus \(where_.de); mit dem Typenschild des Zählers oder einem Schlüsselregister vergleichen"
            ))
    }
}
