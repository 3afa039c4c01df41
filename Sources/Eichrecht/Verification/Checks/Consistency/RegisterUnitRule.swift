/// One register, one unit: a meter does not switch from Wh to kWh (or to a non-energy unit) within
/// a session.
struct RegisterUnitRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        session.registers.compactMap { register in
            if register.mixesEnergyUnits { return .fail(.registerMixesEnergyUnits(register: register.register)) }
            let units = register.units
            if units.count > 1 { return .fail(.registerChangesUnit(register: register.register, units: units)) }
            return nil
        }
    }
}

extension RegisterReadings {
    /// Whether some readings with a value are in an energy unit and others are not.
    var mixesEnergyUnits: Bool { Set(readings.filter { $0.value != nil }.map { $0.kWhFactor != nil }).count > 1 }

    /// The units the readings write, in order of first appearance.
    var units: [String] {
        var units: [String] = []
        for unit in readings.compactMap(\.unit) where !units.contains(unit) { units.append(unit) }
        return units
    }

    /// Whether the readings keep one unit (`RegisterUnitRule` reports those that do not).
    var hasOneUnit: Bool { !mixesEnergyUnits && units.count <= 1 }
}
