import Foundation
import Testing

@testable import Eichrecht

/// The SML reader: transport frame, escaping, padding, checksums, type-length bytes and elements.
@Suite("SML reader")
struct SMLTests {
    @Test("CRC-16/X-25 check value of \"123456789\" is 0x906E")
    func crcCheckValue() {
        #expect(CRC16X25.checksum(Array("123456789".utf8)) == 0x906E)
        #expect(CRC16X25.transmitted(0x906E) == [0x6E, 0x90])
    }

    @Test("a real telegram: frame, three messages, checksums as transmitted")
    func realTelegram() throws {
        let bytes = try EDL40Fixtures.telegram("safe-edl-40-01")
        let file = try SMLFile.read(bytes)
        #expect(file.messages.map(\.tag) == [0x0101, 0x0701, 0x0201])
        #expect(file.frame.checksum == 0xBDF3)  // transmitted f3 bd, low byte first
        #expect(file.frame.padding == 2)
        let list = try file.firstGetListResponse()
        #expect(Hex.encode(list.serverID) == "09014553591103956940")
        #expect(list.entries.count == 4)
        #expect(list.listSignature?.count == 50)
        let energy = try #require(list.entry(OBISCode.signedEnergy))
        #expect(energy.value.integer == 3275)
        #expect(energy.scaler == -1)
        #expect(energy.unit == 30)
        #expect(energy.time == .localTimestamp(timestamp: 777, localOffsetMinutes: 0, seasonOffsetMinutes: 0))
    }

