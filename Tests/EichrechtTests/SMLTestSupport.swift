import Foundation
import Testing

@testable import Eichrecht

/// Files of the EDL40-family tests and a small SML writer for hand-built telegrams.
enum EDL40Fixtures {
    /// Whether a record's signature verifies under `key` (ECDSA with SHA-256 on the key's curve).
    static func verifies(_ signed: SignedRecord, key: PublicKey) throws -> Bool {
        SignatureVerifier.verify(
            message: signed.signedBytes, signature: try #require(signed.signature), key: key,
            algorithm: SignatureAlgorithm(curve: key.curve), cache: nil)
    }

    /// Whether an EDL40-family record verifies under the P-192 key it embeds (Mennekes, EMH).
    static func verifiesWithEmbeddedKey(_ pair: (EDL40Record, SignedRecord)) throws -> Bool {
        try verifies(pair.1, key: try KeyInput(bytes: try #require(pair.0.publicKey)).publicKey(for: .prime192v1).get())
    }

    static let corpus = Paths.corpus
    static let generated = Paths.vectors.appendingPathComponent("generated-edl40")

    /// A bundled corpus file's bytes.
    static func corpusBytes(_ path: String) throws -> [UInt8] {
        try Paths.bytes(corpus.appendingPathComponent(path))
    }

    /// A `*.sml.hex` file of the bundled corpus as SML bytes (one trailing newline stripped).
    static func telegram(_ name: String) throws -> [UInt8] {
        let text = String(decoding: try corpusBytes("edl40-sml/\(name).sml.hex"), as: UTF8.self)
        return try #require(Hex.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    static func isaTelegram(_ name: String) throws -> [UInt8] {
        let text = String(decoding: try corpusBytes("isa-edl40/\(name).sml.hex"), as: UTF8.self)
        return try #require(Hex.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// A key file of the bundled corpus as key text.
    static func key(_ path: String) throws -> KeyInput {
        KeyInput(
            text: String(decoding: try corpusBytes(path), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines))
    }

    static func options(trusting key: KeyInput) -> VerificationOptions {
        var options = VerificationOptions()
        options.trustedKeys = TrustedKeys([.init(key: key)])
        return options
    }

    /// Verifies signed values (text, nature) as a bare SignedData.
    static func report(
        _ values: [(String, String)], encodingMethod: String? = nil, publicKey: String? = nil,
        options: VerificationOptions = VerificationOptions()
    ) -> Report {
        let signedData = SignedData(
            encodingMethod: encodingMethod, publicKey: publicKey,
            signedValues: values.map { SignedValue(nature: $0.1, plainData: nil, signedData: $0.0) })
        return Verifier(options: options).verify(signedData: signedData)
    }

    /// Decodes an SML telegram as the EDL40 decoder does.
    static func edl40(_ bytes: [UInt8]) throws(FormatError) -> (EDL40Record, SignedRecord) {
        try EDL40SMLDecoder.decode(bytes, context: DecodingContext.berlin)
    }
}

/// Writes SML (BSI TR-03109-1) for tests: elements, messages with checksums, and the transport
/// frame with escaping and padding. Deliberately independent of the reader it tests.
enum SMLTestWriter {
    static func typeLength(_ type: UInt8, _ length: Int, list: Bool = false) -> [UInt8] {
        var count = 1
        while (list ? length : length + count) >= 1 << (4 * count) { count += 1 }
        let total = list ? length : length + count
        return (0..<count).map { index in
            let nibble = UInt8((total >> (4 * (count - 1 - index))) & 0xF)
            let more: UInt8 = index < count - 1 ? 0x80 : 0
            return more | (index == 0 ? type << 4 : 0) | nibble
        }
    }

    static let absent: [UInt8] = [0x01]
    static func octets(_ bytes: [UInt8]) -> [UInt8] { typeLength(0, bytes.count) + bytes }
    static func unsigned(_ value: UInt64, width: Int) -> [UInt8] {
        typeLength(6, width) + (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }
    static func integer(_ value: Int64, width: Int) -> [UInt8] {
        typeLength(5, width)
            + (0..<width).reversed().map { UInt8(truncatingIfNeeded: UInt64(bitPattern: value) >> (8 * UInt64($0))) }
    }
    static func list(_ items: [[UInt8]]) -> [UInt8] { typeLength(7, items.count, list: true) + items.flatMap { $0 } }

    static func crc(_ bytes: [UInt8]) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x8408 : crc >> 1 }
        }
        return crc ^ 0xFFFF
    }

    /// One message: list(6){transaction id, group, abort, body list(2){tag, body}, crc, end}.
    static func message(tag: UInt16, body: [UInt8], transaction: [UInt8] = [0x01]) -> [UInt8] {
        let head =
            [0x76] + octets(transaction) + unsigned(0, width: 1) + unsigned(0, width: 1)
            + list([unsigned(UInt64(tag), width: 2), body])
        let checksum = crc(head)
        return head + [0x63, UInt8(checksum & 0xFF), UInt8(checksum >> 8), 0x00]
    }

    /// The transport frame: begin, messages escaped in 4-byte blocks and padded, end, checksum.
    static func file(_ messages: [[UInt8]]) -> [UInt8] {
        var payload = messages.flatMap { $0 }
        let padding = (4 - payload.count % 4) % 4
        payload += [UInt8](repeating: 0, count: padding)
        var body: [UInt8] = [0x1B, 0x1B, 0x1B, 0x1B, 0x01, 0x01, 0x01, 0x01]
        var index = 0
        while index < payload.count {
            let block = Array(payload[index..<(index + 4)])
            if block == [0x1B, 0x1B, 0x1B, 0x1B] { body += block }
            body += block
            index += 4
        }
        body += [0x1B, 0x1B, 0x1B, 0x1B, 0x1A, UInt8(padding)]
        let checksum = crc(body)
        return body + [UInt8(checksum & 0xFF), UInt8(checksum >> 8)]
    }

    /// A GetList.Res body with the given entries and list signature.
    static func getList(server: [UInt8], entries: [[UInt8]], signature: [UInt8]?) -> [UInt8] {
        list([
            absent, octets(server), octets([0x81, 0x80, 0x81, 0x71, 0x03, 0xFF]), absent, list(entries),
            signature.map(octets) ?? absent, absent,
        ])
    }

    static func entry(
        _ obis: [UInt8], value: [UInt8], status: [UInt8] = absent, time: [UInt8] = absent, unit: [UInt8] = absent,
        scaler: [UInt8] = absent
    ) -> [UInt8] {
        list([octets(obis), status, time, unit, scaler, value, absent])
    }
}
