/// The report's stylesheet: readable at 1280×800, colour-blind-safe colours, and a print layout.
public enum ReportStyle {
    /// The stylesheet's text.
    public static let css = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1280px;padding:1rem 1.5rem;color:#111}
    h1{font-size:1.5rem;margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #ccc}h3{margin-bottom:.3rem}h4{margin:.6rem 0 .2rem}
    nav{margin:.4rem 0}.meta,.note{color:#444}.note{font-size:.9rem}
    .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}.swatch{display:inline-block;width:1.6em;text-align:center;border:1px solid #999}
    .scroll{overflow-x:auto}table{border-collapse:collapse}
    .heatmap th,.heatmap td{border:1px solid #fff;padding:.1rem .2rem;font-size:.8rem}
    .heatmap thead th{background:#eee;font-weight:600}.heatmap th.issue{height:6.5rem;vertical-align:bottom;white-space:nowrap}
    .heatmap th.issue span{writing-mode:vertical-rl;transform:rotate(180deg)}
    .heatmap tbody th{text-align:left;white-space:nowrap;background:#f4f4f4}.heatmap tr.group th{font-weight:700;border-top:2px solid #888}
    .heatmap td{min-width:2.4rem;text-align:center}.heatmap td.empty{background:#fafafa}.heatmap td a{color:inherit;text-decoration:none;display:block}
    svg{max-width:100%;height:auto;font:11px system-ui,sans-serif}.geomap .sea{fill:#f4f8fb}.geomap path{stroke:#fff;stroke-width:.6}
    .geomap .land{fill:#e4e4e4}.geomap .focus{fill:#c9d9ea}.geomap .partner{fill:#ecdcc4}.geomap .label{font-weight:600;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:3px}
    .dyad{stroke-linecap:round;opacity:.85}circle.focus{fill:#2166ac}circle.partner{fill:#8c6d31}
    .timeline{max-width:640px;display:block}.timeline .co{fill:#2166ac}.timeline .cf{fill:#b35806}.timeline .axis{stroke:#999}
    .sentences li{margin:.3rem 0}.sentences a{color:#113;text-decoration-color:#99a}.shares td{border:1px solid #ccc;padding:.2rem .5rem}
    .pair{border-top:1px solid #ddd}.cell{border-left:4px solid #ccc;padding:.1rem .8rem;margin:.6rem 0}.cell:target{border-color:#2166ac;background:#eef4fa}
    .polarity,.kind,.date{font-size:.8rem;padding:0 .3rem;border:1px solid #999;border-radius:3px}
    .cooperation{background:#d1e5f0}.conflict{background:#fddbc7}.neutral{background:#eee}
    .cite{font-size:.85rem;color:#333}.address{color:#555;word-break:break-all}blockquote{margin:.3rem 1rem;font-style:italic}
    .manifest td,.manifest th{border:1px solid #ccc;padding:.2rem .4rem;font-size:.8rem}.num{text-align:right}
    @media print{body{max-width:none;font-size:10px}.scroll{overflow:visible}.cell,.dyad h3,svg{break-inside:avoid}a{color:inherit;text-decoration:none}nav{display:none}}
    """
}
