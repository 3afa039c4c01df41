import Foundation

/// How texts name a key, by where it came from (the CDR's `public_key`, a S.A.F.E. `<publicKey>`, …).
public enum KeyName: Worded, Hashable {
    /// A key the caller trusts.
    case trusted
    /// A key inside the signed record.
    case embedded
    /// The CDR's `signed_data.public_key`.
    case cdr
    /// A signed value's own `public_key`.
    case value
    /// A bare SignedData's `public_key`.
    case signedData
    /// A S.A.F.E. file's `<publicKey>`.
    case safe
    /// An OCPP message's `publicKey`.
    case ocpp
    /// A key given beside a raw record.
    case rawRecord

    /// The name of the key that came with the signed data of `unit`; `perValue` for a value's own key.
    static func given(unit: UnitKind, perValue: Bool) -> KeyName {
        switch (unit, perValue) {
        case (.cdr, false): .cdr
        case (.cdr, true), (.signedData, true): .value
        case (.signedData, false): .signedData
        case (.safeTransaction, _): .safe
        case (.ocppMessage, _): .ocpp
        case (.rawRecord, _): .rawRecord
        }
    }
}

/// Why a key that is present cannot be used.
public enum KeyProblem: Explained, Hashable {
    /// The key does not decode, or is no point of the record's curve.
    case unusable(KeyName, KeyInput.DecodingError)
    /// The key differs from another key given for the same record.
    case differs(KeyName, from: KeyName)

    public var code: String {
        switch self {
        case .unusable: "public_key.unusable"
        case .differs: "public_key.differs"
        }
    }
}

/// Why a record's signature has its status, or how it verified.
public enum SignatureNote: Explained, Hashable {
    /// No usable public key: the signature was not checked.
    case noUsableKey
    /// The record names no supported signature algorithm (why, when the decoder said).
    case algorithmUnsupported(AlgorithmProblem?)
    /// The signature cannot be decoded (why, when the decoder said).
    case undecodable(SignatureProblem?)
    /// The signature does not verify over the signed bytes with the key.
    case doesNotMatch
    /// Verified over the payload with whitespace removed (OCMF 1.0's rule).
    case verifiedWithoutWhitespace
    /// The value yielded no record, so there was no signature to check.
    case valueNotDecoded(DecodingProblem)

    public var code: String {
        switch self {
        case .noUsableKey: "signature.no_usable_key"
        case .algorithmUnsupported: "signature.algorithm_unsupported"
        case .undecodable: "signature.undecodable"
        case .doesNotMatch: "signature.does_not_match"
        case .verifiedWithoutWhitespace: "signature.verified_without_whitespace"
        case .valueNotDecoded: "signature.value_not_decoded"
        }
    }
}

/// Why a signed value yielded no record (the decoding stage's outcome, typed there).
public enum DecodingProblem: Sendable, Hashable {
    /// A known or recognised format whose bytes are malformed.
    case malformed(FormatError)
    /// An encoding method this version does not support (the decoding stage's words).
    case unsupported(UndecodedReason)
    /// No decoder recognises the bytes (the decoding stage's words).
    case unrecognised(UndecodedReason)

    /// The problem of a decoding outcome; `nil` when the value decoded.
    init?(_ outcome: DecodedValue.Outcome) {
        switch outcome {
        case .decoded: return nil
        case .malformed(let error): self = .malformed(error)
        case .unsupported(let reason): self = .unsupported(reason)
        case .unrecognised(let reason): self = .unrecognised(reason)
        }
    }
}

/// Why the unit's `signed_data` as a whole cannot be verified.
public enum SignedDataProblem: Explained, Hashable {
    /// The CDR's `signed_data` cannot be read (why, as the input stage found it).
    case unreadable(InputProblem)
    /// More signed values than the verifier processes (the contract's "Bounded work").
    case tooManyValues(count: Int, limit: Int)

    public var code: String {
        switch self {
        case .unreadable: "format.signed_data_unreadable"
        case .tooManyValues: "format.too_many_values"
        }
    }
}
