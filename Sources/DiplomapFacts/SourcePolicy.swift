import DiplomapCore
import Foundation
import Yams

/// The domains a fact may not rest on alone (blogs, wiki mirrors, generated news, scrapers and
/// republishers), each with its reason, as `Data/facts/sources.yaml` lists them.
public struct SourcePolicy: Sendable, Hashable {
    /// What kind of site a listed domain is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case blog
        case wikiMirror = "wiki-mirror"
        case generatedNews = "generated-news"
        case scraper
        case republisher
        case mirror
    }

    /// A domain not acceptable alone; it covers its subdomains too.
    public struct Domain: Sendable, Hashable {
        public var domain: String
        public var kind: Kind
        public var reason: String

        public init(domain: String, kind: Kind, reason: String) {
            self.domain = domain
            self.kind = kind
            self.reason = reason
        }
    }

    public var domains: [Domain]

    public init(domains: [Domain] = []) {
        self.domains = domains
    }

    private static let fields: Set<String> = ["domain", "kind", "reason"]

    /// Parses a `domains:` list; every problem is reported with its line and field.
    public static func parse(_ text: String, file: String) throws(InputErrors) -> SourcePolicy {
        let nodes: [Yams.Node]
        do { nodes = try topLevelList(try composeYAML(text, file: file), key: "domains", file: file) } catch { throw InputErrors([error]) }
        var domains: [Domain] = []
        var errors: [InputError] = []
        var seen: Set<String> = []
        for node in nodes {
            guard var fields = YAMLFields(node, file: file, what: "a domain", errors: &errors) else { continue }
            fields.rejectUnknownKeys(Self.fields)
            let domain = fields.text("domain")?.lowercased()
            if let domain, domain.contains("/") || domain.contains(":") || domain.hasPrefix(".") || !domain.contains(".") {
                fields.fail("domain", "a host name such as blogspot.com, without scheme or path: \(domain)")
            } else if let domain, !seen.insert(domain).inserted {
                fields.fail("domain", "\(domain) is listed twice")
            }
            let kind = fields.choice("kind", as: Kind.self)
            let reason = fields.text("reason")
            errors += fields.errors
            if fields.errors.isEmpty, let domain, let kind, let reason {
                domains.append(Domain(domain: domain, kind: kind, reason: reason))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return SourcePolicy(domains: domains)
    }

    /// The listed domain the address's host is, or is a subdomain of; `nil` for an acceptable address.
    public func weakDomain(of address: String) -> Domain? {
        guard let host = SourceAddress.host(of: address) else { return nil }
        return domains.first { host == $0.domain || host.hasSuffix("." + $0.domain) }
    }
}

/// What makes a citation's address unusable, whatever the policy: an analyst must be able to open it at its publisher.
public enum SourceAddress {
    /// The problem with an address, or `nil` when it is an http(s) address on a named host.
    public static func problem(_ address: String) -> String? {
        guard let components = URLComponents(string: address), let scheme = components.scheme?.lowercased() else {
            return "not a web address: \(address)"
        }
        guard scheme == "http" || scheme == "https" else {
            return "not an http(s) address: \(address)"
        }
        guard let host = host(of: address), !host.isEmpty else {
            return "no host in \(address)"
        }
        if isIPAddress(host) {
            return "a bare IP address (\(host)) is not the publisher's canonical address"
        }
        return nil
    }

    /// The lower-case host of an http(s) address, without a trailing dot.
    public static func host(of address: String) -> String? {
        guard let host = URLComponents(string: address)?.host?.lowercased() else { return nil }
        return host.hasSuffix(".") ? String(host.dropLast()) : host
    }

    /// Whether a host is an IPv4 address in dotted form or an IPv6 address.
    static func isIPAddress(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
        }
    }
}
