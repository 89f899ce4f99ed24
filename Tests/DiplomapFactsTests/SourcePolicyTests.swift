import DiplomapCore
@testable import DiplomapFacts
import Foundation
import Testing

struct SourcePolicyTests {
    static let policy = """
        domains:
          - domain: blogspot.com
            kind: blog
            reason: personal blogs
          - domain: wikimili.com
            kind: wiki-mirror
            reason: a copy of Wikipedia
          - domain: magazine-dev.thediplomat.com
            kind: mirror
            reason: a development server
        """

    @Test func readsDomainsWithKindAndReason() throws {
        let policy = try SourcePolicy.parse(Self.policy, file: "sources.yaml")
        #expect(policy.domains.map(\.domain) == ["blogspot.com", "wikimili.com", "magazine-dev.thediplomat.com"])
        #expect(policy.domains[1].kind == .wikiMirror && policy.domains[1].reason == "a copy of Wikipedia")
    }

    @Test(arguments: [
        ("http://someone.blogspot.com/2019/05/post.html", "blogspot.com"),
        ("https://blogspot.com/x", "blogspot.com"),
        ("https://WikiMili.com/en/Some_Page", "wikimili.com"),
        ("https://wikimili.com./en/Some_Page", "wikimili.com"),
        ("https://magazine-dev.thediplomat.com/2020/01/a", "magazine-dev.thediplomat.com"),
        ("https://thediplomat.com/2020/01/a", nil),
        ("https://notblogspot.com/post", nil),
        ("https://blogspot.com.example.org/post", nil),
        ("https://example.org/?next=https://x.blogspot.com", nil),
    ] as [(String, String?)])
    func aDomainCoversItsSubdomainsAndNothingElse(address: String, domain: String?) throws {
        let policy = try SourcePolicy.parse(Self.policy, file: "sources.yaml")
        #expect(policy.weakDomain(of: address)?.domain == domain)
    }

    @Test func eachBadEntryIsAnErrorWithItsLine() {
        let errors = #expect(throws: InputErrors.self) {
            try SourcePolicy.parse("""
                domains:
                  - domain: https://medium.com/x
                    kind: blog
                    reason: r
                  - domain: medium.com
                    kind: forum
                    reason: r
                  - domain: wikimili.com
                    kind: wiki-mirror
                  - domain: wikimili.com
                    kind: wiki-mirror
                    reason: twice
                    note: extra
                """, file: "sources.yaml")
        }
        let lines = errors?.errors.map(\.description) ?? []
        for expected in [
            "sources.yaml:2: domain: a host name such as blogspot.com",
            "sources.yaml:6: kind: unknown value \"forum\"",
            "sources.yaml:8: reason: missing",
            "sources.yaml:10: domain: wikimili.com is listed twice",
            "sources.yaml:13: note: unknown field",
        ] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "missing: \(expected)\nin:\n\(lines.joined(separator: "\n"))")
        }
        #expect(lines.count == 5, "\(lines)")
    }

    @Test(arguments: [
        ("https://www.mofa.go.jp/region/europe/kazakhstan/", nil),
        ("http://tass.com/world/1", nil),
        ("https://24.kg./english/1", nil),
        ("http://103.241.136.51/india/tajikistan-seeks", "a bare IP address (103.241.136.51)"),
        ("https://[2001:db8::1]/page", "a bare IP address"),
        ("ftp://example.org/file.pdf", "not an http(s) address"),
        ("paper.pdf", "not a web address"),
        ("www.example.org/page", "not a web address"),
        ("https:///nohost", "no host"),
    ] as [(String, String?)])
    func anAddressMustBeHTTPOnANamedHost(address: String, problem: String?) {
        let found = SourceAddress.problem(address)
        if let problem {
            #expect(found?.hasPrefix(problem) == true, "\(address): \(found ?? "no problem")")
        } else {
            #expect(found == nil, "\(address): \(found ?? "")")
        }
    }

    @Test func aFolderListingLeavesThePolicyOutAndTheFolderPolicyIsFound() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "facts:\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.policy.write(to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        let fallback = folder.appendingPathComponent("missing.yaml")
        #expect(try KnowledgeBase.factFiles(in: [folder]).map(\.name) == ["a.yaml"])
        #expect(try KnowledgeBase.sourcePolicy(for: [folder], fallback: fallback).domains.count == 3)
        #expect(throws: InputError.self) { try KnowledgeBase.sourcePolicy(for: [folder.appendingPathComponent("a.yaml")], fallback: fallback) }
    }
}
