import Testing

/// A table of Russian sentences written for these tests, with relations they must and must not give.
struct RussianSentenceTableTests {
    typealias Case = SentenceTableTests.Case

    static let cases: [Case] = [
        // Plain cooperation between two named states, in the cases a Russian sentence puts them in.
        Case(text: "Казахстан и Индия подписали контракт на поставки урана.",
             must: ["IND-KAZ resources.energy cooperation"], mustNot: []),
        Case(text: "Президент Узбекистана провёл переговоры с премьер-министром Японии о строительстве железной дороги.",
             must: ["JPN-UZB economy.connectivity cooperation"], mustNot: []),
        // Capitals stand for their states.
        Case(text: "Анкара и Ташкент договорились нарастить взаимную торговлю.",
             must: ["TUR-UZB economy.trade cooperation"], mustNot: []),
        // Adjectives stand for their states, a compound adjective for both.
        Case(text: "Казахстанско-японские переговоры завершились подписанием соглашения о торговле.",
             must: ["JPN-KAZ economy.trade cooperation"], mustNot: []),
        Case(text: "Южнокорейские компании вложат инвестиции в узбекские месторождения меди.",
             must: ["KOR-UZB economy.investment cooperation"], mustNot: []),
        // The region's names in Russian give the group C5.
        Case(text: "Япония выделит странам Центральной Азии кредиты на развитие.",
             must: ["C5-JPN economy.development cooperation"], mustNot: []),
        // Negation with "не": a negated relation is not annotated.
        Case(text: "Узбекистан не планирует торговли с Ираном в этом году.",
             must: [], mustNot: ["IRN-UZB economy.trade cooperation", "IRN-UZB economy.trade conflict"]),
        // Negation with "ни": neither side signed.
        Case(text: "Ни Таджикистан, ни Кыргызстан не подписали соглашение о границе.",
             must: [], mustNot: ["KGZ-TJK territory.borders cooperation"],
             miss: "the negated signing still reads as cooperation on the border"),
        // Hedging: hedged tension is still a conflict.
        Case(text: "Разногласия по водным ресурсам могут ухудшить отношения Таджикистана и Узбекистана.",
             must: ["TJK-UZB resources.water conflict"], mustNot: ["TJK-UZB resources.water cooperation"]),
        // Topic, not side: Afghanistan's situation is the issue, not a party to it.
        Case(text: "Япония и Узбекистан обсудили ситуацию в Афганистане.",
             must: ["JPN-UZB security.afghanistan cooperation"],
             mustNot: ["AFG-JPN security.afghanistan cooperation", "AFG-UZB security.afghanistan cooperation"]),
        // A state named as a venue is no side of a pair that is named.
        Case(text: "В Москве Казахстан и Китай подписали соглашение о поставках газа.",
             must: ["CHN-KAZ resources.energy cooperation"], mustNot: ["KAZ-RUS resources.energy cooperation", "CHN-RUS resources.energy cooperation"],
             miss: "the city where the signing took place is paired with the signatories"),
        // Conflict cues give conflict on the border issue.
        Case(text: "На таджикско-кыргызской границе вновь произошли вооружённые столкновения.",
             must: ["KGZ-TJK territory.borders conflict"], mustNot: ["KGZ-TJK territory.borders cooperation"]),
        // Leaders stand for their states.
        Case(text: "Токаев и Моди обсудили сотрудничество в сфере обороны.",
             must: ["IND-KAZ security.defense cooperation"], mustNot: []),
        // "Обе стороны" is the document's main pair.
        Case(text: "Туркменистан и Турция провели переговоры в Ашхабаде. Обе стороны договорились расширить поставки газа.",
             must: ["TKM-TUR resources.energy cooperation"], mustNot: []),
        // A dateline in capitals is where the story was filed, not a side.
        Case(text: "АСТАНА, 5 марта. Кыргызстан и Узбекистан подписали соглашение о совместном использовании водных ресурсов.",
             must: ["KGZ-UZB resources.water cooperation"], mustNot: ["KAZ-KGZ resources.water cooperation", "KAZ-UZB resources.water cooperation"]),
        // Sanctions are a trade conflict.
        Case(text: "Санкции против Ирана осложнили торговлю Узбекистана с Тегераном.",
             must: ["IRN-UZB economy.trade conflict"], mustNot: ["IRN-UZB economy.trade cooperation"]),
    ]

    @Test(arguments: cases)
    func sentence(_ example: Case) {
        example.check()
    }

    @Test func russianEvidenceIsAnExactSubstringAndCarriesItsLanguage() {
        let text = "Сеул и Астана подписали торговое соглашение. «Мы приветствуем его», — заявил г. Ким из Южной Кореи. Японские кредиты Таджикистану выросли."
        let relations = Mapper.shared.extract(text)
        #expect(!relations.isEmpty)
        for relation in relations {
            #expect(text.contains(relation.evidence))
            #expect(Array(text.utf8)[relation.start..<relation.end].elementsEqual(relation.evidence.utf8))
            #expect(relation.language == .russian)
        }
    }
}
