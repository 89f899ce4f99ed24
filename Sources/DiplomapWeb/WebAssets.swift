import DiplomapReport

/// The site's two static files, served under `/static/`: the stylesheet (the report's, plus the pages' own) and a small script.
public enum WebAssets {
    /// A static file: its content type and text.
    public struct Asset: Sendable, Equatable {
        public var contentType: String
        public var body: String
    }

    /// The file at `/static/{name}`, or `nil` for a name the site does not serve.
    public static func asset(named name: String) -> Asset? {
        switch name {
        case "diplomap.css": Asset(contentType: "text/css; charset=utf-8", body: stylesheet)
        case "diplomap.js": Asset(contentType: "text/javascript; charset=utf-8", body: script)
        default: nil
        }
    }

    /// The report's colours and layout, and the web pages' frame, forms and tables; a print layout without the controls.
    public static let stylesheet = ReportStyle.css + "\n" + EventTimeline.style + "\n" + AgreementChart.style + "\n" + """
    a{color:#174a7c}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #e8a317;outline-offset:2px}
    .skip{position:absolute;left:-999px;top:0;background:#fff;padding:.4rem .8rem;z-index:2}.skip:focus{left:1rem}
    .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    header.site{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem;border-bottom:2px solid #2166ac;padding-bottom:.5rem}
    .brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:#111}
    form.search{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem}form.search label{font-size:.9rem}
    form.search input{width:18rem;padding:.3rem .4rem;font:inherit}button{font:inherit;padding:.3rem .8rem;border:1px solid #174a7c;background:#2166ac;color:#fff;border-radius:3px;cursor:pointer}
    .layout{display:grid;grid-template-columns:13rem minmax(0,1fr);gap:1.2rem;align-items:start}
    .content h1{font-size:1.35rem}.content .meta,.content .lead{margin:.3rem 0}
    .heatmap td{min-width:2rem;padding:.1rem}.heatmap th.issue{height:6rem}
    .filters h2{margin-top:1rem;font-size:1.1rem}.filters .hint,.filters small{display:block;color:#444;font-size:.8rem}
    .filters fieldset{border:1px solid #ccc;margin:.6rem 0;padding:.3rem .6rem}.filters fieldset.domain{border:0;border-top:1px solid #ddd;margin:.3rem 0;padding:.2rem 0}
    .filters legend{font-weight:600}.filters .domain legend{font-size:.85rem;color:#333}
    .filters .field{margin:.4rem 0}.filters .field label{display:block;font-size:.9rem}.filters input:not([type=checkbox]){width:100%;box-sizing:border-box;padding:.25rem .3rem;font:inherit}
    .check{display:flex;gap:.35rem;align-items:baseline;font-size:.88rem}.actions{margin:.8rem 0;display:flex;gap:1rem;align-items:center}
    .lead{font-size:1.02rem}.empty-state{padding:.6rem .8rem;background:#fff8e5;border-left:4px solid #e8a317}
    .heatmap tbody th a{color:#111}
    .crumbs{margin:.6rem 0;font-size:.9rem}.scores th,.scores td,.rows th,.rows td{border:1px solid #ccc;padding:.25rem .45rem;font-size:.88rem;vertical-align:top}
    .scores thead th,.rows thead th{background:#eee}.scores tbody th,.rows tbody th{text-align:left;white-space:nowrap}.scores td.score{white-space:nowrap;text-align:center}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
    ul.inline{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .8rem}ul.inline a{text-decoration:none}
    .pager{margin:1rem 0;font-weight:600}.status{color:#666;font-weight:400}.error-message{font-size:1.05rem}
    .correction{max-width:32rem}.field-problem{display:block;color:#a40000;font-size:.85rem;margin-top:.2rem}.filters [aria-invalid=true]{border:2px solid #a40000}
    .changes td.num{text-align:right;white-space:nowrap}.changes ul{margin:.2rem 0;padding-left:1.1rem}.changes td p{margin:.2rem 0}
    form.changes-filter{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.6rem 0}form.changes-filter input{width:8rem;padding:.25rem .3rem;font:inherit}
    header.site nav a{margin-right:1rem}
    footer.site{margin-top:2rem;border-top:1px solid #ccc;color:#444;font-size:.85rem}
    @media (max-width:900px){.layout{grid-template-columns:1fr}}
    @media print{header.site form,.skip,aside,.filters,.pager,.crumbs,footer.site{display:none}.layout{display:block}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
    """

    /// Sends the filter form to the canonical address (lists comma-separated and sorted, defaults and empty fields left out),
    /// the same one the pages link to. Without it the form still works.
    public static let script = """
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
      var form = document.querySelector("form.filters");
      if (!form) { return; }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var data = new FormData(form);
        var defaults = { focus: form.dataset.defaultFocus, partners: form.dataset.defaultPartners };
        var params = [];
        ["focus", "partners", "issues", "kinds", "since", "until", "as-of", "window"].forEach(function (name) {
          var values = data.getAll(name).map(function (v) { return String(v).trim(); }).filter(function (v) { return v !== ""; });
          if (values.length === 0) { return; }
          if (name === "issues" || name === "kinds") { values.sort(); }
          var value = values.join(",");
          if (defaults[name] === value) { return; }
          params.push(name + "=" + encodeURIComponent(value).replace(/%2C/gi, ","));
        });
        window.location.assign(form.getAttribute("action") + (params.length ? "?" + params.join("&") : ""));
      });
    });

    """
}
