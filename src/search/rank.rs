//! How well a record's name answers a query: the one ranking of the search.
//! The name as typed first (the whole name, then its beginning), then every
//! word of the query found by its stem at a word's beginning in the name,
//! then in the record's other text (a name beginning with the first word
//! before the others). Names and texts are folded (`text::fold`) once,
//! as [`Words`].

/// The rank of a record: lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The name is the query.
    Exact,
    /// The name begins with the query.
    Prefix,
    /// The name begins with the first word's stem and has every other
    /// word («Сергеевой» → «Сергеева Ксения Дмитриевна»).
    StemPrefix,
    /// Every word of the query is in the name.
    InName,
    /// Found only in the record's other text.
    Elsewhere,
}

/// A query taken apart once per keystroke.
#[derive(Debug, Clone)]
pub struct Query {
    /// The whole query folded, spaces collapsed.
    pub folded: String,
    /// The stems of its words (`text::stem`), looked up as word beginnings.
    pub terms: Vec<String>,
    /// Whether the other texts are looked in: not for one letter, which
    /// begins some word of nearly every record.
    pub elsewhere: bool,
}

impl Query {
    /// `None` when the query has no letters or digits.
    pub fn new(query: &str) -> Option<Query> {
        let terms: Vec<String> = crate::text::words(query)
            .iter()
            .map(|w| crate::text::stem(w))
            .collect();
        if terms.is_empty() {
            return None;
        }
        let folded = crate::text::fold(query)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let elsewhere = folded.chars().filter(|c| c.is_alphanumeric()).count() > 1;
        Some(Query {
            folded,
            terms,
            elsewhere,
        })
    }

    /// Whether every term begins a word of `text`.
    pub fn all_in(&self, text: &Words) -> bool {
        self.terms.iter().all(|t| text.has_prefix(t))
    }

    /// The rank of a record by its names (the best of them counts) and,
    /// failing them, its other text (`None` to skip).
    pub fn rank(&self, names: &[Words], other: Option<&Words>) -> Option<Rank> {
        let by_name = names.iter().filter_map(|n| self.rank_name(n)).min();
        by_name.or_else(|| {
            other
                .filter(|o| self.elsewhere && self.all_in(o))
                .map(|_| Rank::Elsewhere)
        })
    }

    fn rank_name(&self, name: &Words) -> Option<Rank> {
        let text = name.text.as_str();
        if text == self.folded {
            Some(Rank::Exact)
        } else if text.starts_with(&self.folded) || bare(text).starts_with(&self.folded) {
            Some(Rank::Prefix)
        } else if self.all_in(name) {
            let first = self.terms.first().map(String::as_str).unwrap_or_default();
            Some(if bare(text).starts_with(first) {
                Rank::StemPrefix
            } else {
                Rank::InName
            })
        } else {
            None
        }
    }
}

/// A folded text with where its words begin: a term is looked up by
/// comparing the beginnings only, thousands of records per keystroke.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Folded, trimmed, spaces collapsed.
    pub text: String,
    /// Byte offsets of the words' first letters.
    starts: Vec<u32>,
}

impl Words {
    pub fn new(text: &str) -> Words {
        let text = crate::text::fold(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut starts = Vec::new();
        let mut in_word = false;
        for (at, c) in text.char_indices() {
            let letter = c.is_alphanumeric();
            if letter && !in_word {
                starts.push(u32::try_from(at).unwrap_or(u32::MAX));
            }
            in_word = letter;
        }
        Words { text, starts }
    }

    /// Whether `term` begins one of the words.
    pub fn has_prefix(&self, term: &str) -> bool {
        let (bytes, term) = (self.text.as_bytes(), term.as_bytes());
        let Some(&first) = term.first() else {
            return true;
        };
        // The first byte settles nearly every word without a comparison call.
        self.starts.iter().any(|&at| {
            let at = at as usize;
            bytes.get(at) == Some(&first)
                && bytes.get(at..).is_some_and(|rest| rest.starts_with(term))
        })
    }
}

/// A name without the punctuation it may begin with («"Ёлочка"» → «Ёлочка»).
fn bare(name: &str) -> &str {
    name.trim_start_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(query: &str, name: &str, other: &str) -> Option<Rank> {
        Query::new(query)?.rank(&[Words::new(name)], Some(&Words::new(other)))
    }

    #[test]
    fn ranks_the_name_as_typed_first() {
        assert_eq!(rank("МБУК «ЦБС»", "МБУК «ЦБС»", ""), Some(Rank::Exact));
        assert_eq!(rank("мбук", "МБУК «ЦБС»", ""), Some(Rank::Prefix));
        assert_eq!(rank("Ёлоч", "«Ёлочка»", ""), Some(Rank::Prefix));
        assert_eq!(rank("цбс", "МБУК «ЦБС»", ""), Some(Rank::InName));
        assert_eq!(
            rank("Сергеевой", "Сергеева Ксения Дмитриевна", ""),
            Some(Rank::StemPrefix)
        );
        assert_eq!(
            rank("Сергеевой", "Назарова Полина Сергеевна", ""),
            Some(Rank::InName)
        );
        assert_eq!(
            rank("библиотеке детской", "Детская библиотека", ""),
            Some(Rank::InName)
        );
        assert_eq!(
            rank("библиотеки", "МБУК «ЦБС»", "заведующая детской библиотекой"),
            Some(Rank::Elsewhere)
        );
        assert_eq!(rank("теки", "Детская библиотека", "библиотека"), None);
        assert_eq!(rank(" -- ", "что угодно", ""), None);
        assert_eq!(rank("б", "МБУК «ЦБС»", "библиотека"), None);
        assert_eq!(
            rank("би", "МБУК «ЦБС»", "библиотека"),
            Some(Rank::Elsewhere)
        );
        assert!(Rank::Exact < Rank::Prefix && Rank::InName < Rank::Elsewhere);
    }

    #[test]
    fn a_term_is_found_at_a_word_beginning_only() {
        assert!(Words::new("СОШ № 2").has_prefix("2"));
        assert!(Words::new("«Книга  года»").has_prefix("книг"));
        assert!(Words::new("«Книга  года»").has_prefix("год"));
        assert!(!Words::new("библиотека").has_prefix("теки"));
        assert_eq!(Words::new("  Книга  Ёлки ").text, "книга елки");
    }
}
