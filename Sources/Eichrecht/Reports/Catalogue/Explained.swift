import Foundation

/// A typed reason that the message catalogue can put into words: a check's outcome, a decoder's
/// problem, a deviation, a label.
///
/// The stable machine `code` is defined beside the type, in the stage that produces it. The text
/// lives only here, in `Reports/Catalogue/`: `english` in `English/`, `german` in `German/`, each an
/// exhaustive `switch`, so a reason without a text in either language does not compile.
/// Verification formats no string; only writers call `text(_:)`.
protocol Explained: Sendable {
    /// A stable dotted machine code, e.g. `energy.outside_tolerance` (the JSON `reason`).
    var code: String { get }
    /// The reason in English (catalogue `English/`).
    var english: String { get }
    /// The reason in German (catalogue `German/`).
    var german: String { get }
}

extension Explained {
    /// The reason in `language`.
    func text(_ language: Language) -> String {
        switch language {
        case .en: english
        case .de: german
        }
    }
}
