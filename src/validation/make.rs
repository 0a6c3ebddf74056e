//! Generators that complete check digits: for the demo data and the tests.
//!
//! They take trusted, program-written input; a wrong length or a non-digit
//! is a programming error and panics (see each `# Panics`).

use super::requisites::{account_key_sum, inn10_check, inn12_checks, ogrn_check, rkc_prefix};

/// ИНН-10 from its first 9 digits.
///
/// # Panics
/// If `first9` is not 9 ASCII digits.
pub fn inn10(first9: &str) -> String {
    let d = digits(first9, 9);
    format!("{first9}{}", inn10_check(&d))
}

/// ИНН-12 from its first 10 digits.
///
/// # Panics
/// If `first10` is not 10 ASCII digits.
pub fn inn12(first10: &str) -> String {
    let d = digits(first10, 10);
    let (d11, d12) = inn12_checks(&d);
    format!("{first10}{d11}{d12}")
}

/// ОГРН (13 digits) from its first 12.
///
/// # Panics
/// If `first12` is not 12 ASCII digits.
pub fn ogrn13(first12: &str) -> String {
    let d = digits(first12, 12);
    format!("{first12}{}", ogrn_check(&d, 11))
}

/// ОГРНИП (15 digits) from its first 14.
///
/// # Panics
/// If `first14` is not 14 ASCII digits.
pub fn ogrnip15(first14: &str) -> String {
    let d = digits(first14, 14);
    format!("{first14}{}", ogrn_check(&d, 13))
}

/// A расчётный счёт at the bank with this БИК: `prefix` is the first 8
/// digits (balance account and currency, «40702810») optionally followed
/// by more digits that go after the key (a branch code «3800»); `serial`
/// fills the rest, zero-padded; the 9th digit is the control key.
///
/// # Panics
/// If `bik` is not 9 digits, `prefix` is not 8–19 digits, or `serial` does
/// not fit the remaining positions.
pub fn bank_account(bik: &str, prefix: &str, serial: u32) -> String {
    digits(bik, 9);
    let key_prefix = if matches!(&bik[6..], "000" | "001" | "002") {
        rkc_prefix(bik)
    } else {
        bik[6..].to_string()
    };
    account_with_prefix(&key_prefix, prefix, serial)
}

/// The correspondent account of the bank with this БИК in the usual form
/// «30101810 K 00000000 XXX», XXX being the last 3 digits of the БИК.
///
/// # Panics
/// If `bik` is not 9 digits.
pub fn corr_account(bik: &str) -> String {
    digits(bik, 9);
    account_with_prefix(
        &rkc_prefix(bik),
        &format!("30101810{:0>8}", ""),
        bik_tail(bik),
    )
}

fn bik_tail(bik: &str) -> u32 {
    bik.bytes()
        .skip(6)
        .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// An account whose key is computed over `key_prefix` (3 digits).
fn account_with_prefix(key_prefix: &str, prefix: &str, serial: u32) -> String {
    assert!(
        (8..=19).contains(&prefix.len()) && prefix.bytes().all(|b| b.is_ascii_digit()),
        "prefix must be 8..=19 digits: {prefix}"
    );
    let width = 19 - prefix.len();
    let tail = format!("{serial:0width$}");
    assert_eq!(
        tail.len(),
        width,
        "serial {serial} does not fit {width} digits"
    );
    for key in 0..=9u8 {
        let account = format!("{}{key}{}{tail}", &prefix[..8], &prefix[8..]);
        let d = digits(&account, 20);
        if account_key_sum(key_prefix, &d).is_multiple_of(10) {
            return account;
        }
    }
    unreachable!("the key weight 3 is invertible mod 10, so one key digit fits")
}

fn digits(v: &str, len: usize) -> Vec<u8> {
    assert!(
        v.len() == len && v.bytes().all(|b| b.is_ascii_digit()),
        "expected {len} digits, got {v:?}"
    );
    v.bytes().map(|b| b - b'0').collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation;

    #[test]
    fn generators_reproduce_published_numbers() {
        assert_eq!(inn10("770708389"), "7707083893");
        assert_eq!(inn12("5001007322"), "500100732259");
        assert_eq!(ogrn13("102770013219"), "1027700132195");
        assert_eq!(ogrnip15("30450011600015"), "304500116000157");
        assert_eq!(corr_account("044525225"), "30101810400000000225");
        assert_eq!(
            bank_account("044030790", "407038109048", 101),
            "40703810890480000101"
        );
    }

    #[test]
    fn generated_numbers_pass_the_checks() {
        for n in 0..200u32 {
            let bik = format!("04685{:04}", 50 + n);
            assert_eq!(validation::bik(&bik), Ok(()));
            let account = bank_account(&bik, "40702810", n * 7919);
            assert_eq!(
                validation::bank_account(&account, &bik),
                Ok(()),
                "{account}"
            );
            let corr = corr_account(&bik);
            assert_eq!(validation::corr_account(&corr, &bik), Ok(()), "{corr}");
            assert!(validation::inn(&inn10(&format!("68{:07}", n * 131))).is_ok());
            assert!(validation::inn(&inn12(&format!("68{:08}", n * 977))).is_ok());
            assert!(validation::ogrn(&ogrn13(&format!("10268{:07}", n * 37))).is_ok());
            assert!(validation::ogrn(&ogrnip15(&format!("30468{:09}", n * 53))).is_ok());
        }
    }

    #[test]
    fn rkc_account_uses_zero_and_bik_digits_5_6() {
        // A subdivision of the Bank of Russia (БИК ending 001): the key is
        // computed over «0» + digits 5–6, like a correspondent account.
        // Here, not with the check, so that the check knows no generator.
        let bik = "046850001";
        let account = account_with_prefix(&rkc_prefix(bik), "40702810", 7);
        assert_eq!(validation::bank_account(&account, bik), Ok(()));
    }
}
