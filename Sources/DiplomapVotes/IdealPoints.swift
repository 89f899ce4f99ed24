import Foundation

/// One state's estimated position in one session on the single dimension that best explains its votes.
public struct IdealPoint: Sendable, Hashable, Codable {
    public var iso3: String
    public var session: Int
    public var year: Int { RollCall.year(ofSession: session) }
    /// The posterior mode; positive is the side of the United States.
    public var value: Double
    /// An approximate standard error: the posterior curvature at the mode, holding the roll-call parameters fixed.
    public var standardError: Double
    /// The roll calls that entered the estimate for this state.
    public var votes: Int
}

/// Estimates one-dimensional ideal points per session with an EM algorithm for the binary probit IRT model.
///
/// The model (Clinton, Jackman and Rivers 2004) is P(yes) = Φ(αⱼ + βⱼ·xᵢ) for
/// state i and roll call j, with priors xᵢ ~ N(0, 1) and αⱼ, βⱼ ~ N(0, 25).
/// The EM algorithm follows Imai, K., Lo, J. & Olmsted, J. (2016) "Fast
/// Estimation of Ideal Points with Massive Data", American Political Science
/// Review 110(4): 631–656 (the `binIRT` model of their emIRT package): the
/// E-step takes the expected latent utility of each observed vote (a
/// truncated normal mean); the M-step updates the states' points given the
/// roll-call parameters, then the roll-call parameters given the points, each
/// a ridge regression. It stops when the points of two iterations correlate
/// above 1 − `tolerance`. Votes are binary: yes against no, with an abstention
/// counted as not yes (the default) or as missing. Roll calls on which every
/// voting state chose the same are left out; they carry no information. The
/// sign is fixed so that the United States is positive.
public struct IdealPointEstimator: Sendable {
    /// How an abstention enters the binary model.
    public enum Abstention: String, Sendable, CaseIterable {
        /// As a vote against: the assembly's majority votes yes, and abstaining is a way of not joining it.
        case asNo = "no"
        /// As no vote at all.
        case missing
    }

    public var abstention: Abstention = .asNo
    /// Stops when 1 − corr(x_old, x_new) falls below this (emIRT's default threshold).
    public var tolerance = 1e-6
    public var maxIterations = 1_000
    /// The state whose point is made positive.
    public var anchor = "USA"

    public init(abstention: Abstention = .asNo) {
        self.abstention = abstention
    }

    /// The ideal points of every state present in `session`, in the order of `data.states`.
    public func estimate(_ data: VoteData, session: Int) -> [IdealPoint] {
        let states = data.statesPresent(in: session)
        let calls = Array(data.rollCalls(in: session).indices)
        // y[i][j]: 1 yes, 0 against, -1 missing.
        var columns: [[Int8]] = []
        for call in calls {
            let column = states.map { state -> Int8 in
                switch data.choice(state: state, rollCall: call) {
                case .yes: 1
                case .no: 0
                case .abstain: abstention == .asNo ? 0 : -1
                case .absent: -1
                }
            }
            if column.contains(0) && column.contains(1) { columns.append(column) }
        }
        let voters = states.indices.filter { i in columns.contains { $0[i] >= 0 } }
        guard voters.count >= 2, !columns.isEmpty else { return [] }
        let y = columns.map { column in voters.map { column[$0] } }
        let codes = voters.map { data.states[states[$0]] }
        let fit = fit(y, start: startingPoints(y, codes: codes))
        let sign: Double = codes.firstIndex(of: anchor).map { fit.x[$0] < 0 ? -1 : 1 } ?? 1
        return codes.indices.map { i in
            IdealPoint(iso3: codes[i], session: session, value: sign * fit.x[i], standardError: fit.se[i], votes: y.reduce(0) { $0 + ($1[i] >= 0 ? 1 : 0) })
        }
    }

    /// The ideal points of every session, estimated in parallel, ordered by session then state.
    public func estimateAll(_ data: VoteData) async -> [IdealPoint] {
        await withTaskGroup(of: (Int, [IdealPoint]).self) { group in
            for session in data.sessions {
                group.addTask { (session, self.estimate(data, session: session)) }
            }
            var bySession: [Int: [IdealPoint]] = [:]
            for await (session, points) in group { bySession[session] = points }
            return data.sessions.flatMap { bySession[$0] ?? [] }
        }
    }

