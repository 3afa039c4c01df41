/// Reads verification units from an input of any supported kind, streaming where the kind allows.
///
/// JSON inputs (one CDR, NDJSON, concatenated objects, a top-level array of CDRs) are read one value
/// at a time, so memory stays flat however many CDRs come through; an OCPI response envelope is read
/// whole. Anything else is read whole (up to `maximumRawSize`) and decoded as raw signed records.
public final class InputReader {
    /// The largest non-JSON input read into memory.
    public static let maximumRawSize = 64 << 20
    /// The largest single JSON value (one CDR or one envelope).
    public static let maximumValueSize = 256 << 20

    private let source: ByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    /// Absolute offset of `buffer[0]`.
    private var base = 0
    private var line = 1
    private var lineStart = 0
    private var endOfInput = false
    private var started = false
    private var inArray = false
    private var expectSeparator = false
    private var pending: [VerificationUnit] = []
    private var count = 0
    private var finished = false
    /// Consecutive OCPP signed sampled values of a top-level array: one transaction, one unit.
    private var ocppRun: [JSONValue] = []
    private var ocppRunLine = 1
    /// Whether the input is NDJSON (one record per line), once the first record has shown it.
    private var lineMode: Bool?

    /// A reader that pulls bytes from `source` as `next()` needs them.
    public init(source: ByteSource) {
        self.source = source
    }

    /// The next unit, or `nil` at the end of the input.
    ///
    /// An unreadable record inside a stream (a broken NDJSON line, an array member that is not a
    /// CDR) throws an error whose `skippedRecord` names it; the next call goes on with the record
    /// after it. Any other error ends the input: later calls return `nil`.
    public func next() throws(InputError) -> VerificationUnit? {
        do {
            return try nextUnit()
        } catch {
            if error.skippedRecord == nil { finished = true }
            throw error
        }
    }

    private func nextUnit() throws(InputError) -> VerificationUnit? {
        if !pending.isEmpty { return pending.removeFirst() }
        while !finished {
            try skipWhitespace()
            guard let byte = try peek() else {
                if inArray { throw error(.endsInsideArray) }
                if !started { throw error(.empty) }
                finished = true
                return nil
            }
            if !started {
                started = true
                if byte != UInt8(ascii: "{") && byte != UInt8(ascii: "[") {
                    try readRaw()
                    return pending.isEmpty ? nil : pending.removeFirst()
                }
            }
            if inArray {
                if byte == UInt8(ascii: "]") {
                    advance(1)
                    inArray = false
                    expectSeparator = false
                    try flushOCPPRun()
                    if !pending.isEmpty { return pending.removeFirst() }
                    continue
                }
                if expectSeparator {
                    guard byte == UInt8(ascii: ",") else { throw error(.expectedCommaOrBracket) }
                    advance(1)
                    expectSeparator = false
                    continue
                }
            } else if byte == UInt8(ascii: "["), try !startsOCPPFrame() {
                advance(1)
                inArray = true
                expectSeparator = false
                continue
            }
            let startLine = line
            let value = try readValue()
            if inArray { expectSeparator = true }
            if inArray, OCPPSignedMeterValues.isSignedSampledValue(value.json) {
                if ocppRun.isEmpty { ocppRunLine = startLine }
                ocppRun.append(value.json)
                continue
            }
            try flushOCPPRun()
            var contents: [(content: VerificationUnit.Content, kind: UnitKind)]
            do { contents = try VerificationUnit.units(from: value.json) } catch {
                // A JSON value that is a meter format itself (chargeIT JSON, …) is raw signed data.
                guard !inArray, let signedData = try? VerificationUnit.rawRecords(value.bytes) else {
                    // The value is read to its end: the stream goes on after it.
                    count += 1
                    var skipped = InputError(error.problem, offset: value.offset, line: startLine, column: value.column)
                    skipped.skippedRecord = "#\(count)"
                    throw skipped
                }
                contents = [(.signedData(signedData), .rawRecord)]
            }
            for (content, kind) in contents {
                count += 1
                pending.append(VerificationUnit(content: content, kind: kind, label: "#\(count)", line: startLine))
            }
            if !pending.isEmpty { return pending.removeFirst() }
        }
        return nil
    }

