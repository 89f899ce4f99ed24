/// UN General Assembly vote agreement of one pair, year by year.
public struct AgreementSeries: Sendable, Hashable {
    public var focus: String
    public var partner: String
    /// (year, Voeten agreement in [0, 1], common votes), in year order.
    public var points: [Point]

    /// One year of the series.
    public struct Point: Sendable, Hashable {
        public var year: Int
        public var agreement: Double
        public var votes: Int

        public init(year: Int, agreement: Double, votes: Int) {
            self.year = year
            self.agreement = agreement
            self.votes = votes
        }
    }

    public init(focus: String, partner: String, points: [Point]) {
        self.focus = focus
        self.partner = partner
        self.points = points
    }
}
