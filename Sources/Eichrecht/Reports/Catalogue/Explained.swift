import Foundation

/// Something the message catalogue can put into words in every language: a label, or (as
/// `Explained`) a reason.
///
/// The text lives only in `Reports/Catalogue/`: `english` in `English/`, `german` in `German/`, each
/// an exhaustive `switch`, so a value without a text in either language does not compile.
public protocol Worded: Sendable {
    /// The text in English (catalogue `English/`).
    var english: String { get }
    /// The text in German (catalogue `German/`).
    var german: String { get }
}

/// A typed reason that the message catalogue can put into words: a check's outcome, a decoder's
/// problem, a deviation.
///
/// The stable machine `code` is defined beside the type, in the stage that produces it.
/// Verification formats no string; only writers call `text(_:)`.
public protocol Explained: Worded {
    /// A stable dotted machine code, e.g. `energy.outside_tolerance` (the JSON `reason`).
    var code: String { get }
}

extension Worded {
    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .en: english
        case .de: german
        }
    }
}
