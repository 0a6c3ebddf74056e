//! How times are kept in the database: ISO text, which sorts as time does.
//! Every domain's queries use these two, so they live with the storage.

use chrono::NaiveDateTime;

/// Timestamps are kept as ISO text, which sorts as time does.
pub fn fmt_ts(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

pub fn parse_ts(s: &str) -> rusqlite::Result<NaiveDateTime> {
    if let Some(t) = parse_iso(s) {
        return Ok(t);
    }
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// «2026-11-22T10:15:00» read by hand: the read models load tens of
/// thousands of timestamps, and `parse_from_str` reads its format anew for
/// each. Anything else goes to `parse_from_str`.
fn parse_iso(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let n = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    chrono::NaiveDate::from_ymd_opt(n(0, 4)? as i32, n(5, 7)?, n(8, 10)?)?.and_hms_opt(
        n(11, 13)?,
        n(14, 16)?,
        n(17, 19)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_back_as_written() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|d| d.and_hms_opt(10, 15, 7))
            .expect("time");
        assert_eq!(parse_ts(&fmt_ts(t)).ok(), Some(t));
        assert_eq!(parse_iso("2026-11-22T10:15:07"), Some(t));
        for bad in [
            "2026-13-22T10:15:07",
            "2026-11-22 10:15:07",
            "2026-11-22T1a:15:07",
            "",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
            assert!(parse_ts(bad).is_err(), "{bad}");
        }
    }
}
