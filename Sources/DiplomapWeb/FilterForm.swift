import DiplomapCore
import DiplomapReport
import DiplomapWorkspace

/// The map's filters as a GET form, so that the address it leads to is the shareable URL of the view.
///
/// Without script a ticked box is sent as a repeated parameter (`issues=a&issues=b`), which
/// `WebQuery.parameters` joins; with script the form goes to the canonical comma-separated address.
struct FilterForm {
    var request: MapRequest
    var registry: CountryRegistry
    /// A filter that could not be read, shown at its field with the text as it was typed.
    var problem: FilterProblem?

    func render() -> String {
        let issues = Domain.allCases.map { domain in
            let boxes = Issue.allCases.filter { $0.domain == domain }.map { issue in
                checkbox(name: "issues", value: issue.code, label: issue.label, checked: request.issues?.contains(issue) ?? false, hint: issue.summary)
            }
            return "<fieldset class=\"domain\"><legend>\(HTML.escape(domain.label))</legend>\(boxes.joined())</fieldset>"
        }
        let kinds = SourceKind.allCases.map { kind in
            checkbox(name: "kinds", value: kind.rawValue, label: Self.kindLabel(kind), checked: request.kinds?.contains(kind) ?? false, hint: nil)
        }
        let names = (registry.groups.map { ($0.code, $0.name) } + registry.countries.filter { $0.status != .historical }.map { ($0.iso3, $0.shortName) })
            .map { "<option value=\"\(HTML.escape($0.0))\">\(HTML.escape($0.1))</option>" }.joined()
        return """
        <form class="filters" method="get" action="/" data-default-focus="\(HTML.escape(MapRequest.defaultFocus))" data-default-partners="\(HTML.escape(MapRequest.defaultPartners))">
        <h2 id="filters-title">Filters</h2>
        <p class="hint">Every filter becomes part of the page's address: copy it to share this view.</p>
        <div class="field"><label for="focus">Focus group or states</label>
        <input id="focus" name="focus" list="sides" value="\(HTML.escape(typed("focus") ?? request.focus))"\(described("focus"))>
        <small id="focus-hint">A group such as C5, or states, comma-separated.</small>\(problemNote("focus"))</div>
        <div class="field"><label for="partners">Partners</label>
        <input id="partners" name="partners" value="\(HTML.escape(typed("partners") ?? request.partners))"\(described("partners"))>
        <small id="partners-hint">Codes or names, comma-separated, e.g. IND, JPN, KOR.</small>\(problemNote("partners"))</div>
        <datalist id="sides">\(names)</datalist>
        <fieldset class="issues"><legend>Issues</legend><small>None ticked: every issue.</small>\(problemNote("issues"))\(issues.joined())</fieldset>
        <fieldset class="kinds"><legend>Kinds of source</legend><small>None ticked: every kind.</small>\(problemNote("kinds"))\(kinds.joined())</fieldset>
        <fieldset class="dates"><legend>Period</legend><small>Dates as YYYY, YYYY-MM or YYYY-MM-DD.</small>
        \(date("since", "Dated since", request.window.since))\(date("until", "Dated until", request.window.until))\(date("as-of", "In force on", request.window.asOf))\(lookBack)
        </fieldset>
        <div class="actions"><button type="submit">Apply filters</button> <a href="/">Reset</a></div>
        </form>
        """
    }

    /// How a kind of source is named for people.
    static func kindLabel(_ kind: SourceKind) -> String {
        switch kind {
        case .fact: "Cited facts"
        case .document: "Documents"
        case .event: "Events"
        case .vote: "UN votes"
        }
    }

    private func checkbox(name: String, value: String, label: String, checked: Bool, hint: String?) -> String {
        let id = "\(name)-\(value)".replacingOccurrences(of: ".", with: "-")
        let title = hint.map { " title=\"\(HTML.escape($0))\"" } ?? ""
        return "<div class=\"check\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(name)\" value=\"\(HTML.escape(value))\"\(checked ? " checked" : "")>"
            + "<label for=\"\(id)\"\(title)>\(HTML.escape(label))</label></div>"
    }

    /// The look-back of "in force on": years before that day that visits, sentences, events and votes still count.
    private var lookBack: String {
        let text = typed("window") ?? (request.window.lookBack == TimeWindow.defaultLookBack ? "" : String(request.window.lookBack))
        return "<div class=\"field\"><label for=\"window\">Look-back (years)</label><input id=\"window\" name=\"window\" inputmode=\"numeric\" "
            + "pattern=\"[0-9]{1,3}\" placeholder=\"\(TimeWindow.defaultLookBack)\" value=\"\(HTML.escape(text))\"\(described("window", hint: false))>"
            + "<small>With \"in force on\": how far back visits, sentences, events and vote sessions still count.</small>\(problemNote("window"))</div>"
    }

    private func date(_ name: String, _ label: String, _ value: PartialDate?) -> String {
        let text = typed(name) ?? value?.description ?? ""
        return "<div class=\"field\"><label for=\"\(name)\">\(label)</label><input id=\"\(name)\" name=\"\(name)\" inputmode=\"numeric\" "
            + "pattern=\"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\" placeholder=\"YYYY-MM-DD\" value=\"\(HTML.escape(text))\"\(described(name, hint: false))>\(problemNote(name))</div>"
    }

    /// The text typed into `field` when it is the one at fault.
    private func typed(_ field: String) -> String? {
        problem?.parameter == field ? problem?.typed : nil
    }

    /// The field's `aria-describedby` (its hint, and the problem when it is at fault) and `aria-invalid`.
    private func described(_ field: String, hint: Bool = true) -> String {
        let ids = (hint ? ["\(field)-hint"] : []) + (problem?.parameter == field ? ["\(field)-problem"] : [])
        return (ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\"") + (problem?.parameter == field ? " aria-invalid=\"true\"" : "")
    }

    /// What is wrong with `field`, beside it, when it is the one at fault.
    private func problemNote(_ field: String) -> String {
        guard let problem, problem.parameter == field else { return "" }
        return "<strong class=\"field-problem\" id=\"\(field)-problem\">\(HTML.escape(problem.message))</strong>"
    }
}

/// A filter the site could not read: which parameter, why, and what was typed, so that the form can show it to be corrected.
struct FilterProblem {
    var parameter: String
    var message: String
    var typed: String
}
