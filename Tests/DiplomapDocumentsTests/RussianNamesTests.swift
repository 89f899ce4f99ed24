import DiplomapData
@testable import DiplomapDocuments
import DiplomapFacts
import Testing

/// The ten seed states named in Russian, in every case and as adjectives, resolve to their codes.
struct RussianNamesTests {
    static let gazetteer = Gazetteer(registry: CorpusTests.registry, lexicon: try! Lexicon(folder: DefaultData.lexiconFolder))

    /// The codes the gazetteer finds in a text, in order.
    static func codes(_ text: String) -> [String] {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(buffer)
            return gazetteer.mentions(in: Tokenizer.tokens(bytes, in: 0..<bytes.count)).map(\.code)
        }
    }

    static let forms: [(code: String, words: [String])] = [
        ("KAZ", ["Казахстан", "Казахстана", "Казахстану", "Казахстаном", "Казахстане", "Республикой Казахстан", "Астаной", "казахстанский", "казахстанской", "Казахстанские", "казахским", "Токаевым"]),
        ("KGZ", ["Кыргызстан", "Кыргызстана", "Кыргызстаном", "Киргизии", "Кыргызской Республикой", "Бишкеку", "кыргызский", "киргизской", "кыргызстанских", "Жапаровым"]),
        ("TJK", ["Таджикистан", "Таджикистана", "Таджикистану", "Таджикистаном", "Таджикистане", "Душанбе", "таджикский", "таджикской", "таджикистанского", "Рахмоном"]),
        ("TKM", ["Туркменистан", "Туркменистана", "Туркменистаном", "Туркмении", "Ашхабаде", "туркменский", "туркменского", "туркменскую", "Бердымухамедовым"]),
        ("UZB", ["Узбекистан", "Узбекистана", "Узбекистану", "Узбекистаном", "Узбекистане", "Ташкентом", "узбекский", "узбекской", "узбекистанских", "Мирзиёевым", "Мирзиеева"]),
        ("IND", ["Индия", "Индии", "Индию", "Индией", "Нью-Дели", "индийский", "индийской", "индийскими", "Моди"]),
        ("JPN", ["Япония", "Японии", "Японию", "Японией", "Токио", "японский", "японской", "японскому", "Кисидой"]),
        ("IRN", ["Иран", "Ирана", "Ирану", "Ираном", "Иране", "Тегераном", "иранский", "иранской", "иранских", "Исламской Республикой Иран"]),
        ("TUR", ["Турция", "Турции", "Турцию", "Турцией", "Анкарой", "Анкаре", "турецкий", "турецкой", "турецкими", "Эрдоганом"]),
        ("KOR", ["Южная Корея", "Южной Кореи", "Южной Корее", "Южную Корею", "Южной Кореей", "Республикой Корея", "Сеулом", "южнокорейский", "южнокорейской", "корейскими"]),
    ]

    @Test(arguments: forms.map(\.code))
    func everyCaseFormAndAdjectiveNamesItsState(_ code: String) {
        for word in Self.forms.first(where: { $0.code == code })!.words {
            #expect(Self.codes("\(word) и соседи.") == [code], "\(word)")
        }
    }

    @Test func compoundAdjectivesNameBothStates() {
        #expect(Self.codes("Казахстанско-японские переговоры") == ["KAZ", "JPN"])
        #expect(Self.codes("узбекско-корейского сотрудничества") == ["UZB", "KOR"])
        #expect(Self.codes("Ирано-турецкая граница") == ["IRN", "TUR"])
    }

    @Test func theRegionInRussianIsTheFive() {
        for phrase in ["страны Центральной Азии", "странами Центральной Азии", "центральноазиатские государства",
                       "центральноазиатских государств", "Центральной Азией", "Центральноазиатские республики"] {
            #expect(Self.codes("Япония и \(phrase)") == ["JPN", "C5"], "\(phrase)")
        }
    }

    @Test func namesThatAreNoStateAreNotSides() {
        #expect(Self.codes("в Южно-Китайском море") == [])
        #expect(Self.codes("бывший Советский Союз") == [])
    }
}