    /// Starting points: the standardised share of votes on which each state sided with the anchor (or voted yes, without it).
    private func startingPoints(_ y: [[Int8]], codes: [String]) -> [Double] {
        let anchor = codes.firstIndex(of: anchor)
        var raw = codes.indices.map { i -> Double in
            var same = 0.0, total = 0.0
            for column in y where column[i] >= 0 {
                let reference = anchor.map { column[$0] } ?? 1
                guard reference >= 0 else { continue }
                total += 1
                if column[i] == reference { same += 1 }
            }
            return total > 0 ? same / total : 0.5
        }
        let mean = raw.reduce(0, +) / Double(raw.count)
        let sd = (raw.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(raw.count)).squareRoot()
        raw = raw.map { sd > 0 ? ($0 - mean) / sd : 0 }
        return raw
    }

    /// Runs EM on the vote matrix `y[j][i]` (roll call j, state i) from the starting points `x`.
    private func fit(_ y: [[Int8]], start: [Double]) -> (x: [Double], se: [Double]) {
        let n = start.count, m = y.count
        let priorX = 1.0, priorItem = 1.0 / 25
        var x = start
        var alpha = [Double](repeating: 0, count: m), beta = [Double](repeating: 0, count: m)
        var latent = [Double](repeating: 0, count: n * m)
        // First item step from utilities of ±0.8, so the E-step has parameters to start with.
        for j in 0..<m {
            for i in 0..<n where y[j][i] >= 0 { latent[j * n + i] = y[j][i] == 1 ? 0.8 : -0.8 }
        }
        updateItems(y, x, latent, &alpha, &beta, priorItem)
        for _ in 0..<maxIterations {
            // E-step: the mean of the latent utility given the vote, a truncated normal.
            for j in 0..<m {
                for i in 0..<n where y[j][i] >= 0 {
                    let mu = alpha[j] + beta[j] * x[i]
                    latent[j * n + i] = y[j][i] == 1 ? mu + Self.millsUpper(mu) : mu - Self.millsUpper(-mu)
                }
            }
            // M-step, points given the items: x_i = Σ β (y* − α) / (1/σ² + Σ β²).
            let previous = x
            for i in 0..<n {
                var numerator = 0.0, denominator = 1 / priorX
                for j in 0..<m where y[j][i] >= 0 {
                    numerator += beta[j] * (latent[j * n + i] - alpha[j])
                    denominator += beta[j] * beta[j]
                }
                x[i] = numerator / denominator
            }
            updateItems(y, x, latent, &alpha, &beta, priorItem)
            if 1 - Self.correlation(previous, x) < tolerance { break }
        }
        let se = (0..<n).map { i -> Double in
            var information = 1 / priorX
            for j in 0..<m where y[j][i] >= 0 {
                let mu = alpha[j] + beta[j] * x[i]
                let p = Self.normalCDF(mu), density = Self.normalPDF(mu)
                if p > 0 && p < 1 { information += beta[j] * beta[j] * density * density / (p * (1 - p)) }
            }
            return 1 / information.squareRoot()
        }
        return (x, se)
    }

    /// M-step for the roll calls: (α, β) = (Σ₀⁻¹ + X̃ᵀX̃)⁻¹ X̃ᵀ y*, with X̃ = [1, x] over the states that voted.
    private func updateItems(_ y: [[Int8]], _ x: [Double], _ latent: [Double], _ alpha: inout [Double], _ beta: inout [Double], _ prior: Double) {
        let n = x.count
        for j in 0..<y.count {
            var s1 = prior, sx = 0.0, sxx = prior, sy = 0.0, sxy = 0.0
            for i in 0..<n where y[j][i] >= 0 {
                let value = latent[j * n + i]
                s1 += 1; sx += x[i]; sxx += x[i] * x[i]; sy += value; sxy += x[i] * value
            }
            let determinant = s1 * sxx - sx * sx
            alpha[j] = (sxx * sy - sx * sxy) / determinant
            beta[j] = (s1 * sxy - sx * sy) / determinant
        }
    }

    /// φ(μ) / Φ(μ), the inverse Mills ratio, stable far in the lower tail.
    static func millsUpper(_ mu: Double) -> Double {
        if mu < -30 { return -mu - 1 / mu }
        return normalPDF(mu) / normalCDF(mu)
    }

    static func normalPDF(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }

    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (u, v) in zip(a, b) { sab += (u - ma) * (v - mb); saa += (u - ma) * (u - ma); sbb += (v - mb) * (v - mb) }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 1
    }
}
