//! Numbers as Russian text sets them.

/// A count in Russian typography: digits grouped by a non-breaking space
/// from five digits on («12 345»), «−» for a negative.
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let grouped = if digits.len() > 4 {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        out
    } else {
        digits
    };
    if n < 0 {
        format!("−{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn russian_numbers() {
        assert_eq!(number(0), "0");
        assert_eq!(number(1234), "1234");
        assert_eq!(number(12345), "12\u{a0}345");
        assert_eq!(number(1234567), "1\u{a0}234\u{a0}567");
        assert_eq!(number(-5), "−5");
    }
}