    /// Emits the OCPP sampled values collected from an array as one unit.
    private func flushOCPPRun() throws(InputError) {
        guard !ocppRun.isEmpty else { return }
        let run = ocppRun
        ocppRun = []
        let contents: [(content: VerificationUnit.Content, kind: UnitKind)]
        do { contents = try VerificationUnit.units(from: .array(run)) } catch {
            throw InputError(error.problem, line: ocppRunLine, column: nil)
        }
        for (content, kind) in contents {
            count += 1
            pending.append(VerificationUnit(content: content, kind: kind, label: "#\(count)", line: ocppRunLine))
        }
    }

    /// Whether the array at the current position is an OCPP-J CALL frame (`[2, …`), which is read
    /// whole instead of element by element.
    private func startsOCPPFrame() throws(InputError) -> Bool {
        var offset = 1
        func byte(at offset: Int) throws(InputError) -> UInt8? {
            while position + offset >= buffer.count {
                guard try fill() else { return nil }
            }
            return buffer[position + offset]
        }
        while let c = try byte(at: offset), JSONScanner.isWhitespace(c) { offset += 1 }
        guard try byte(at: offset) == UInt8(ascii: "2") else { return false }
        offset += 1
        while let c = try byte(at: offset), JSONScanner.isWhitespace(c) { offset += 1 }
        return try byte(at: offset) == UInt8(ascii: ",")
    }

    // MARK: Buffer

