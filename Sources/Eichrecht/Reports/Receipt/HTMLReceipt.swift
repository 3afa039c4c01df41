import Foundation

/// Lays out a receipt's content as one HTML document a driver reads on a phone or prints on A4.
///
/// Self-contained: inline CSS, no script, no web font, no external request (the
/// Content-Security-Policy forbids any: only inline styles and `data:` images). Accessible: `lang`
/// on the document, the readings in a real table with header cells, the verdict as an icon and
/// words as well as a colour, colours with at least 7:1 contrast. Everything from input is escaped.
struct HTMLReceipt {
    let content: ReceiptContent

    /// The Content-Security-Policy of every receipt: nothing may be fetched, and the only style
    /// allowed is the receipt's own style block, named by its SHA-256 (no other inline style runs).
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'sha256-\(Base64.encode(SignatureVerifier.sha256(Array(css.utf8))))'; img-src data:"

    private func t(_ phrase: ReceiptPhrase) -> String { HTMLText.escaped(phrase.text(content.language)) }
    private func e(_ text: String) -> String { HTMLText.escaped(text) }

    /// The verdict's icon, shown beside its words.
    static func icon(_ verdict: Verdict) -> String {
        switch verdict {
        case .verified: "✔"
        case .mismatch: "≠"
        case .invalid: "✘"
        case .unverifiable: "?"
        }
    }

