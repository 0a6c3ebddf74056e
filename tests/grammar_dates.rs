//! Dates in words, terms and plural forms.

use chrono::NaiveDate;
use partnernet::grammar::{
    date_long, date_quoted, date_short, month_genitive, month_nominative, plural, term_in_words,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid test date")
}

#[test]
fn dates_in_the_three_styles() {
    assert_eq!(date_quoted(d(2026, 9, 1)), "«01» сентября 2026 г.");
    assert_eq!(date_quoted(d(2026, 12, 31)), "«31» декабря 2026 г.");
    assert_eq!(date_quoted(d(2027, 3, 8)), "«08» марта 2027 г.");
    assert_eq!(date_long(d(2026, 9, 1)), "1 сентября 2026 г.");
    assert_eq!(date_long(d(2026, 1, 31)), "31 января 2026 г.");
    assert_eq!(date_long(d(2028, 2, 29)), "29 февраля 2028 г.");
    assert_eq!(date_short(d(2026, 9, 1)), "01.09.2026");
    assert_eq!(date_short(d(2026, 12, 31)), "31.12.2026");
}

#[test]
fn every_month() {
    let genitive = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let nominative = [
        "Январь",
        "Февраль",
        "Март",
        "Апрель",
        "Май",
        "Июнь",
        "Июль",
        "Август",
        "Сентябрь",
        "Октябрь",
        "Ноябрь",
        "Декабрь",
    ];
    for m in 1..=12u32 {
        let i = (m - 1) as usize;
        assert_eq!(month_genitive(m), genitive[i]);
        assert_eq!(month_nominative(m), nominative[i]);
        assert_eq!(
            date_long(d(2026, m, 1)),
            format!("1 {} 2026 г.", genitive[i])
        );
        assert_eq!(
            date_quoted(d(2026, m, 1)),
            format!("«01» {} 2026 г.", genitive[i])
        );
    }
    assert_eq!(month_genitive(0), "");
    assert_eq!(month_genitive(13), "");
    assert_eq!(month_nominative(0), "");
}

#[test]
fn terms_in_words() {
    let cases = [
        (0, "0 месяцев"),
        (1, "1 месяц"),
        (2, "2 месяца"),
        (5, "5 месяцев"),
        (6, "6 месяцев"),
        (11, "11 месяцев"),
        (12, "1 год"),
        (13, "1 год 1 месяц"),
        (14, "1 год 2 месяца"),
        (18, "1 год 6 месяцев"),
        (24, "2 года"),
        (36, "3 года"),
        (60, "5 лет"),
        (132, "11 лет"),
        (252, "21 год"),
        (264, "22 года"),
        (59, "4 года 11 месяцев"),
    ];
    for (months, expected) in cases {
        assert_eq!(term_in_words(months), expected, "{months} months");
    }
}

#[test]
fn plural_forms() {
    let cases = [
        (0, "месяцев"),
        (1, "месяц"),
        (2, "месяца"),
        (4, "месяца"),
        (5, "месяцев"),
        (11, "месяцев"),
        (12, "месяцев"),
        (14, "месяцев"),
        (21, "месяц"),
        (22, "месяца"),
        (25, "месяцев"),
        (101, "месяц"),
        (111, "месяцев"),
        (112, "месяцев"),
        (121, "месяц"),
    ];
    for (n, expected) in cases {
        assert_eq!(plural(n, "месяц", "месяца", "месяцев"), expected, "{n}");
    }
    assert_eq!(plural(3, "год", "года", "лет"), "года");
    assert_eq!(plural(111, "год", "года", "лет"), "лет");
}