    private func fill() throws(InputError) -> Bool {
        guard !endOfInput else { return false }
        if position > 1 << 20 {
            buffer.removeFirst(position)
            base += position
            lineStart -= position
            position = 0
        }
        let chunk = try source.read(maximum: 1 << 20)
        if chunk.isEmpty {
            endOfInput = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    private func peek() throws(InputError) -> UInt8? {
        while position >= buffer.count {
            guard try fill() else { return nil }
        }
        return buffer[position]
    }

    private func advance(_ count: Int) {
        for index in position..<min(position + count, buffer.count) where buffer[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        position = min(position + count, buffer.count)
    }

    private func skipWhitespace() throws(InputError) {
        while let byte = try peek(), JSONScanner.isWhitespace(byte) || (byte == 0xEF && !started) {
            if byte == 0xEF {  // UTF-8 byte order mark
                while position + 2 >= buffer.count {
                    guard try fill() else { return }
                }
                guard buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF else { return }
                advance(3)
                continue
            }
            advance(1)
        }
    }

    private func error(_ problem: InputProblem, at index: Int? = nil) -> InputError {
        let at = index ?? position
        var line = self.line
        var lineStart = self.lineStart
        if at > position {
            for i in position..<min(at, buffer.count) where buffer[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
        }
        return InputError(problem, offset: base + at, line: line, column: at - lineStart + 1)
    }

    /// Where the record starting at the current position ends when it is one line of NDJSON: it
    /// starts a line, and the input is NDJSON (an earlier record was one line), or the line holds one
    /// whole JSON value, or the next non-blank line starts another JSON value in its first column (or
    /// the input ends). `nil` for a value written over several lines (a pretty-printed CDR).
    private func lineRecordEnd() throws(InputError) -> Int? {
        guard !inArray, position == lineStart else { return nil }
        defer { if lineMode == nil { lineMode = false } }
        // Offsets from `position`: `fill()` may move the buffer's start. One search per chunk read
        // (a byte loop over a class's buffer pays an exclusivity check per byte).
        var searched = 0
        var offset: Int
        while true {
            if let found = buffer[(position + searched)...].firstIndex(of: 0x0A) {
                offset = found - position
                break
            }
            searched = buffer.count - position
            guard searched < InputReader.maximumValueSize, try fill() else { return buffer.count }
        }
        let newline = offset
        if lineMode == true { return position + newline }
        // A line that holds one whole JSON value is a record of its own: the input is NDJSON, and
        // the next line need not be waited for (a live stream may send it much later, or never).
        if case .end(let end) = JSONScanner.endOfValue(buffer[position..<(position + newline)], from: position),
            buffer[end..<(position + newline)].allSatisfy(JSONScanner.isWhitespace)
        {
            lineMode = true
            return position + newline
        }
        var indented = false
        offset += 1
        while true {
            while position + offset >= buffer.count {
                guard try fill() else { return position + newline }
            }
            let c = buffer[position + offset]
            if c == 0x0A {
                indented = false
            } else if JSONScanner.isWhitespace(c) {
                indented = true
            } else {
                let startsValue = c == UInt8(ascii: "{") || c == UInt8(ascii: "[")
                guard startsValue, !indented else { return nil }
                lineMode = true
                return position + newline
            }
            offset += 1
        }
    }

    private func readValue() throws(InputError) -> (json: JSONValue, bytes: [UInt8], offset: Int, column: Int) {
        if let end = try lineRecordEnd() {
            // One NDJSON line: a broken line costs that record only, the next line is read next.
            let slice = buffer[position..<end]
            let offset = base + position
            let column = position - lineStart + 1
            do {
                let json = try JSONParser.parse(slice)
                advance(end - position)
                return (json, Array(slice), offset, column)
            } catch {
                var skipped = self.error(.invalidJSON(error.reason), at: position + error.offset)
                count += 1
                skipped.skippedRecord = "#\(count)"
                advance(end - position)
                throw skipped
            }
        }
        while true {
            switch JSONScanner.endOfValue(buffer, from: position) {
            case .end(let end):
                let slice = buffer[position..<end]
                let offset = base + position
                let column = position - lineStart + 1
                let json: JSONValue
                do { json = try JSONParser.parse(slice) } catch {
                    throw self.error(.invalidJSON(error.reason), at: position + error.offset)
                }
                advance(end - position)
                return (json, Array(slice), offset, column)
            case .invalid(let at):
                throw error(.invalidJSON("unexpected character"), at: at)
            case .incomplete:
                guard buffer.count - position < InputReader.maximumValueSize else {
                    throw error(.valueTooLarge(mebibytes: InputReader.maximumValueSize >> 20))
                }
                guard try fill() else {
                    // Let the parser name what is missing.
                    do { _ = try JSONParser.parse(buffer[position...]) } catch {
                        throw self.error(.invalidJSON(error.reason), at: position + error.offset)
                    }
                    throw error(.endsInsideValue)
                }
            }
        }
    }

    private func readRaw() throws(InputError) {
        while try fill() {
            guard buffer.count - position <= InputReader.maximumRawSize else {
                throw InputError(.rawTooLarge(mebibytes: InputReader.maximumRawSize >> 20))
            }
        }
        let bytes = Array(buffer[position...])
        finished = true
        if SAFEValuesReader.recognises(bytes) {
            // A S.A.F.E. values document: one unit per transaction (see SAFEValuesReader).
            let startLine = line
            let units: [(signedData: SignedData, line: Int)]
            do { units = try SAFEValuesReader.units(bytes) } catch {
                throw InputError(
                    error.problem, offset: error.offset.map { base + position + $0 },
                    line: error.line.map { startLine + $0 - 1 }, column: error.column)
            }
            for unit in units {
                count += 1
                pending.append(
                    VerificationUnit(
                        content: .signedData(unit.signedData), kind: .safeTransaction, label: "#\(count)",
                        line: startLine + unit.line - 1))
            }
            return
        }
        let signedData = try VerificationUnit.rawRecords(bytes)
        count += 1
        pending.append(
            VerificationUnit(content: .signedData(signedData), kind: .rawRecord, label: "#\(count)", line: line))
    }
}
