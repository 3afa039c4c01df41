import Foundation

/// `consistency`: the values of one transaction come from one meter, share registers and units,
/// and neither readings, times nor pagination go backwards. A signed RFID UID that differs from the
/// CDR's `cdr_token.uid` is a warning.
struct ConsistencyCheck: SessionCheck {
    static let code = CheckCode.consistency

    /// Identification types whose data is an RFID card UID: OCMF's `IT` values for RFID cards, and
    /// `RFID` for formats that sign the card UID without naming a standard (Alfen).
    static let rfidIdentificationTypes: Set<String> = ["ISO14443", "ISO15693", "RFID"]

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        let records = session.distinctRecords
        guard !records.isEmpty else { return skip(Message(en: "no decoded record", de: "kein dekodierter Datensatz")) }
        var failures: [Message] = []
        var warnings: [Message] = []

        // One signer.
        let identities = records.compactMap { $0.record.meter.primary }
        let distinctIdentities = Set(identities.map(IdentityText.normalise))
        if distinctIdentities.count > 1 {
            let list = Array(Set(identities)).sorted().joined(separator: ", ")
            failures.append(
                Message(
                    en: "the records come from different meters: \(list)",
                    de: "die Datensätze stammen von verschiedenen Zählern: \(list)"))
        }
        let formats = Set(records.map(\.record.format))
        if formats.count > 1 {
            failures.append(
                Message(
                    en: "the values mix formats: \(formats.map(\.rawValue).sorted().joined(separator: ", "))",
                    de: "die Werte mischen Formate: \(formats.map(\.rawValue).sorted().joined(separator: ", "))"))
        }

        // Pagination, per context, in session order.
        var last: [String: (Pagination, Int)] = [:]
        for entry in records {
            guard let page = entry.record.pagination else { continue }
            if let (previous, previousIndex) = last[page.context] {
                let label = Label.value(entry.valueIndex, entry.nature)
                let before = Label.value(previousIndex, .other)
                if page.number < previous.number {
                    failures.append(
                        Message(
                            en:
                                "pagination goes backwards: \(previous.text) (\(before.en)) then \(page.text) (\(label.en))",
                            de:
                                "Paginierung läuft rückwärts: \(previous.text) (\(before.de)), dann \(page.text) (\(label.de))"
                        ))
                } else if page.number == previous.number {
                    failures.append(
                        Message(
                            en: "two different records carry pagination \(page.text)",
                            de: "zwei verschiedene Datensätze tragen die Paginierung \(page.text)"))
                } else if page.number > previous.number + 1 {
                    warnings.append(
                        Message(
                            en: "pagination gap: \(previous.text) then \(page.text) (records in between were not sent)",
                            de:
                                "Lücke in der Paginierung: \(previous.text), dann \(page.text) (Datensätze dazwischen fehlen)"
                        ))
                }
            }
            last[page.context] = (page, entry.valueIndex)
        }

        // Per register: units agree, values and times never decrease.
        for register in session.registers {
            let name = register.register.isEmpty ? "(no register)" : register.register
            let energyUnits = register.readings.filter { $0.value != nil }.map { $0.kWhFactor != nil }
            if Set(energyUnits).count > 1 {
                failures.append(
                    Message(
                        en: "register \(name) mixes energy and non-energy units",
                        de: "Register \(name) mischt Energie- und andere Einheiten"))
                continue
            }
            // One register, one unit: a meter does not switch from Wh to kWh within a session.
            var units: [String] = []
            for unit in register.readings.compactMap(\.unit) where !units.contains(unit) { units.append(unit) }
            if units.count > 1 {
                let list = units.map { TextSafety.escaped($0) }.joined(separator: ", ")
                failures.append(
                    Message(
                        en: "register \(name) changes its unit within the session (\(list))",
                        de: "Register \(name) wechselt die Einheit innerhalb der Sitzung (\(list))"))
                continue
            }
            let sequence = register.readings.filter { $0.type != .unspecified }
            for (earlier, later) in zip(sequence, sequence.dropFirst()) {
                if let a = earlier.energyKWh, let b = later.energyKWh, b < a {
                    failures.append(
                        Message(
                            en: "register \(name) goes backwards: \(Label.kWh(a)) then \(Label.kWh(b))",
                            de: "Register \(name) läuft rückwärts: \(Label.kWh(a)), dann \(Label.kWh(b))"))
                }
                if let a = earlier.time, let b = later.time, a.clock == b.clock, a.clock != .unknown,
                    b.epochMilliseconds < a.epochMilliseconds
                {
                    failures.append(
                        Message(
                            en: "register \(name): time goes backwards: \(a.text) then \(b.text)",
                            de: "Register \(name): Zeit läuft rückwärts: \(a.text), dann \(b.text)"))
                }
            }
        }

        // Begin and end readings must meet on some register.
        let beginRegisters = Set(session.registers.filter { !$0.begins.isEmpty }.map(\.register))
        let endRegisters = Set(session.registers.filter { !$0.ends.isEmpty }.map(\.register))
        if !beginRegisters.isEmpty, !endRegisters.isEmpty, beginRegisters.isDisjoint(with: endRegisters) {
            let b = beginRegisters.sorted().joined(separator: ", ")
            let e = endRegisters.sorted().joined(separator: ", ")
            failures.append(
                Message(
                    en: "begin readings (\(b)) and end readings (\(e)) share no register",
                    de: "Anfangswerte (\(b)) und Endwerte (\(e)) haben kein gemeinsames Register"))
        }

