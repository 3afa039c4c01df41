import Foundation
import Testing

@testable import Eichrecht

@Suite("Crypto")
struct CryptoTests {
    /// One cache for the suite, as a verifier would hold it; some calls pass `nil` to cover the
    /// uncached path too.
    static let cache = KeyCache()

    /// A real P-256 record (KEBA KCP30, TPS test data) and its key.
    static func fromweb() throws -> (SignedRecord, PublicKey) {
        let record = try Paths.bytes(Paths.corpus.appendingPathComponent("ocmf-spec/ts-fromweb-0.ocmf.txt"))
        let key = String(
            decoding: try Paths.bytes(Paths.corpus.appendingPathComponent("ocmf-spec/ts-fromweb.pubkey.txt")),
            as: UTF8.self)
        return (try OCMFDecoder.decode(record[...]).1, try KeyInput(text: key).publicKey(for: .prime256v1).get())
    }

    @Test func verifiesAndRejects() throws {
        let (record, key) = try Self.fromweb()
        let signature = try #require(record.signature)
        let algorithm = try #require(record.algorithm)
        #expect(
            SignatureVerifier.verify(
                message: record.signedBytes, signature: signature, key: key, algorithm: algorithm, cache: Self.cache))
        // One flipped bit anywhere in the signed bytes breaks it.
        for index in stride(from: 0, to: record.signedBytes.count, by: 37) {
            var tampered = record.signedBytes
            tampered[index] ^= 0x01
            #expect(
                !SignatureVerifier.verify(
                    message: tampered, signature: signature, key: key, algorithm: algorithm, cache: Self.cache))
        }
        // Altered r or s.
        var r = signature.r
        r[r.count - 1] ^= 0x01
        #expect(
            !SignatureVerifier.verify(
                message: record.signedBytes, signature: ECDSASignature(r: r, s: signature.s, encoding: .der), key: key,
                algorithm: algorithm, cache: Self.cache))
        // r = 0 and oversized values never verify.
        #expect(
            !SignatureVerifier.verify(
                message: record.signedBytes, signature: ECDSASignature(r: [0], s: signature.s, encoding: .raw),
                key: key, algorithm: algorithm, cache: Self.cache))
        #expect(
            !SignatureVerifier.verify(
                message: record.signedBytes,
                signature: ECDSASignature(r: [1] + signature.r, s: signature.s, encoding: .raw), key: key,
                algorithm: algorithm, cache: Self.cache))
        // The algorithm's curve must be the key's.
        #expect(
            !SignatureVerifier.verify(
                message: record.signedBytes, signature: signature, key: key,
                algorithm: SignatureAlgorithm(curve: .secp256k1), cache: nil))
    }

    @Test func signatureEncodings() throws {
        let (record, key) = try Self.fromweb()
        let signature = try #require(record.signature)
        let algorithm = try #require(record.algorithm)
        let r = [UInt8](repeating: 0, count: 32 - signature.r.count) + signature.r
        let s = [UInt8](repeating: 0, count: 32 - signature.s.count) + signature.s
        let raw = try #require(ECDSASignature.parse(r + s, curve: .prime256v1))
        #expect(raw.encoding == .raw)
        #expect(
            SignatureVerifier.verify(
                message: record.signedBytes, signature: raw, key: key, algorithm: algorithm, cache: Self.cache))
        // Non-canonical DER: s with a superfluous leading zero.
        let nonCanonical = DER.encode(
            DER.sequence, DER.encodeUnsignedInteger(r) + DER.encode(DER.integer, [0, 0] + signature.s))
        let lenient = try #require(ECDSASignature.parse(nonCanonical, curve: .prime256v1))
        #expect(lenient.encoding == .nonCanonicalDER)
        #expect(
            SignatureVerifier.verify(
                message: record.signedBytes, signature: lenient, key: key, algorithm: algorithm, cache: Self.cache))
        #expect(ECDSASignature.parse([0x30, 0x03, 0x02, 0x01], curve: .prime256v1) == nil, "truncated DER")
        #expect(
            ECDSASignature.parse(Array(repeating: 1, count: 48), curve: .prime256v1) == nil,
            "48 bytes are not raw P-256")
        #expect(ECDSASignature.parse(nonCanonical + [0], curve: .prime256v1) == nil, "trailing bytes")
    }

    @Test func keyShapesAndErrors() throws {
        let (_, key) = try Self.fromweb()
        let x = Array(key.point[1...32])
        let y = Array(key.point[33...])
        let compressed = [UInt8(0x02 | (y.last ?? 0) & 1)] + x
        #expect(try PublicKey.parse(compressed, curve: .prime256v1).get() == key)
        #expect(try PublicKey.parse(x + y, curve: .prime256v1).get().shape == .rawXY)
        #expect(try PublicKey.parse(key.point, curve: .prime256v1).get().shape == .uncompressedPoint)
        #expect(try PublicKey.parse(key.spkiDER, curve: nil).get() == key)
        // Another curve named by the record.
        #expect(
            PublicKey.parse(key.spkiDER, curve: .secp256k1)
                == .failure(.curveMismatch(key: .prime256v1, expected: .secp256k1)))
        // A point off the curve.
        var off = key.point
        off[off.count - 1] ^= 0x01
        #expect(PublicKey.parse(off, curve: .prime256v1) == .failure(.pointNotOnCurve(.prime256v1)))
        // Wrong lengths.
        #expect(PublicKey.parse(Array(x.dropLast()), curve: .prime256v1) == .failure(.unrecognisedShape(byteCount: 31)))
        #expect(PublicKey.parse([0x30, 0x05, 0x01], curve: .prime256v1) == .failure(.malformedSPKI))
    }

    @Test func curveNames() {
        #expect(Curve(name: "brainpool256r1") == .brainpoolP256r1)
        #expect(Curve(name: "brainpoolP384r1") == .brainpoolP384r1)
        #expect(Curve(name: "SECP256R1") == .prime256v1)
        #expect(Curve(name: "P-192") == .prime192v1)
        #expect(Curve(name: "secp224k1") == nil)
        for curve in Curve.allCases {
            #expect(Curve(oidContent: curve.oidContent[...]) == curve)
        }
    }

    @Test func concurrentVerification() async throws {
        let (record, key) = try Self.fromweb()
        let signature = try #require(record.signature)
        let algorithm = try #require(record.algorithm)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    SignatureVerifier.verify(
                        message: record.signedBytes, signature: signature, key: key, algorithm: algorithm,
                        cache: Self.cache)
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }
}
