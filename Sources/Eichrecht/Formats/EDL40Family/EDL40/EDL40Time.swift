import Foundation

/// Times of the EDL40 family as `SignedTime` values.
///
/// The signed block holds local wall-clock time counted in seconds since 1970, without the offset.
/// Containers that also carry the offset (SML local timestamps, Mennekes ISO times, chargeIT
/// `timestampLocal`) give the UTC instant directly; a bare block needs the meter's time zone.
/// Meters without a set clock count seconds since power-up: such small numbers are not times at all
/// and get clock quality `unknown`, so no time check compares them.
enum EDL40Time {
    /// 2000-01-01T00:00:00Z. No EDL40 meter signed before it; a smaller "time" is a counter since
    /// power-up (the S.A.F.E. samples carry 777 s and 1 995 487 s).
    static let earliestClock: Int64 = 946_684_800
    /// The value meters write when the clock was never set.
    static let unsetValue: Int64 = 0xFFFF_FFFF

    /// 3000-01-01T00:00:00Z: a later value is a corrupt field, not a time.
    static let latestClock: Int64 = 32_503_680_000

    static func isClockSet(_ seconds: Int64) -> Bool {
        seconds >= earliestClock && seconds < latestClock && seconds != unsetValue
    }

    /// A value that is not a clock reading: the number as written, with clock quality `unknown`
    /// (reports say in words that the clock was not set).
    static func unset(_ seconds: Int64, written: String) -> SignedTime {
        let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return SignedTime(
            epochMilliseconds: overflow ? 0 : milliseconds, utcOffsetSeconds: nil, clock: .unknown,
            text: written)
    }

    /// A UTC instant with the offset the meter wrote next to it.
    static func utc(_ seconds: Int64, offsetSeconds: Int) -> SignedTime {
        guard isClockSet(seconds) else { return unset(seconds, written: String(seconds)) }
        return SignedTime(
            epochMilliseconds: seconds * 1000, utcOffsetSeconds: offsetSeconds, clock: .informative,
            text: CivilTime.iso8601(epochMilliseconds: seconds * 1000, offsetSeconds: offsetSeconds))
    }

    /// A local epoch converted to UTC in `zone`, and a note when the wall-clock time is ambiguous
    /// (it occurs twice when daylight saving time ends; the earlier instant is taken) or does not
    /// exist (it falls into the hour skipped when daylight saving time starts; read with the offset
    /// in force before the change).
    static func local(_ localSeconds: Int64, zone: TimeZone) -> (time: SignedTime, note: Deviation?) {
        guard isClockSet(localSeconds) else { return (unset(localSeconds, written: String(localSeconds)), nil) }
        let (utc, offset, note) = utcInstant(ofLocal: localSeconds, zone: zone)
        return (
            SignedTime(
                epochMilliseconds: utc * 1000, utcOffsetSeconds: offset, clock: .informative,
                text: CivilTime.iso8601(epochMilliseconds: utc * 1000, offsetSeconds: offset)), note
        )
    }

    /// Solves `utc + offset(utc) = local` for the zone's rules around that day.
    static func utcInstant(ofLocal local: Int64, zone: TimeZone) -> (utc: Int64, offset: Int, note: Deviation?) {
        func offset(at seconds: Int64) -> Int {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        var offsets: [Int] = []
        for probe in [local - 86_400, local, local + 86_400] where !offsets.contains(offset(at: probe)) {
            offsets.append(offset(at: probe))
        }
        let solutions = offsets.map { (local - Int64($0), $0) }.filter { offset(at: $0.0) == $0.1 }.sorted {
            $0.0 < $1.0
        }
        let wall = String(CivilTime.iso8601(epochMilliseconds: local * 1000, offsetSeconds: 0).dropLast())
        let zoneName = zone.identifier
        if let first = solutions.first {
            let note: Deviation? = solutions.count > 1 ? .localTimeTwice(wallClock: wall, zone: zoneName) : nil
            return (first.0, first.1, note)
        }
        let before = offset(at: local - 86_400)
        return (
            local - Int64(before), before,
            .localTimeSkipped(wallClock: wall, zone: zoneName)
        )
    }
}

extension EDL40Time {
    /// An SML time as an instant. A local timestamp carries its offsets, so it needs no zone; a
    /// plain timestamp is the meter's local wall clock (it is copied into the block as it is, and
    /// the block holds local time), so it is converted in `zone`; a seconds index is a counter.
    static func sml(_ time: SMLTime, zone: TimeZone) -> (time: SignedTime, note: Deviation?) {
        switch time {
        case .secondsIndex(let value):
            return (unset(Int64(clamping: value), written: time.text), nil)
        case .timestamp(let value):
            return local(Int64(clamping: value), zone: zone)
        case .localTimestamp(let timestamp, let offset, let season):
            // Offsets are input: checked before any multiplication (Int64.max / 2 minutes would trap).
            let minutes = offset.addingReportingOverflow(season)
            let inRange = !minutes.overflow && (-18 * 60...18 * 60).contains(minutes.partialValue)
            let seconds = inRange ? Int(minutes.partialValue) * 60 : 0
            guard inRange else {
                return (
                    unset(Int64(clamping: timestamp), written: time.text),
                    .smlOffsetsNotUTCOffset(offset: Int64(offset), season: Int64(season))
                )
            }
            return (utc(Int64(clamping: timestamp), offsetSeconds: seconds), nil)
        }
    }
}
