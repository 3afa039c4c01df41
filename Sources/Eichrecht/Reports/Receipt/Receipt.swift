import Foundation

/// What a driver's receipt is made from: the report of one CDR, the signed data it came with, and
/// the S.A.F.E. values document a driver downloads to check the signature with the reference
/// software.
public struct Receipt: Sendable {
    /// The CDR's report (its `cdr` summary names the place, the billed energy and the price).
    public var report: Report
    /// The CDR's `signed_data`, as received: shown as text for checking.
    public var signedData: SignedData?
    /// The S.A.F.E. values document (UTF-8 XML) for the signed data; `nil` leaves out the download.
    public var safeValuesXML: [UInt8]?

    /// A receipt from a report and the CDR it came from. Without decoded values there is no S.A.F.E.
    /// download; `Verifier.receipt(cdr:)` builds one with it.
    public init(report: Report, cdr: CDR?, safeValuesXML: [UInt8]? = nil) {
        self.report = report
        self.signedData = cdr?.signedData
        self.safeValuesXML = safeValuesXML
    }

    /// A receipt from a unit verified with `Verifier.verifyKeepingDecodedValues(_:)`, with the
    /// S.A.F.E. download built from its values as verification decoded them.
    public init(_ verified: VerifiedUnit) {
        report = verified.report
        signedData = verified.signedData
        safeValuesXML = SAFEXMLWriter.Unit(label: verified.report.id.map { "CDR \($0)" }, verified: verified).map {
            SAFEXMLWriter().document([$0])
        }
    }
}

extension Verifier {
    /// Verifies a CDR and keeps what its receipt shows: the report, the signed data and the S.A.F.E.
    /// values document. Decodes once.
    public func receipt(cdr: CDR) -> Receipt {
        let unit = VerificationUnit(content: .cdr(cdr), label: cdr.id ?? "#1", line: 1)
        return Receipt(verifyKeepingDecodedValues(unit))
    }
}
