//! What a message shown to her must be: Russian, with no library English,
//! no SQL and no panic in it.

/// Words (whole, any case) and phrases that give away an untranslated
/// message: serde, clap, SQLite, the system, a panic.
pub const ENGLISH: &[&str] = &[
    "error",
    "invalid",
    "expected",
    "unexpected",
    "unknown",
    "missing",
    "found",
    "variant",
    "struct",
    "database",
    "sql",
    "sqlite",
    "panicked",
    "failed",
    "unable",
    "cannot",
    "denied",
    "directory",
    "usage",
    "options",
    "commands",
    "arguments",
    "possible",
    "column",
    "unwrap",
    "overflow",
    "locked",
    "readonly",
    "disk",
    "os error",
    "print help",
    "insert into",
    "create table",
    "alter table",
    "delete from",
    "select ",
    " where ",
    "no such",
    "not a",
    "at line",
    "is a",
];

/// Fails unless `message` reads as Russian and has none of [`ENGLISH`].
/// `what` names the case in the failure.
pub fn assert_russian(what: &str, message: &str) {
    assert!(
        message
            .chars()
            .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
        "{what}: not Russian: «{message}»"
    );
    // What is quoted «…» is hers (a file, a value) or ours (a menu path).
    let mut unquoted = String::new();
    let mut depth = 0usize;
    for c in message.chars() {
        match c {
            '«' => depth += 1,
            '»' if depth > 0 => depth -= 1,
            _ if depth == 0 => unquoted.push(c),
            _ => {}
        }
    }
    let lower = unquoted.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    for bad in ENGLISH {
        let hit = if bad.contains(' ') {
            lower.contains(bad)
        } else {
            words.contains(bad)
        };
        assert!(!hit, "{what}: «{bad}» in «{message}»");
    }
}