        // Unsigned copies of signed fields that say something else than the signature covers.
        for entry in records {
            let label = Label.value(entry.valueIndex, entry.nature)
            for contradiction in entry.record.contradictions where contradiction.severity == .fail {
                failures.append(
                    Message(
                        en: "\(label.en): \(contradiction)",
                        de: "\(label.de): \(contradiction) (unsignierte Angabe widerspricht den signierten Daten)"))
            }
            for contradiction in entry.record.contradictions where contradiction.severity == .warn {
                warnings.append(
                    Message(
                        en: "\(label.en): \(contradiction) (the signed value counts)",
                        de: "\(label.de): \(contradiction) (unsignierte Angabe weicht ab; es gilt der signierte Wert)"))
            }
        }

        // Signed fields that must not change within a session.
        var invariants: [String: (value: String, index: Int)] = [:]
        for entry in records {
            for (name, value) in entry.record.sessionInvariants.sorted(by: { $0.key < $1.key }) {
                if let first = invariants[name] {
                    if first.value != value {
                        let label = Label.value(entry.valueIndex, entry.nature)
                        failures.append(
                            Message(
                                en:
                                    "\(name) changes within the session: \(first.value) (value \(first.index + 1)), then \(value) (\(label.en))",
                                de:
                                    "\(name) ändert sich innerhalb der Sitzung: \(first.value) (Wert \(first.index + 1)), dann \(value) (\(label.de))"
                            ))
                    }
                } else {
                    invariants[name] = (value, entry.valueIndex)
                }
            }
        }

        // The value's nature against the readings it carries (all records of the value together).
        var byValue: [Int: [SessionRecord]] = [:]
        for entry in records { byValue[entry.valueIndex, default: []].append(entry) }
        for (_, entries) in byValue.sorted(by: { $0.key < $1.key }) {
            guard let entry = entries.first else { continue }
            let types = Set(entries.flatMap { $0.record.readings.map(\.type) })
            let label = Label.value(entry.valueIndex, entry.nature)
            var disagreement: Message?
            switch entry.nature {
            case .start where !types.contains(.begin) && !types.isDisjoint(with: [.end, .intermediate]):
                disagreement = Message(
                    en: "\(label.en) carries no begin reading", de: "\(label.de) enthält keinen Anfangswert")
            case .end where !types.contains(.end) && !types.isDisjoint(with: [.begin, .intermediate]):
                disagreement = Message(
                    en: "\(label.en) carries no end reading", de: "\(label.de) enthält keinen Endwert")
            case .intermediate where !types.contains(.intermediate) && !types.isDisjoint(with: [.begin, .end]):
                disagreement = Message(
                    en: "\(label.en) carries no intermediate reading", de: "\(label.de) enthält keinen Zwischenwert")
            default: break
            }
            if let disagreement {
                if entries.contains(where: { $0.record.natureIsSigned }) {
                    failures.append(disagreement)
                } else {
                    warnings.append(disagreement)
                }
            }
        }

        // One customer per session: a change of the signed identification means begin and end
        // belong to different sessions (a later session's end would bill both sessions' energy).
        var first: (customer: String, entry: SessionRecord)?
        for entry in records {
            guard let customer = entry.record.identification?.customer?.trimmingCharacters(in: " "),
                !customer.isEmpty
            else { continue }
            guard let first else {
                first = (customer, entry)
                continue
            }
            if first.customer.asciiLowercased != customer.asciiLowercased {
                let label = Label.value(entry.valueIndex, entry.nature)
                let before = Label.value(first.entry.valueIndex, first.entry.nature)
                let a = TextSafety.escaped(first.customer)
                let b = TextSafety.escaped(customer)
                failures.append(
                    Message(
                        en:
                            "the signed identification changes within the session: \(a) (\(before.en)), then \(b) (\(label.en)); the records belong to different sessions",
                        de:
                            "die signierte Identifikation ändert sich innerhalb der Sitzung: \(a) (\(before.de)), dann \(b) (\(label.de)); die Datensätze gehören zu verschiedenen Sitzungen"
                    ))
                break
            }
        }

        // A signed RFID UID against the CDR's token: only a warning, because the signature does not
        // cover the CDR and backends write UIDs in other forms (byte order, length).
        if let token = session.cdr?.tokenUID, !token.trimmingCharacters(in: " ").isEmpty {
            let wanted = IdentityText.normalise(token)
            let signed = Set(
                records.compactMap { entry -> String? in
                    guard let identification = entry.record.identification, let type = identification.type,
                        ConsistencyCheck.rfidIdentificationTypes.contains(type.uppercased()),
                        let data = identification.data, !data.isEmpty
                    else { return nil }
                    return data
                })
            for uid in signed.sorted() where IdentityText.normalise(uid) != wanted {
                warnings.append(
                    Message(
                        en: "the signed RFID UID \(uid) differs from the CDR's cdr_token.uid \(token)",
                        de: "die signierte RFID-UID \(uid) weicht von cdr_token.uid des CDR ab (\(token))"))
            }
        }

        if !failures.isEmpty { return fail(Label.join(failures)) }
        if !warnings.isEmpty { return warn(Label.join(warnings)) }
        let meter = identities.first.map { " \($0)" } ?? ""
        return pass(
            Message(
                en:
                    "\(records.count) record\(records.count == 1 ? "" : "s") from meter\(meter); readings and pagination in order",
                de: "\(records.count) Datensatz/Datensätze von Zähler\(meter); Messwerte und Paginierung in Ordnung"))
    }
}
