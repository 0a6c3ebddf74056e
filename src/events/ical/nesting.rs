//! A depth limit for BEGIN: blocks, checked on the unfolded text before
//! the icalendar parser, which recurses once per level.

use crate::error::Refusal;

/// How deep BEGIN: blocks may nest. Real calendars go three deep
/// (VCALENDAR › VEVENT › VALARM); the parser recurses per level, and ten
/// thousand levels overflowed its stack.
pub const MAX_NESTING: usize = 16;

/// Refuses a file whose blocks nest deeper than [`MAX_NESTING`], before
/// the parser sees it.
pub(super) fn check(unfolded: &str) -> Result<(), Refusal> {
    let mut depth = 0usize;
    for (i, line) in unfolded.lines().enumerate() {
        let head = line.trim_start().get(..6).unwrap_or_default();
        if head.eq_ignore_ascii_case("BEGIN:") {
            depth += 1;
            if depth > MAX_NESTING {
                return Err(Refusal(format!(
                    "в строке {} блоки BEGIN: вложены глубже {MAX_NESTING} уровней — \
                     так календари не устроены, файл повреждён.",
                    i + 1
                )));
            }
        } else if head
            .get(..4)
            .is_some_and(|h| h.eq_ignore_ascii_case("END:"))
        {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_depth_passes_ten_thousand_levels_do_not() {
        let ok =
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VALARM\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR";
        assert_eq!(check(ok), Ok(()));
        let deep = "begin:X\n".repeat(10_000);
        let err = check(&deep).expect_err("too deep").0;
        assert!(err.contains("в строке 17"), "{err}");
        // Siblings do not add up.
        assert_eq!(check(&"BEGIN:VEVENT\nEND:VEVENT\n".repeat(1000)), Ok(()));
    }
}
