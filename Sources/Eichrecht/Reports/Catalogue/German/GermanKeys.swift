// German texts of keys and signatures: how keys are named, why one is unusable, the signature
// notes of single records, and the reasons of `public_key` and `signature`.

private let w = Wording.german

extension KeyName {
    /// The name as the subject of a sentence (capitalised).
    public var german: String {
        switch self {
        case .trusted: "Der vertrauenswürdige Schlüssel"
        case .embedded: "Der im Datensatz eingebettete Schlüssel"
        case .cdr: "Der public_key des CDR"
        case .value: "Der public_key des Werts"
        case .signedData: "Der public_key von signed_data"
        case .safe: "Der <publicKey> der S.A.F.E.-Datei"
        case .ocpp: "Der publicKey der OCPP-Nachricht"
        case .rawRecord: "Der mit dem Datensatz gelieferte Schlüssel"
        }
    }

    /// The name after a preposition taking the dative (`von dem …`).
    var germanDative: String {
        switch self {
        case .trusted: "dem vertrauenswürdigen Schlüssel"
        case .embedded: "dem im Datensatz eingebetteten Schlüssel"
        case .cdr: "dem public_key des CDR"
        case .value: "dem public_key des Werts"
        case .signedData: "dem public_key von signed_data"
        case .safe: "dem <publicKey> der S.A.F.E.-Datei"
        case .ocpp: "dem publicKey der OCPP-Nachricht"
        case .rawRecord: "dem mit dem Datensatz gelieferten Schlüssel"
        }
    }
}

extension KeyInput.DecodingError {
    public var german: String {
        switch self {
        case .empty: "der Schlüssel ist leer"
        case .undecodableText:
            "der Schlüsseltext ist weder Hex, Base64, Base32, PEM, ein oca:-Umschlag noch ein JSON-Objekt mit einem Schlüssel"
        case .invalidKey(let error): error.german
        }
    }
}

extension PublicKey.ParseError {
    var german: String {
        switch self {
        case .unrecognisedShape(let count):
            "\(w.count(count, "Byte", "Bytes")) sind weder SubjectPublicKeyInfo, SEC1-Punkt noch roher X‖Y-Schlüssel"
        case .malformedSPKI: "fehlerhafte SubjectPublicKeyInfo (kein EC-Schlüssel)"
        case .unsupportedCurve: "die Kurve des Schlüssels wird nicht unterstützt"
        case .pointNotOnCurve(let curve): "der Punkt liegt nicht auf \(curve)"
        case .curveMismatch(let key, let expected):
            "der Schlüssel liegt auf \(key), der Datensatz ist aber mit \(expected) signiert"
        }
    }
}

extension KeyProblem {
    public var german: String {
        switch self {
        case .unusable(let name, let error): "\(name.german) ist unbrauchbar: \(error.german)"
        case .differs(let name, let other): "\(name.german) weicht von \(other.germanDative) ab"
        }
    }
}

extension SignatureNote {
    public var german: String {
        switch self {
        case .noUsableKey: "kein verwendbarer öffentlicher Schlüssel"
        case .algorithmUnsupported(let note):
            "Signaturverfahren nicht unterstützt" + (note.map { ": " + $0.german } ?? "")
        case .undecodable(let note):
            "die Signatur ist nicht dekodierbar" + (note.map { ": " + $0.german } ?? "")
        case .doesNotMatch: "die Signatur passt nicht zu den signierten Daten und dem Schlüssel"
        case .verifiedWithoutWhitespace: "über die Nutzdaten ohne Leerraum verifiziert (Regel von OCMF 1.0)"
        case .valueNotDecoded(let problem): StageText.text(problem, .de)
        }
    }
}

extension PublicKeyReason {
    public var german: String {
        switch self {
        case .noRecord: "kein dekodierter Datensatz"
        case .unusable(let value, let problem): "\(w.value(value)): \(problem.german)"
        case .noKey: "kein öffentlicher Schlüssel: weder im CDR noch im Datensatz, und keiner wurde angegeben"
        case .severalKeys(let count):
            "die Datensätze einer Sitzung sind mit \(w.integer(count)) verschiedenen Schlüsseln signiert"
        case .someRecordsWithoutKey(let count):
            "\(w.count(count, "Datensatz", "Datensätze")) ohne öffentlichen Schlüssel"
        case .setAsideUnverified(let value, let problems):
            "\(w.value(value)): \(w.findings(problems.map(\.german))); der vertrauenswürdige Schlüssel verifiziert den Datensatz nicht"
        case .setAside(let problems):
            "der vertrauenswürdige Schlüssel verifiziert die Datensätze; übergangen: \(w.findings(problems.map(\.german)))"
        case .fits(let curve, let shape, let envelope, let from):
            "\(curve)-Schlüssel (\(shape.rawValue)\(envelope.map { ", gelesen aus \($0)" } ?? "")) passt zum Signaturverfahren; Herkunft: \(from == .embedded ? "der Datensatz" : from.german.prefix(1).lowercased() + from.german.dropFirst())"
        }
    }
}

extension SignatureReason {
    public var german: String {
        switch self {
        case .noRecord: "kein dekodierter Datensatz zu prüfen"
        case .invalid(let findings), .unchecked(let findings):
            w.findings(findings.map { "\(w.value($0.value)): \($0.note?.german ?? "")" })
        case .valid(let count, let algorithms, let withoutWhitespace):
            "\(w.count(count, "Signatur", "Signaturen")) gültig (\(algorithms.map(\.german).joined(separator: ", ")))"
                + (withoutWhitespace
                    ? " (formatierte Nutzdaten wurden ohne Leerraum verifiziert, wie OCMF 1.0 signierte)" : "")
        }
    }
}

extension SignatureAlgorithm {
    /// The algorithm in German, e.g. `ECDSA P-256 (secp256r1) mit SHA-256`.
    public var german: String { "ECDSA \(curve) mit \(hash.rawValue)" }
}

extension KeyFileError {
    public var german: String {
        switch self {
        case .empty: "die Datei ist leer"
        case .onlyWhitespace: "die Datei enthält nur Leerraum"
        case .binaryNotDER: "eine Binärdatei, die keine DER-SubjectPublicKeyInfo ist (sie beginnt nicht mit 0x30)"
        case .privateKey:
            "die Datei enthält einen privaten Schlüssel; anzugeben ist der öffentliche (openssl ec -pubout)"
        case .unusableKey(let error): "kein verwendbarer öffentlicher Schlüssel: \(error.german)"
        case .unreadableList(let error):
            (error.line.map { "Zeile \(w.integer($0)): " } ?? "") + error.problem.german
        case .unusableListedKey(let identity, let number, let error):
            (identity.map { "der Schlüssel für „\($0)“" } ?? "Schlüssel \(w.integer(number))")
                + ": kein verwendbarer öffentlicher Schlüssel: \(error.german)"
        }
    }
}

extension TrustedKeyArguments.Problem {
    /// The one line a tool prints: the option, the argument and what is wrong.
    public var german: String {
        switch kind {
        case .unreadableFile(let error): "\(option) \(argument): kann nicht gelesen werden: \(error.problem.german)"
        case .unusableFile(let error): "\(option) \(argument): \(error.german)"
        case .neitherFileNorKey(let error):
            "\(option) \(argument): keine solche Datei und kein Schlüsseltext (kein verwendbarer öffentlicher Schlüssel: \(error.german))"
        }
    }
}
