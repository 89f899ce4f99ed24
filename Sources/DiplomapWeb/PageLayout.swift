import DiplomapReport
import DiplomapWorkspace

/// The frame every page shares: head, a skip link, the site's name, the search box (carrying the filters) and the footer.
///
/// Only the site's own stylesheet and script are loaded: no external resources.
struct PageLayout {
    var title: String
    var request: MapRequest
    /// The search box's text, on the search page.
    var query = ""

    func render(_ main: String) -> String {
        let hidden = request.queryItems.map { "<input type=\"hidden\" name=\"\(HTML.escape($0.name))\" value=\"\(HTML.escape($0.value))\">" }.joined()
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · diplomap</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="\(WebPaths.stylesheet)">
        <script src="\(WebPaths.script)" defer></script>
        </head>
        <body>
        <a class="skip" href="#content">Skip to the content</a>
        <header class="site">
        <nav aria-label="Site"><a class="brand" href="\(HTML.escape(WebPaths.map(request)))">diplomap</a> <a href="\(HTML.escape(WebPaths.changes(request)))">What changed</a></nav>
        <form class="search" role="search" method="get" action="/search">
        <label for="site-search">Find a state or a pair of states</label>
        <input id="site-search" name="q" type="search" value="\(HTML.escape(query))" placeholder="e.g. Uzbekistan and South Korea" autocomplete="off">\(hidden)
        <button type="submit">Search</button>
        </form>
        </header>
        <main id="content">
        \(main)
        </main>
        <footer class="site"><p>diplomap maps relations between states issue by issue; every cell leads to its evidence and every piece of evidence to its source.</p></footer>
        </body>
        </html>

        """
    }
}
