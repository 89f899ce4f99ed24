/// Colours for scores, on a blue–orange scale that readers with the common colour-vision deficiencies can tell apart.
///
/// Blue is cooperation, orange is conflict, grey is evidence that takes no side;
/// every cell also carries a sign, so the colour is never the only cue.
public enum ScoreColor {
    private static let white = (r: 247.0, g: 247.0, b: 247.0)
    private static let blue = (r: 33.0, g: 102.0, b: 172.0)
    private static let orange = (r: 179.0, g: 88.0, b: 6.0)
    /// The background of a cell whose evidence takes no side.
    public static let neutral = "#d9d9d9"

    /// The background for a cell with evidence and the given score in [-1, 1].
    public static func background(score: Double) -> String {
        guard abs(score) >= 0.05 else { return neutral }
        let end = score > 0 ? blue : orange
        let t = 0.35 + 0.65 * min(1, abs(score))
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return hex(channel(white.r, end.r), channel(white.g, end.g), channel(white.b, end.b))
    }

    /// Text colour that stays readable on `background(score:)`.
    public static func foreground(score: Double) -> String { abs(score) > 0.55 ? "#ffffff" : "#111111" }

    /// The sign shown in a cell: + cooperation, − conflict, ± mixed or neutral.
    public static func sign(score: Double) -> String {
        if score >= 0.05 { return "+" }
        if score <= -0.05 { return "−" }
        return "±"
    }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        "#" + [r, g, b].map { value in
            let text = String(value, radix: 16)
            return value < 16 ? "0" + text : text
        }.joined()
    }
}
