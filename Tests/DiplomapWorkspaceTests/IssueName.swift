import DiplomapCore

/// Swift Testing has an `Issue` type too; in these tests the name means the taxonomy.
typealias Issue = DiplomapCore.Issue
