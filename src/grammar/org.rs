//! The gender of an organisation's name, for «именуемое (-ый, -ая) в
//! дальнейшем …»: the participle agrees with the noun that names the kind of
//! organisation (учреждение, фонд, организация), or with the first adjective
//! of the full name (Муниципальное …, Благотворительный …, Автономная …).

const NEUTER: &str = "именуемое";
const MASCULINE: &str = "именуемый";
const FEMININE: &str = "именуемая";

const NEUTER_NOUNS: &[&str] = &[
    "учреждение",
    "предприятие",
    "общество",
    "партнёрство",
    "партнерство",
    "товарищество",
    "объединение",
    "управление",
    "министерство",
    "агентство",
    "издательство",
    "хозяйство",
    "бюро",
    "отделение",
    "училище",
    "представительство",
    "сообщество",
    "движение",
    "самоуправление",
];

const MASCULINE_NOUNS: &[&str] = &[
    "фонд",
    "союз",
    "совет",
    "клуб",
    "комитет",
    "центр",
    "дом",
    "дворец",
    "музей",
    "театр",
    "колледж",
    "лицей",
    "институт",
    "университет",
    "техникум",
    "кооператив",
    "банк",
    "комплекс",
    "ансамбль",
    "хор",
    "оркестр",
    "департамент",
    "отдел",
    "профсоюз",
    "кружок",
    "штаб",
    "альянс",
    "холдинг",
    "филиал",
    "парк",
    "цирк",
    "зоопарк",
    "кинотеатр",
    "журнал",
    "телеканал",
    "портал",
    "приход",
    "храм",
    "монастырь",
    "предприниматель",
    "сад",
];

const FEMININE_NOUNS: &[&str] = &[
    "организация",
    "школа",
    "гимназия",
    "библиотека",
    "ассоциация",
    "федерация",
    "академия",
    "консерватория",
    "администрация",
    "редакция",
    "газета",
    "студия",
    "лига",
    "палата",
    "капелла",
    "филармония",
    "галерея",
    "станция",
    "компания",
    "телерадиокомпания",
    "корпорация",
    "епархия",
    "община",
    "больница",
    "поликлиника",
    "церковь",
    "часть",
    "дирекция",
    "инспекция",
    "служба",
    "фирма",
    "артель",
    "коллегия",
    "партия",
    "дума",
    "мастерская",
];

/// Abbreviations of masculine kinds: индивидуальный предприниматель, фонды,
/// кооперативы, центры, дома и дворцы, клубы.
const MASCULINE_ABBR: &[&str] = &[
    "ИП", "БФ", "ФОНД", "ОФ", "МОФ", "РОФ", "МБФ", "СПК", "ДК", "ЦДТ", "ДДТ", "ДДЮТ", "ЦДЮТ",
    "ЦДО", "ЦВР", "ЦРР", "СК", "ФК", "ХК",
];

/// Abbreviations of feminine kinds: (некоммерческие, общественные)
/// организации, школы, библиотечные системы, больницы, телерадиокомпании.
const FEMININE_ABBR: &[&str] = &[
    "АНО",
    "НКО",
    "ОО",
    "РОО",
    "МОО",
    "МРОО",
    "ВОО",
    "СОШ",
    "ООШ",
    "НОШ",
    "СШ",
    "СШОР",
    "ДШИ",
    "ДМШ",
    "ДХШ",
    "ДЮСШ",
    "СДЮСШОР",
    "ЦБС",
    "МЦБС",
    "ЦРБ",
    "ГТРК",
    "ТРК",
];

/// «именуемое», «именуемый» or «именуемая», by the first word of the
/// organisation's full name; «именуемое» when it tells nothing
/// (учреждения, общества and the unknown).
pub fn named_adjective(org_full_name: &str) -> &'static str {
    let Some(first) = org_full_name.split_whitespace().next() else {
        return NEUTER;
    };
    // A name that starts with a quote («Радуга») tells no kind.
    if first.starts_with(|c: char| !c.is_alphabetic()) {
        return NEUTER;
    }
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return NEUTER;
    }
    if letters > 1 && word.chars().all(|c| !c.is_lowercase()) {
        return by_abbreviation(&word);
    }
    by_word(&word.to_lowercase())
}

fn by_abbreviation(abbr: &str) -> &'static str {
    if MASCULINE_ABBR.contains(&abbr) {
        MASCULINE
    } else if FEMININE_ABBR.contains(&abbr) {
        FEMININE
    } else {
        // МБОУ, МБУК, ГБПОУ, ФГБОУ (учреждение), ООО, АО, ПАО (общество),
        // МУП (предприятие), НП (партнёрство) and the unknown.
        NEUTER
    }
}

fn by_word(lower: &str) -> &'static str {
    if NEUTER_NOUNS.contains(&lower) {
        return NEUTER;
    }
    if MASCULINE_NOUNS.contains(&lower) {
        return MASCULINE;
    }
    if FEMININE_NOUNS.contains(&lower) {
        return FEMININE;
    }
    if !super::is_cyrillic_word(lower) || lower.chars().count() < 3 {
        return NEUTER;
    }
    // An adjective (Муниципальное, Благотворительный, Городская) or a noun
    // told by its ending (…ие, …ство; …ия, …а; a consonant).
    let ends = |e: &str| lower.ends_with(e);
    if ends("ое") || ends("ее") || ends("ие") || ends("ство") || ends("о") {
        NEUTER
    } else if ends("ый") || ends("ий") || ends("ой") {
        MASCULINE
    } else if ends("ая") || ends("яя") || ends("а") || ends("я") {
        FEMININE
    } else if ends("ь") {
        // монастырь or церковь: not told by the ending.
        NEUTER
    } else {
        MASCULINE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_decide_for_unlisted_words() {
        assert_eq!(by_word("городское"), NEUTER);
        assert_eq!(by_word("региональный"), MASCULINE);
        assert_eq!(by_word("районная"), FEMININE);
        assert_eq!(by_word("телестудия"), FEMININE);
        assert_eq!(by_word("медиацентр"), MASCULINE);
        assert_eq!(by_word("yandex"), NEUTER);
        assert_eq!(named_adjective(""), NEUTER);
        assert_eq!(named_adjective("«Радуга»"), NEUTER);
        assert_eq!(named_adjective("123"), NEUTER);
    }
}
