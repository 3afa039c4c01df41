extension MennekesDecoder {
    /// The document cut into one standalone `<ChargingProcess>` document per measurement (the
    /// process's own fields kept, the other measurement left out), so that a raw file can become one
    /// OCPI signed value per meter reading. `nil` when the document has a single measurement or is
    /// not a Mennekes document.
    ///
    /// The pieces are written anew from the parsed elements. Nothing signed is lost: Mennekes signs a
    /// block rebuilt from element values, not the XML text, and every element a block needs is kept.
    static func splitMeasurements(_ bytes: [UInt8]) -> [[UInt8]]? {
        guard let root = try? document(bytes), let processes = try? processes(root) else { return nil }
        var pieces: [[UInt8]] = []
        for process in processes {
            for name in ["MeasurementStart", "MeasurementEnd"] where process.child(name) != nil {
                var copy = process
                copy.children = process.children.filter { child in
                    let local = child.localName.lowercased()
                    let isMeasurement = local == "measurementstart" || local == "measurementend"
                    return !isMeasurement || local == name.lowercased()
                }
                pieces.append(Array(MennekesXMLWriter.write(copy).utf8))
            }
        }
        return pieces.count > 1 ? pieces : nil
    }
}

/// Writes parsed elements back as XML text: elements, attributes and leaf text, escaped. Text
/// between child elements (indentation, comments) is dropped.
enum MennekesXMLWriter {
    static func write(_ element: XMLElement) -> String {
        var out = "<\(element.name)"
        for attribute in element.attributes {
            out += " \(attribute.name)=\"\(escape(attribute.value))\""
        }
        out += ">"
        if element.children.isEmpty {
            out += escape(element.text)
        } else {
            for child in element.children { out += write(child) }
        }
        return out + "</\(element.name)>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
