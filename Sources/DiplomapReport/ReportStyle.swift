/// The report's stylesheet: readable at 1280×800, colour-blind-safe colours, and a print layout.
public enum ReportStyle {
    /// The stylesheet's text.
    public static let css = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1280px;padding:1rem 1.5rem;color:#111}
    h1{font-size:1.5rem;margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #ccc}h3{margin-bottom:.3rem}h4{margin:.6rem 0 .2rem}
    nav{margin:.4rem 0}.meta,.note{color:#444}.note{font-size:.9rem}
    .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}.swatch{display:inline-block;min-width:1.6em;padding:0 .15em;box-sizing:border-box;text-align:center;border:1px solid #999}
    .scroll{overflow-x:auto}table{border-collapse:collapse}
    .heatmap th,.heatmap td{border:1px solid #fff;padding:.1rem .2rem;font-size:.8rem}
    .heatmap thead th{background:#eee;font-weight:600}.heatmap th.issue{height:6.5rem;vertical-align:bottom;white-space:nowrap}
    .heatmap th.issue span{writing-mode:vertical-rl;transform:rotate(180deg)}
    .heatmap tbody th{text-align:left;white-space:nowrap;background:#f4f4f4}.heatmap tr.group th{font-weight:700;border-top:2px solid #888}
    .heatmap td{min-width:2.4rem;text-align:center}.heatmap td.empty{background:#fafafa}.heatmap td a{color:inherit;text-decoration:none;display:block}
    .heatmap td{font-variant-numeric:tabular-nums}.mark{font-size:.7em;vertical-align:super;margin-left:1px}
    .thin{background-image:repeating-linear-gradient(135deg,rgba(255,255,255,.6) 0 2px,transparent 2px 5px)}.votes{outline:1px dotted #555;outline-offset:-3px}
    svg{max-width:100%;height:auto;font:11px system-ui,sans-serif}.geomap .sea{fill:#f4f8fb}.geomap path{stroke:#fff;stroke-width:.6}
    .geomap .land{fill:#e4e4e4}.geomap path.focus{fill:#cfe3c8}.geomap path.partner{fill:#ddd3ea}.geomap .label{font-weight:600;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:3px}
    .geomap .leader{stroke:#666;stroke-width:.7}.geomap circle.capital{fill:#333}
    .dyad{stroke-linecap:round;opacity:.85}svg.network{max-width:720px;display:block}.geomap .dyad{opacity:.55}.network circle.focus,.network rect.focus{fill:#1b7837}.network rect.partner,.network circle.partner{fill:#6a51a3}.network circle.issue{fill:#555}
    .network text.issue{font-weight:600}.network .count{font-size:9px;fill:#333}
    .keys{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem;font-size:.85rem}.key{display:inline-block;width:1em;height:1em;vertical-align:-.15em;border:1px solid #777;margin-right:.3em}
    .timeline{max-width:640px;display:block}.timeline .co{fill:#2166ac}.timeline .cf{fill:#b35806}.timeline .ne{fill:#999}.timeline .axis{stroke:#999}.timeline .tick{stroke:#ddd}
    .sentences li{margin:.3rem 0}.sentences ul{margin:.1rem 0 .5rem;padding-left:1.2rem}.sentences a{color:inherit;text-decoration:none;border-bottom:1px dotted #667}
    .shares td,.shares th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;font-weight:400}.shares td.num{text-align:right;font-weight:600}
    .patterns th,.patterns td{border:1px solid #fff;padding:.1rem .25rem;font-size:.8rem;text-align:center}.patterns thead th{background:#eee}
    .patterns th.issue{height:6.5rem;vertical-align:bottom;white-space:nowrap}.patterns th.issue span{writing-mode:vertical-rl;transform:rotate(180deg)}
    .patterns tbody th{text-align:left;white-space:nowrap;background:#f4f4f4}.patterns td{min-width:2.2rem;background:#f0f0f0}.patterns td a{color:inherit;text-decoration:none;display:block}
    .patterns td.absent{background:#fafafa;color:#bbb}.patterns small{display:block;font-size:.65rem}.co{background:#d1e5f0}.cf{background:#fddbc7}
    .patterns td.region-wide.co{background:#6fa3cf;color:#fff}.patterns td.region-wide.cf{background:#d9822b;color:#111}
    .patterns td.region-wide.co.thin{background-color:#b4cfe6;color:#111}.patterns td.region-wide.cf.thin{background-color:#f2cda8}.patterns td.votes{color:#555}
    .pair{border-top:1px solid #ddd}.cell{border-left:4px solid #ccc;padding:.1rem .8rem;margin:.6rem 0}.cell:target{border-color:#2166ac;background:#eef4fa}
    .polarity,.kind,.date{font-size:.8rem;padding:0 .3rem;border:1px solid #999;border-radius:3px}
    .cooperation{background:#d1e5f0}.conflict{background:#fddbc7}.neutral{background:#eee}
    .cite{font-size:.85rem;color:#333}.address{color:#555;overflow-wrap:break-word}blockquote{margin:.3rem 1rem;font-style:italic}.also{font-size:.85rem;margin:.2rem 0}
    .manifest td,.manifest th{border:1px solid #ccc;padding:.2rem .4rem;font-size:.8rem}.num{text-align:right}
    @media print{body{max-width:none;font-size:10px}.scroll{overflow:visible}.cell,.dyad h3,svg{break-inside:avoid}a{color:inherit;text-decoration:none}nav{display:none}}
    """
}
