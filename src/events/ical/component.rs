//! Reading the parser's components: RFC 5545 names and parameters are
//! case-insensitive. Shared by the event and the time zone readers, which
//! otherwise know nothing of each other.

use icalendar::parser::{Component, Property};

pub(super) fn is(c: &Component, name: &str) -> bool {
    c.name.as_str().eq_ignore_ascii_case(name)
}

pub(super) fn prop<'c>(c: &'c Component, name: &str) -> Option<&'c Property<'c>> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

pub(super) fn props<'c>(c: &'c Component, name: &'c str) -> impl Iterator<Item = &'c Property<'c>> {
    c.properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

pub(super) fn param<'p>(p: &'p Property, key: &str) -> Option<&'p str> {
    p.params
        .iter()
        .find(|q| q.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|q| q.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}
