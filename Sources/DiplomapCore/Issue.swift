/// The six domains that group the issues of the taxonomy.
public enum Domain: String, Sendable, Codable, CaseIterable {
    case security, political, territory, resources, economy, society

    /// A label for people.
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The 16 issue codes of the annotation contract: every source maps onto them.
public enum Issue: String, Sendable, Codable, CaseIterable, Comparable {
    case terrorism = "security.terrorism"
    case narcotics = "security.narcotics"
    case afghanistan = "security.afghanistan"
    case defense = "security.defense"
    case nonproliferation = "security.nonproliferation"
    case multilateral = "political.multilateral"
    case dialogue = "political.dialogue"
    case sovereignty = "political.sovereignty"
    case borders = "territory.borders"
    case energy = "resources.energy"
    case water = "resources.water"
    case trade = "economy.trade"
    case investment = "economy.investment"
    case development = "economy.development"
    case connectivity = "economy.connectivity"
    case culture = "society.culture"

    /// The code as written in files and on the command line, e.g. `security.terrorism`.
    public var code: String { rawValue }

    /// The domain, the part of the code before the dot.
    public var domain: Domain {
        Domain(rawValue: String(rawValue.prefix { $0 != "." }))!
    }

    /// A short label for tables and report headers.
    public var label: String {
        switch self {
        case .terrorism: "Terrorism"
        case .narcotics: "Narcotics"
        case .afghanistan: "Afghanistan"
        case .defense: "Defence"
        case .nonproliferation: "Non-proliferation"
        case .multilateral: "Multilateral"
        case .dialogue: "Dialogue"
        case .sovereignty: "Sovereignty"
        case .borders: "Borders"
        case .energy: "Energy"
        case .water: "Water"
        case .trade: "Trade"
        case .investment: "Investment"
        case .development: "Development"
        case .connectivity: "Connectivity"
        case .culture: "Culture"
        }
    }

    /// What the issue covers, as the annotation contract defines it.
    public var summary: String {
        switch self {
        case .terrorism: "terrorism, violent extremism, radicalisation"
        case .narcotics: "drug trafficking, narcotics"
        case .afghanistan: "Afghanistan's stability, reconstruction and transit as a driver of relations"
        case .defense: "military and defence cooperation, arms, exercises, alliances, border forces"
        case .nonproliferation: "nuclear weapons and programmes, nuclear-weapon-free zones, arms control"
        case .multilateral: "UN seats and votes, international organisations, accession, multilateral forums"
        case .dialogue: "high-level visits, summits, strategic partnerships, consultations, diplomatic ties"
        case .sovereignty: "sovereignty, independence, influence, balancing one power against another"
        case .borders: "territorial boundaries, border delimitation and border disputes"
        case .energy: "oil, gas, uranium, pipelines, electricity, mining, natural resources"
        case .water: "rivers, water sharing, dams and irrigation"
        case .trade: "trade, trade agreements, tariffs, customs, sanctions"
        case .investment: "investment, business engagement, companies, joint ventures"
        case .development: "aid, development finance, loans, grants"
        case .connectivity: "transport corridors, logistics, railways, roads, ports, infrastructure"
        case .culture: "cultural and educational exchange, language, tourism, people-to-people ties"
        }
    }

    /// Parses a code, accepting any letter case; `nil` for an unknown code.
    public init?(code: String) {
        self.init(rawValue: code.lowercased())
    }

    /// Orders issues as the taxonomy lists them.
    public static func < (lhs: Issue, rhs: Issue) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Whether a piece of evidence shows the two sides working together, at odds, or only related.
public enum Polarity: String, Sendable, Codable, CaseIterable {
    case cooperation, conflict, neutral

    /// The sign this polarity gives a score: +1, -1 or 0.
    public var sign: Double {
        switch self {
        case .cooperation: 1
        case .conflict: -1
        case .neutral: 0
        }
    }
}
