/// Why input cannot be read (an `InputError`), typed so that the catalogue words it in every
/// language. Parser and system details (a JSON or XML parser's reason, the system's read error)
/// are kept as the component wrote them; the German text names only the position.
public enum InputProblem: Worded, Hashable {
    /// JSON that does not parse; the parser's (English) detail.
    case invalidJSON(String)
    /// A JSON stream whose array is not closed.
    case endsInsideArray
    /// Nothing to read.
    case empty
    /// Array elements not separated by `,`.
    case expectedCommaOrBracket
    /// A single JSON value larger than the limit (MiB).
    case valueTooLarge(mebibytes: Int)
    /// The input ends inside a JSON value.
    case endsInsideValue
    /// A non-JSON input larger than the limit (MiB).
    case rawTooLarge(mebibytes: Int)
    /// A file larger than the limit (MiB).
    case fileTooLarge(mebibytes: Int)
    /// A request whose verification did not finish within the service's time limit (seconds).
    case timeLimitExceeded(seconds: Int)
    /// A S.A.F.E. document that does not parse; the XML reader's (English) detail.
    case safeUnreadable(String)
    /// The XML root element is not `<values>` (its name as written).
    case safeRoot(String)
    /// A S.A.F.E. document without `<value>`.
    case safeNoValue
    /// A `<value>` (1-based) that cannot be read.
    case safeValue(Int, SAFEValueProblem)
    /// An OCPP message without signed meter values.
    case ocppNoSignedValues
    /// The path names no file.
    case noSuchFile
    /// The path names a directory.
    case isDirectory
    /// The file cannot be opened.
    case cannotOpen
    /// Reading failed; the system's detail.
    case readError(String)
    /// `signed_data` is no JSON object (the JSON kind found).
    case signedDataNotObject(ValueKind)
    /// An object holds a member name twice (where, and the name as written).
    case repeatedMember(RepeatedMemberPlace, String)
    /// `signed_data` has no `signed_values`.
    case noSignedValues
    /// `signed_values` is no array.
    case signedValuesNotArray
    /// A JSON object that is no CDR, OCPI response or SignedData.
    case notAUnit
    /// A JSON value of the wrong kind where a CDR object was expected.
    case notACDR(ValueKind)
    /// Input that is no CDR, SignedData or signed record (its first characters, escaped).
    case notRecognised(preview: String)
    /// A key list member whose key is no string (the member name as written).
    case keyNotString(String)
    /// A key list entry (1-based) without `public_key`.
    case entryWithoutKey(Int)
    /// A key list entry (1-based) that names no meter.
    case entryWithoutMeter(Int)
    /// A key list that is neither a JSON object nor an array.
    case keyListShape
    /// A CSV key list line (1-based) that is not `meter,key`.
    case keyListLine(Int)
    /// A key list without keys.
    case keyListEmpty

    /// Where a member name occurs twice.
    public enum RepeatedMemberPlace: Sendable, Hashable {
        case cdr, signedData
    }

    /// What is wrong with one S.A.F.E. `<value>`.
    public enum SAFEValueProblem: Sendable, Hashable {
        case noData, severalData, severalKeys
        /// `<signedData>` or `<encodedData>` (the element's name) is empty.
        case emptyData(String)
    }
}