    @Test("a wrong file checksum is an error at the checksum's offset")
    func wrongFileChecksum() throws {
        var bytes = try EDL40Fixtures.telegram("safe-edl-40-01")
        bytes[bytes.count - 1] ^= 0xFF
        #expect {
            _ = try SMLFile.read(bytes)
        } throws: { error in
            guard let error = error as? SMLError else { return false }
            return error.reason.contains("file checksum mismatch") && error.offset == bytes.count - 2
        }
    }

    @Test("a payload byte changed: the file checksum fails before anything is parsed")
    func alteredPayload() throws {
        var bytes = try EDL40Fixtures.telegram("safe-edl-40-01")
        bytes[100] ^= 0x01
        #expect(throws: SMLError.self) { _ = try SMLFile.read(bytes) }
    }

    @Test("a wrong message checksum (file checksum recomputed) is an error")
    func wrongMessageChecksum() throws {
        let body = SMLTestWriter.list([SMLTestWriter.absent])
        var message = SMLTestWriter.message(tag: 0x0201, body: body)
        message[message.count - 3] ^= 0x01  // low byte of the message checksum
        let file = SMLTestWriter.file([message])
        #expect {
            _ = try SMLFile.read(file)
        } throws: { error in
            (error as? SMLError)?.reason.contains("message checksum mismatch") == true
        }
        // The same message with its checksum intact reads.
        let good = SMLTestWriter.file([SMLTestWriter.message(tag: 0x0201, body: body)])
        #expect(try SMLFile.read(good).messages.count == 1)
    }

    @Test("an escaped 1b1b1b1b inside a message is read as data")
    func escapeSequence() throws {
        // Shift the literal through the four positions of a 4-byte block: one of them is escaped.
        var escaped = 0
        for shift in 0..<4 {
            let literal = [UInt8](repeating: 0x42, count: shift) + [0x1B, 0x1B, 0x1B, 0x1B]
            let message = SMLTestWriter.message(tag: 0x0201, body: SMLTestWriter.list([SMLTestWriter.octets(literal)]))
            let file = SMLTestWriter.file([message])
            let padded = message.count + (4 - message.count % 4) % 4
            if file.count == padded + 16 + 4 { escaped += 1 }
            let read = try SMLFile.read(file)
            #expect(read.frame.payload == message)
            #expect(read.messages.first?.body.list?.first?.octets == literal)
        }
        #expect(escaped == 1)
    }

    @Test("padding: the count is honoured and padding bytes must be zero")
    func padding() throws {
        // A transaction id length that leaves padding to do.
        var message: [UInt8] = []
        for length in 1...4 {
            message = SMLTestWriter.message(
                tag: 0x0201, body: SMLTestWriter.list([SMLTestWriter.absent]),
                transaction: [UInt8](repeating: 7, count: length))
            if message.count % 4 != 0 { break }
        }
        var file = SMLTestWriter.file([message])
        let read = try SMLFile.read(file)
        #expect(read.frame.payload == message)
        #expect(read.frame.padding == (4 - message.count % 4) % 4)
        #expect(read.frame.padding > 0)
        // A non-zero padding byte (file checksum recomputed) is an error.
        file[file.count - 9] = 0x55
        let checksum = SMLTestWriter.crc(Array(file[0..<(file.count - 2)]))
        file[file.count - 2] = UInt8(checksum & 0xFF)
        file[file.count - 1] = UInt8(checksum >> 8)
        #expect(throws: SMLError.self) { _ = try SMLFile.read(file) }
    }

    @Test("type-length with continuation: 83 04 is an octet string of 50 data bytes")
    func continuation() throws {
        let data = [UInt8](repeating: 0xAB, count: 50)
        let element = SMLTestWriter.octets(data)
        #expect(Array(element.prefix(2)) == [0x83, 0x04])
        let file = SMLTestWriter.file([SMLTestWriter.message(tag: 0x0201, body: SMLTestWriter.list([element]))])
        #expect(try SMLFile.read(file).messages.first?.body.list?.first?.octets == data)
    }

    @Test("integers of every width 1…8 bytes, signed values sign-extended")
    func integerWidths() throws {
        var items: [[UInt8]] = []
        var expected: [SMLElement.Value] = []
        for width in 1...8 {
            let magnitude = Int64(1) << (8 * width - 2)
            items.append(SMLTestWriter.integer(-magnitude, width: width))
            expected.append(.integer(-magnitude, width: width))
            let top = width == 8 ? UInt64.max : (UInt64(1) << (8 * UInt64(width))) - 1
            items.append(SMLTestWriter.unsigned(top, width: width))
            expected.append(.unsigned(top, width: width))
        }
        let file = SMLTestWriter.file([SMLTestWriter.message(tag: 0x0201, body: SMLTestWriter.list(items))])
        let values = try #require(try SMLFile.read(file).messages.first?.body.list).map(\.value)
        #expect(values == expected)
        // The 5-byte value real EDL40 meters write: 56 000001e9d4 = 125396.
        let five: [UInt8] = [0x56, 0x00, 0x00, 0x01, 0xE9, 0xD4]
        let real = SMLTestWriter.file([SMLTestWriter.message(tag: 0x0201, body: SMLTestWriter.list([five]))])
        #expect(try SMLFile.read(real).messages.first?.body.list?.first?.integer == 125_396)
    }

    @Test("optional elements: 01 is absent")
    func absentElement() throws {
        let file = SMLTestWriter.file([
            SMLTestWriter.message(tag: 0x0201, body: SMLTestWriter.list([SMLTestWriter.absent, SMLTestWriter.absent]))
        ])
        #expect(try SMLFile.read(file).messages.first?.body.list?.allSatisfy(\.isAbsent) == true)
    }

    @Test("malformed elements are errors: 9-byte integer, unknown type, list longer than the bytes")
    func malformedElements() {
        for element: [UInt8] in [
            [0x5A, 1, 2, 3, 4, 5, 6, 7, 8, 9],  // Integer with 9 data bytes
            [0x22, 0x00],  // type 010
            [0x7F],  // list of 15 elements with nothing behind it
            [0x83, 0x74],  // continuation byte with type bits
            [0x42, 0x01, 0x02],  // boolean of two bytes
        ] {
            let body = SMLTestWriter.list([element])
            let file = SMLTestWriter.file([SMLTestWriter.message(tag: 0x0201, body: body)])
            #expect(throws: SMLError.self, "\(Hex.encode(element))") { _ = try SMLFile.read(file) }
        }
    }

    @Test("no begin sequence, no end sequence, bytes after the end, an unknown escape")
    func frameErrors() throws {
        let good = try EDL40Fixtures.telegram("safe-edl-40-01")
        #expect(throws: SMLError.self) { _ = try SMLFile.read(Array(good.dropFirst(4))) }
        #expect(throws: SMLError.self) { _ = try SMLFile.read(Array(good.dropLast(8))) }
        #expect(throws: SMLError.self) { _ = try SMLFile.read(good + [0x00]) }
        var unknown = good
        unknown.replaceSubrange(8..<16, with: [0x1B, 0x1B, 0x1B, 0x1B, 0x02, 0x02, 0x02, 0x02])
        #expect(throws: SMLError.self) { _ = try SMLFile.read(unknown) }
    }

    @Test("every truncation of a real telegram is an error, never a crash")
    func truncations() throws {
        let bytes = try EDL40Fixtures.telegram("safe-emh-emoc-p256-begin")
        for length in 0..<bytes.count {
            #expect(throws: SMLError.self) { _ = try SMLFile.read(Array(bytes.prefix(length))) }
        }
    }

    @Test("every single-bit flip of a real telegram is caught by a checksum or a parse error")
    func bitFlips() throws {
        let bytes = try EDL40Fixtures.telegram("safe-edl-40-02")
        for index in bytes.indices {
            var copy = bytes
            copy[index] ^= 0x10
            #expect(throws: (any Error).self) { _ = try SMLFile.read(copy) }
        }
    }
}
