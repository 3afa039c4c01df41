/// Words of other stages as writers print them: decoder errors, deviations, unsigned-copy
/// contradictions, attribute labels and meter flags, all from the catalogue. Each kind goes through
/// one function here, so that writers word every stage the same way.
enum StageText {
    /// A decoder's error (`FormatError`).
    static func text(_ error: FormatError, _ language: Language) -> String { error.text(language) }

    /// Why a value yielded no record.
    static func text(_ problem: DecodingProblem, _ language: Language) -> String {
        switch problem {
        case .malformed(let error): text(error, language)
        case .unsupported(let reason), .unrecognised(let reason): reason.text(language)
        }
    }

    /// A deviation from a format's specification (`SignedRecord.deviations`).
    static func deviation(_ deviation: Deviation, _ language: Language) -> String { deviation.text(language) }

    /// An unsigned copy that contradicts the signed data.
    static func text(_ contradiction: Contradiction, _ language: Language) -> String { contradiction.text(language) }

    /// A signed field's label.
    static func label(_ attribute: Attribute, _ language: Language) -> String { attribute.label.text(language) }

    /// A flag the meter set on a reading.
    static func text(_ flag: MeterFlag, _ language: Language) -> String { flag.meaning.text(language) }
}