    private static func icon(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "✔"
        case .fail: "✘"
        case .warn: "!"
        case .skip: "–"
        }
    }

    func document() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="\(content.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(t(.title))\(content.id.map { " – " + e($0) } ?? "")</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(t(.title))</h1>

            """
        if let id = content.id { html += "<p class=\"id\">\(t(.session)): <span>\(e(id))</span></p>\n" }
        html += "</header>\n"
        html += verdictSection()
        html += placeSection()
        html += tableSection()
        html += detailsSection()
        html += "<footer><p>\(t(.checkedBy(EichrechtVersion.text)))</p></footer>\n</main>\n</body>\n</html>\n"
        return html
    }

    private func verdictSection() -> String {
        let verdict = content.verdict
        var html = "<section class=\"verdict \(verdict.rawValue)\" aria-labelledby=\"verdict-word\">\n"
        html += "<p class=\"verdict-word\" id=\"verdict-word\"><span class=\"icon\" aria-hidden=\"true\">"
        html += "\(Self.icon(verdict))</span> \(t(.verdictWord(verdict)))</p>\n"
        html += "<p class=\"sentence\">\(t(.verdictSentence(verdict)))</p>\n"
        html += "<p class=\"advice\">\(t(.verdictAdvice(verdict)))</p>\n"
        if let finding = content.finding {
            html += "<p class=\"finding\">\(t(.technicalReason)) \(e(finding))</p>\n"
        }
        return html + "</section>\n"
    }

    private func placeSection() -> String {
        var html = "<section aria-labelledby=\"where\">\n<h2 id=\"where\">\(t(.whereAndWhen))</h2>\n<dl>\n"
        let items: [(ReceiptPhrase, String?)] = [
            (.station, content.station), (.address, content.address), (.evseId, content.evseId),
            (.start, content.start), (.end, content.end),
        ]
        for (label, value) in items {
            html += "<div><dt>\(t(label))</dt><dd>\(value.map(e) ?? "<span class=\"none\">\(t(.notStated))</span>")"
            html += "</dd></div>\n"
        }
        html += "</dl>\n<p class=\"note\">\(e(ReceiptPhrase.timeZone(content.timeZone).text(content.language)))</p>\n"
        return html + "</section>\n"
    }

    private func tableSection() -> String {
        var html = "<section aria-labelledby=\"readings\">\n<h2 id=\"readings\">\(t(.signedAndBilled))</h2>\n"
        html += "<table>\n<caption>\(t(.tableCaption))</caption>\n"
        html += "<thead><tr><td></td><th scope=\"col\">\(t(.signedColumn))</th>"
        html += "<th scope=\"col\">\(t(.billedColumn))</th></tr></thead>\n<tbody>\n"
        let none = "<span class=\"none\">–</span>"
        for row in content.rows {
            html += "<tr><th scope=\"row\">\(t(row.label))</th>"
            if row.isUnsigned {
                html += "<td class=\"unsigned\">\(t(.notSigned))</td>"
            } else {
                html += "<td>\(row.signed.map(e) ?? none)"
                if let note = row.signedNote { html += "<br><span class=\"when\">\(e(note))</span>" }
                html += "</td>"
            }
            html += "<td>\(row.billed.map(e) ?? none)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    private func detailsSection() -> String {
        var html = "<details>\n<summary>\(t(.detailsHeading))</summary>\n<p>\(t(.detailsIntro))</p>\n"
        if let url = content.transparencyURL {
            if HTMLText.isWebLink(url) {
                html += "<p><a href=\"\(e(url))\" rel=\"noopener noreferrer\">\(t(.transparencyLink))</a>"
                html += "<br><code>\(e(url))</code></p>\n"
            } else {
                html += "<p>\(t(.transparencyLink)): <code>\(e(url))</code></p>\n"
            }
        }
        if let xml = content.safeValuesXML {
            let name = "signed-data-" + (content.id ?? "receipt").map { $0.isLetter || $0.isNumber ? $0 : "-" } + ".xml"
            html += "<p><a download=\"\(e(name))\" href=\"data:application/xml;base64,"
            html += Data(xml).base64EncodedString() + "\">\(t(.safeDownload))</a></p>\n"
        }
        if let format = content.dataFormat {
            html += "<h3>\(t(.dataFormat))</h3>\n<p>\(e(format))</p>\n"
        }
        if let key = content.publicKey {
            html += "<h3>\(t(.publicKey))</h3>\n<pre>\(e(key))</pre>\n"
        }
        if !content.signedValues.isEmpty {
            html += "<h3>\(t(.signedData))</h3>\n"
            for value in content.signedValues {
                html += "<h4>\(e(value.heading))</h4>\n<pre>\(e(value.text))</pre>\n"
            }
        }
        html += "<h3>\(t(.checks))</h3>\n<ul class=\"checks\">\n"
        for check in content.checks {
            html += "<li class=\"\(check.status.rawValue)\"><span class=\"icon\" aria-hidden=\"true\">"
            html += "\(Self.icon(check.status))</span> <strong>\(e(check.name))</strong>: "
            html += "\(t(.checkStatus(check.status))) · \(e(check.reason))</li>\n"
        }
        return html + "</ul>\n</details>\n"
    }

    /// The stylesheet: system fonts only, one column up to 48 rem, A4 when printed.
    static let css = """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f4f5f7; color: #1a1a1a;
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
        main { max-width: 48rem; margin: 0 auto; padding: 1.25rem; background: #fff; }
        header h1 { margin: 0; font-size: 1.6rem; }
        .id { margin: 0.25rem 0 1rem; color: #3d3d3d; overflow-wrap: anywhere; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #c8ccd2; padding-bottom: 0.25rem; }
        h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
        h4 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; }
        .verdict { border: 3px solid; border-radius: 0.5rem; padding: 0.75rem 1rem; }
        .verdict p { margin: 0.35rem 0; }
        .verdict-word { font-weight: 700; font-size: 1.25rem; }
        .verdict .icon { display: inline-block; min-width: 1.6em; text-align: center; font-size: 1.3em; }
        .sentence { font-size: 1.1rem; font-weight: 600; }
        .finding { font-size: 0.9rem; overflow-wrap: anywhere; }
        .verified { background: #e8f5ec; border-color: #1d6b36; color: #0c3319; }
        .mismatch { background: #fff3e0; border-color: #9a4a00; color: #3d1d00; }
        .invalid { background: #fdecea; border-color: #a1231b; color: #4d0f0b; }
        .unverifiable { background: #eef1f5; border-color: #46505e; color: #1b222c; }
        dl { margin: 0; }
        dl div { display: flex; flex-wrap: wrap; gap: 0 1rem; padding: 0.2rem 0; border-bottom: 1px solid #eceef1; }
        dt { flex: 0 0 13rem; font-weight: 600; }
        dd { margin: 0; flex: 1 1 12rem; overflow-wrap: anywhere; }
        .note, .when { color: #3d3d3d; font-size: 0.9rem; }
        .none { color: #4a4a4a; }
        table { width: 100%; border-collapse: collapse; }
        caption { text-align: left; color: #3d3d3d; font-size: 0.9rem; padding-bottom: 0.25rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid #d5d9de; overflow-wrap: anywhere; }
        thead th { background: #eef1f5; }
        tbody th { font-weight: 600; width: 34%; overflow-wrap: normal; hyphens: auto; }
        td.unsigned { color: #3d3d3d; font-style: italic; }
        details { margin-top: 1.5rem; border: 1px solid #c8ccd2; border-radius: 0.5rem; padding: 0.5rem 1rem; }
        summary { font-weight: 700; cursor: pointer; }
        pre { white-space: pre-wrap; word-break: break-all; background: #f4f5f7; padding: 0.5rem; font-size: 0.8rem; margin: 0; }
        code { word-break: break-all; }
        a { color: #0b4a8b; }
        .checks { list-style: none; padding: 0; font-size: 0.9rem; }
        .checks li { padding: 0.15rem 0; background: none; border: 0; }
        .checks .icon { display: inline-block; width: 1.2em; }
        footer { margin-top: 1.5rem; color: #3d3d3d; font-size: 0.85rem; }
        @media (max-width: 30rem) {
          main { padding: 0.75rem; }
          dt { flex-basis: 100%; }
          th, td { padding: 0.3rem 0.25rem; font-size: 0.9rem; }
        }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          .verdict, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          tr, .verdict, dl div { break-inside: avoid; }
          details::details-content { content-visibility: visible; display: block; }
          summary { list-style: none; }
          a::after { content: ""; }
        }

        """
}
