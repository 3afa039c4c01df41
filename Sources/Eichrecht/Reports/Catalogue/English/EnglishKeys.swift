// English texts of keys and signatures: how keys are named, why one is unusable, the signature
// notes of single records, and the reasons of `public_key` and `signature`.

private let w = Wording.english

extension KeyName {
    public var english: String {
        switch self {
        case .trusted: "the trusted key"
        case .embedded: "the key embedded in the record"
        case .cdr: "the CDR's public_key"
        case .value: "the value's public_key"
        case .signedData: "signed_data's public_key"
        case .safe: "the S.A.F.E. <publicKey>"
        case .ocpp: "the OCPP publicKey"
        case .rawRecord: "the key given with the record"
        }
    }
}

extension KeyInput.DecodingError: Worded {
    public var english: String { description }
}

extension KeyProblem {
    public var english: String {
        switch self {
        case .unusable(let name, let error): "\(name.english) is unusable: \(error.english)"
        case .differs(let name, let other): "\(name.english) differs from \(other.english)"
        }
    }
}

extension SignatureNote {
    public var english: String {
        switch self {
        case .noUsableKey: "no usable public key"
        case .algorithmUnsupported(let note):
            note.map { $0.english } ?? "unsupported signature algorithm"
        case .undecodable(let note): note.map { $0.english } ?? "the signature cannot be decoded"
        case .doesNotMatch: "the signature does not match the signed data and the key"
        case .verifiedWithoutWhitespace: "verified over the payload with whitespace removed (OCMF 1.0 rule)"
        case .valueNotDecoded(let problem): StageText.text(problem, .en)
        }
    }
}

extension PublicKeyReason {
    public var english: String {
        switch self {
        case .noRecord: "no decoded record to check a key for"
        case .unusable(let value, let problem): "\(w.value(value)): \(problem.english)"
        case .noKey: "no public key: the CDR has none, the record carries none, and none was given"
        case .severalKeys(let count): "the records of one session are signed with \(w.integer(count)) different keys"
        case .someRecordsWithoutKey(let count): "\(w.count(count, "record has", "records have")) no public key"
        case .setAsideUnverified(let value, let problems):
            "\(w.value(value)): \(w.findings(problems.map(\.english))); the trusted key does not verify the record"
        case .setAside(let problems):
            "the trusted key verifies the records; set aside: \(w.findings(problems.map(\.english)))"
        case .fits(let curve, let shape, let envelope, let from):
            "\(curve) key (\(shape.rawValue)\(envelope.map { ", read from \($0)" } ?? "")) from \(from == .embedded ? "the record" : from.english) fits the signature algorithm"
        }
    }
}

extension SignatureReason {
    public var english: String {
        switch self {
        case .noRecord: "no decoded record to verify"
        case .invalid(let findings), .unchecked(let findings):
            w.findings(findings.map { "\(w.value($0.value)): \($0.note?.english ?? "")" })
        case .valid(let count, let algorithms, let withoutWhitespace):
            "\(w.count(count, "signature", "signatures")) valid (\(algorithms.map(\.english).joined(separator: ", ")))"
                + (withoutWhitespace
                    ? " (a pretty-printed payload verified with whitespace removed, as OCMF 1.0 signed it)" : "")
        }
    }
}

extension SignatureAlgorithm: Worded {
    /// The algorithm in English, e.g. `ECDSA P-256 (secp256r1) with SHA-256`.
    public var english: String { description }
}

extension KeyFileError {
    public var english: String {
        switch self {
        case .empty: "the file is empty"
        case .onlyWhitespace: "the file holds only whitespace"
        case .binaryNotDER: "a binary file that is not a DER SubjectPublicKeyInfo (it does not start with 0x30)"
        case .privateKey: "the file holds a private key; give the public key (openssl ec -pubout)"
        case .unusableKey(let error): "not a usable public key: \(error.english)"
        case .unreadableList(let error): (error.line.map { "line \($0): " } ?? "") + error.problem.english
        case .unusableListedKey(let identity, let number, let error):
            (identity.map { "the key for \"\($0)\"" } ?? "key \(number)")
                + ": not a usable public key: \(error.english)"
        }
    }
}

extension TrustedKeyArguments.Problem {
    /// The one line a tool prints: the option, the argument and what is wrong.
    public var english: String {
        switch kind {
        case .unreadableFile(let error): "\(option) \(argument): cannot be read: \(error.problem.english)"
        case .unusableFile(let error): "\(option) \(argument): \(error.english)"
        case .neitherFileNorKey(let error):
            "\(option) \(argument): no such file, and not key text (not a usable public key: \(error.english))"
        }
    }
}
