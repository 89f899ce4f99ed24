/// Positions in `allCases` without `allCases`, which makes a new array on every call, nor a hash
/// table, which would hash the code's string: the map and the document mapper index arrays by them.
extension Issue {
    public static let count = allCases.count

    /// The issue's position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .terrorism: 0
        case .narcotics: 1
        case .afghanistan: 2
        case .defense: 3
        case .nonproliferation: 4
        case .multilateral: 5
        case .dialogue: 6
        case .sovereignty: 7
        case .borders: 8
        case .energy: 9
        case .water: 10
        case .trade: 11
        case .investment: 12
        case .development: 13
        case .connectivity: 14
        case .culture: 15
        }
    }
}

extension SourceKind {
    /// The kind's position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .fact: 0
        case .document: 1
        case .event: 2
        case .vote: 3
        }
    }
}

extension Polarity {
    /// The polarity's position in `allCases`: cooperation 0, conflict 1, neutral 2.
    public var ordinal: Int {
        switch self {
        case .cooperation: 0
        case .conflict: 1
        case .neutral: 2
        }
    }
}
