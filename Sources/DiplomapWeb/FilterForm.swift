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
        <input id="focus" name="focus" list="sides" value="\(HTML.escape(request.focus))" aria-describedby="focus-hint">
        <small id="focus-hint">A group such as C5, or states, comma-separated.</small></div>
        <div class="field"><label for="partners">Partners</label>
        <input id="partners" name="partners" value="\(HTML.escape(request.partners))" aria-describedby="partners-hint">
        <small id="partners-hint">Codes or names, comma-separated, e.g. IND, JPN, KOR.</small></div>
        <datalist id="sides">\(names)</datalist>
        <fieldset class="issues"><legend>Issues</legend><small>None ticked: every issue.</small>\(issues.joined())</fieldset>
        <fieldset class="kinds"><legend>Kinds of source</legend><small>None ticked: every kind.</small>\(kinds.joined())</fieldset>
        <fieldset class="dates"><legend>Period</legend><small>Dates as YYYY, YYYY-MM or YYYY-MM-DD.</small>
        \(date("since", "Dated since", request.window.since))\(date("until", "Dated until", request.window.until))\(date("as-of", "In force on", request.window.asOf))
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

    private func date(_ name: String, _ label: String, _ value: PartialDate?) -> String {
        "<div class=\"field\"><label for=\"\(name)\">\(label)</label><input id=\"\(name)\" name=\"\(name)\" inputmode=\"numeric\" "
            + "pattern=\"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\" placeholder=\"YYYY-MM-DD\" value=\"\(value.map { HTML.escape($0.description) } ?? "")\"></div>"
    }
}
