import DiplomapCore

/// Colours for scores, on a blue–orange scale that readers with the common colour-vision deficiencies can tell apart.
///
/// Blue is cooperation, orange is conflict, grey is evidence that takes no
/// side. A cell's colour is as strong as its score and its confidence
/// together: a lone undated sentence stays pale whatever its sign. Within
/// `neutralBand` of zero a score shows no sign; outside it every cell also
/// carries its signed score, so the colour is never the only cue.
public enum ScoreColor {
    private static let white = (r: 247.0, g: 247.0, b: 247.0)
    private static let blue = (r: 33.0, g: 102.0, b: 172.0)
    private static let orange = (r: 179.0, g: 88.0, b: 6.0)
    /// The background of a cell whose evidence takes no side.
    public static let neutral = "#d9d9d9"
    /// Scores closer to zero than this take no side: grey, with no sign.
    public static let neutralBand = 0.15
    /// The most intensity a cell resting on undated evidence only, or on one piece, can show.
    public static let unconfirmedCeiling = 0.45

    /// How strongly a score with this confidence is coloured, in [0, 1]: 0 inside the neutral band, 1 for a certain ±1.
    public static func intensity(score: Double, confidence: Double) -> Double {
        guard abs(score) >= neutralBand else { return 0 }
        return min(1, abs(score)) * (0.3 + 0.7 * max(0, min(1, confidence)))
    }

    /// The intensity of a cell: its score and confidence, capped for a cell resting on one piece or on undated evidence only.
    public static func intensity(_ cell: RelationCell) -> Double {
        let value = intensity(score: cell.score, confidence: cell.confidence)
        return isUnconfirmed(cell) ? min(value, unconfirmedCeiling) : value
    }

    /// Whether a cell rests on a single piece of evidence or on undated evidence only: pale and marked.
    public static func isUnconfirmed(_ cell: RelationCell) -> Bool {
        cell.isThin
    }

    /// The background for a score at a given intensity (see `intensity`).
    public static func background(score: Double, intensity: Double) -> String {
        guard abs(score) >= neutralBand, intensity > 0 else { return neutral }
        let end = score > 0 ? blue : orange
        let t = 0.12 + 0.88 * min(1, intensity)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return hex(channel(white.r, end.r), channel(white.g, end.g), channel(white.b, end.b))
    }

    /// The background of a cell resting on UN votes alone: voting alignment is not on the cooperation–conflict scale.
    public static let votes = "#ebe8f0"

    /// The background of a cell, from its score, its confidence and what it rests on; a cell of UN votes alone is never blue or orange.
    public static func background(_ cell: RelationCell) -> String {
        cell.basis == .votes ? votes : background(score: cell.score, intensity: intensity(cell))
    }

    /// The background for a score held with full confidence (lines of the maps, legends).
    public static func background(score: Double) -> String { background(score: score, intensity: abs(score)) }

    /// Text colour that stays readable on a background of this intensity.
    public static func foreground(intensity: Double) -> String { intensity > 0.55 ? "#ffffff" : "#111111" }

    /// Text colour that stays readable on `background(score:)`.
    public static func foreground(score: Double) -> String { foreground(intensity: abs(score) >= neutralBand ? abs(score) : 0) }

    /// The sign shown for a score: + cooperation, − conflict, none within the neutral band.
    public static func sign(score: Double) -> String {
        if score >= neutralBand { return "+" }
        if score <= -neutralBand { return "−" }
        return ""
    }

    /// A score as a cell shows it: "+.42", "−1", and "0" within the neutral band, which has no sign.
    public static func label(score: Double) -> String {
        guard abs(score) >= neutralBand else { return "0" }
        let hundredths = Int((abs(score) * 100).rounded())
        let digits = hundredths >= 100 ? "1" : "." + (hundredths < 10 ? "0" : "") + String(hundredths)
        return sign(score: score) + digits
    }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        "#" + [r, g, b].map { value in
            let text = String(value, radix: 16)
            return value < 16 ? "0" + text : text
        }.joined()
    }
}
