//! ИНН, КПП, ОГРН/ОГРНИП, БИК and bank accounts with their check digits
//! (DOMAIN.md §2).

use super::{compact, CheckError, Field, InnKind, OgrnKind};

const INN10_WEIGHTS: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const ACCOUNT_WEIGHTS: [u32; 3] = [7, 1, 3];

/// ИНН: 10 digits (organisation) or 12 (ИП, person), with check digits.
pub fn inn(v: &str) -> Result<InnKind, CheckError> {
    let (value, digits) = digits_of(Field::Inn, v)?;
    match digits.len() {
        10 if inn10_check(&digits[..9]) == digits[9] => Ok(InnKind::Legal),
        12 if inn12_checks(&digits[..10]) == (digits[10], digits[11]) => Ok(InnKind::Individual),
        10 | 12 => Err(CheckError::Checksum {
            field: Field::Inn,
            value,
        }),
        found => Err(CheckError::WrongLength {
            field: Field::Inn,
            found,
        }),
    }
}

/// A requisite a spreadsheet kept as a number, and so without its leading
/// zero (ИНН 0123456789 → 123456789, КПП 012301001 → 12301001, БИК
/// 044525225 → 44525225): the value with the zero back when it is all
/// digits, does not start with a zero itself (a number never does), is one
/// digit short and the padded value passes the requisite's check; else
/// `None`. ОГРН is never restored: its first digit is the record's kind
/// (1, 3, 5 …), never 0. For the import of a table only: a form keeps what
/// she typed and shows its error.
pub fn restore_leading_zero(field: Field, v: &str) -> Option<String> {
    let value = compact(v);
    let from_number = value.bytes().all(|b| b.is_ascii_digit()) && !value.starts_with('0');
    let short = match field {
        Field::Inn => [9, 11].contains(&value.len()),
        Field::Kpp | Field::Bik => value.len() == 8,
        _ => false,
    };
    if !from_number || !short {
        return None;
    }
    let padded = format!("0{value}");
    let valid = match field {
        Field::Inn => inn(&padded).is_ok(),
        Field::Kpp => kpp(&padded).is_ok(),
        _ => bik(&padded).is_ok(),
    };
    valid.then_some(padded)
}

/// КПП: 9 characters — 4 digits (tax office), 2 digits or uppercase Latin
/// letters A–Z (reason of registration, the tax service allows letters
/// here), 3 digits. There is no check digit.
pub fn kpp(v: &str) -> Result<(), CheckError> {
    let value = compact(v);
    if value.is_empty() {
        return Err(CheckError::Empty(Field::Kpp));
    }
    for (i, ch) in value.chars().enumerate() {
        let position = i + 1;
        let ok = if (5..=6).contains(&position) {
            ch.is_ascii_digit() || ch.is_ascii_uppercase()
        } else {
            ch.is_ascii_digit()
        };
        if !ok {
            return Err(CheckError::KppChar { ch, position });
        }
    }
    match value.chars().count() {
        9 => Ok(()),
        found => Err(CheckError::WrongLength {
            field: Field::Kpp,
            found,
        }),
    }
}

/// ОГРН (13 digits, mod 11) or ОГРНИП (15 digits, mod 13).
pub fn ogrn(v: &str) -> Result<OgrnKind, CheckError> {
    let (value, digits) = digits_of(Field::Ogrn, v)?;
    let (kind, field) = match digits.len() {
        13 => (OgrnKind::Legal, Field::Ogrn),
        15 => (OgrnKind::Individual, Field::Ogrnip),
        found => {
            return Err(CheckError::WrongLength {
                field: Field::Ogrn,
                found,
            })
        }
    };
    let body = &digits[..digits.len() - 1];
    let last = digits[digits.len() - 1];
    let expected = match kind {
        OgrnKind::Legal => ogrn_check(body, 11),
        OgrnKind::Individual => ogrn_check(body, 13),
    };
    if expected == last {
        Ok(kind)
    } else {
        Err(CheckError::Checksum { field, value })
    }
}

/// БИК: 9 digits; «04» for banks and subdivisions of the Bank of Russia,
/// «00», «01», «02» for the territorial bodies of the Federal Treasury
/// (ТОФК, since 2021 — the БИК of a municipal institution's treasury
/// account). There is no check digit.
pub fn bik(v: &str) -> Result<(), CheckError> {
    let (value, digits) = digits_of(Field::Bik, v)?;
    if digits.len() != 9 {
        return Err(CheckError::WrongLength {
            field: Field::Bik,
            found: digits.len(),
        });
    }
    if value.starts_with("04") || is_treasury_bik(&value) {
        Ok(())
    } else {
        Err(CheckError::BikPrefix { value })
    }
}

/// Расчётный счёт: 20 digits whose control key (9th digit) agrees with the
/// БИК: the last 3 digits of the БИК (for an account in a subdivision of
/// the Bank of Russia, БИК ending 000–002: «0» + digits 5–6) followed by the
/// 20 digits, weights 7, 1, 3 repeated, sum of the products' last digits
/// mod 10 = 0. A treasury account (starts with «03», БИК of a ТОФК) has no
/// control key and is only checked for its 20 digits.
pub fn bank_account(account: &str, bik: &str) -> Result<(), CheckError> {
    let field = Field::BankAccount;
    let (account, digits) = account_digits(field, account)?;
    let bik = valid_bik_for(field, bik)?;
    if is_treasury_bik(&bik) && account.starts_with("03") {
        return Ok(());
    }
    let prefix = if matches!(&bik[6..], "000" | "001" | "002") {
        rkc_prefix(&bik)
    } else {
        bik[6..].to_string()
    };
    key_result(field, &prefix, &digits, account, bik)
}

/// Корреспондентский счёт: 20 digits starting with «301» (with a treasury
/// БИК, the единый казначейский счёт starting with «40102»), control key
/// over «0» + digits 5–6 of the БИК followed by the account.
pub fn corr_account(account: &str, bik: &str) -> Result<(), CheckError> {
    let field = Field::CorrAccount;
    let (account, digits) = account_digits(field, account)?;
    let bik = valid_bik_for(field, bik)?;
    let allowed =
        account.starts_with("301") || (is_treasury_bik(&bik) && account.starts_with("40102"));
    if !allowed {
        return Err(CheckError::CorrAccountPrefix { value: account });
    }
    key_result(field, &rkc_prefix(&bik), &digits, account, bik)
}

fn key_result(
    field: Field,
    prefix: &str,
    digits: &[u8],
    account: String,
    bik: String,
) -> Result<(), CheckError> {
    if account_key_sum(prefix, digits).is_multiple_of(10) {
        Ok(())
    } else {
        Err(CheckError::AccountKey {
            field,
            account,
            bik,
        })
    }
}

/// «0» + digits 5–6 of the БИК: the conditional number of a cash settlement
/// centre of the Bank of Russia.
pub(crate) fn rkc_prefix(bik: &str) -> String {
    format!("0{}", &bik[4..6])
}

fn is_treasury_bik(bik: &str) -> bool {
    bik.starts_with("00") || bik.starts_with("01") || bik.starts_with("02")
}

fn account_digits(field: Field, v: &str) -> Result<(String, Vec<u8>), CheckError> {
    let (value, digits) = digits_of(field, v)?;
    if digits.len() == 20 {
        Ok((value, digits))
    } else {
        Err(CheckError::WrongLength {
            field,
            found: digits.len(),
        })
    }
}

fn valid_bik_for(field: Field, v: &str) -> Result<String, CheckError> {
    bik(v).map_err(|_| CheckError::AccountNeedsBik { field })?;
    Ok(compact(v))
}

/// The compacted value and its digits; empty input and any non-digit are
/// errors.
fn digits_of(field: Field, v: &str) -> Result<(String, Vec<u8>), CheckError> {
    let value = compact(v);
    if value.is_empty() {
        return Err(CheckError::Empty(field));
    }
    let mut digits = Vec::with_capacity(value.len());
    for ch in value.chars() {
        if !ch.is_ascii_digit() {
            return Err(CheckError::InvalidChar { field, ch });
        }
        digits.push(ch as u8 - b'0');
    }
    Ok((value, digits))
}

/// (Σ weight·digit mod 11) mod 10.
fn weighted_mod11(digits: &[u8], weights: &[u32]) -> u8 {
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    (sum % 11 % 10) as u8
}

/// The 10th digit of an ИНН-10 from its first 9.
pub(crate) fn inn10_check(first9: &[u8]) -> u8 {
    weighted_mod11(first9, &INN10_WEIGHTS)
}

/// The 11th and 12th digits of an ИНН-12 from its first 10.
pub(crate) fn inn12_checks(first10: &[u8]) -> (u8, u8) {
    let d11 = weighted_mod11(first10, &INN12_WEIGHTS_11);
    let mut first11 = first10.to_vec();
    first11.push(d11);
    (d11, weighted_mod11(&first11, &INN12_WEIGHTS_12))
}

/// (number made of `body` mod `modulus`) mod 10; 14 digits fit a u64.
pub(crate) fn ogrn_check(body: &[u8], modulus: u64) -> u8 {
    let number = body.iter().fold(0u64, |n, d| n * 10 + u64::from(*d));
    (number % modulus % 10) as u8
}

/// Σ (last digit of weight·digit) over the 3-digit prefix and the account.
pub(crate) fn account_key_sum(prefix: &str, account: &[u8]) -> u32 {
    prefix
        .bytes()
        .map(|b| b.wrapping_sub(b'0'))
        .chain(account.iter().copied())
        .zip(ACCOUNT_WEIGHTS.iter().cycle())
        .map(|(d, w)| u32::from(d) * w % 10)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg<T: std::fmt::Debug>(r: Result<T, CheckError>) -> String {
        r.expect_err("should be rejected").to_string()
    }

    #[test]
    fn inn_kinds_and_checksums() {
        assert_eq!(inn("7707083893"), Ok(InnKind::Legal));
        assert_eq!(inn(" 7707 083 893 "), Ok(InnKind::Legal));
        assert_eq!(inn("500100732259"), Ok(InnKind::Individual));
        assert_eq!(
            msg(inn("7707083894")),
            "ИНН 7707083894 не проходит проверку контрольной суммы: проверьте цифры — вероятно, опечатка."
        );
        // A wrong 11th digit, and a wrong 12th digit.
        assert!(inn("500100732269").is_err());
        assert!(inn("500100732258").is_err());
    }

    #[test]
    fn inn_messages() {
        assert_eq!(
            msg(inn("770708389")),
            "ИНН должен состоять из 10 цифр (организация) или 12 цифр (ИП, физическое лицо), а введено 9 цифр."
        );
        assert_eq!(
            msg(inn("77О7083893")),
            "В ИНН допустимы только цифры, а встретился символ «О» — похоже, вместо нуля набрана буква."
        );
        assert_eq!(
            msg(inn("7707-083893")),
            "В ИНН допустимы только цифры, а встретился символ «-»."
        );
        assert_eq!(
            msg(inn("   ")),
            "ИНН не указан: введите 10 цифр для организации или 12 цифр для ИП и физического лица."
        );
    }

    #[test]
    fn kpp_rules() {
        assert_eq!(kpp("773601001"), Ok(()));
        assert_eq!(kpp("7736AB001"), Ok(()));
        assert_eq!(kpp("7736 01 001"), Ok(()));
        assert_eq!(
            msg(kpp("7736АВ001")),
            "В 5-й и 6-й позициях КПП допустимы только цифры и заглавные латинские буквы A–Z, а встретился символ «А» — похоже, буква набрана в русской раскладке."
        );
        assert_eq!(
            msg(kpp("7736ab001")),
            "В 5-й и 6-й позициях КПП допустимы только цифры и заглавные латинские буквы A–Z, а встретился символ «a» — наберите её заглавной."
        );
        assert_eq!(
            msg(kpp("77A601001")),
            "В 3-й позиции КПП допустимы только цифры, а встретился символ «A»."
        );
        assert_eq!(
            msg(kpp("77360100")),
            "КПП должен состоять из 9 знаков, а введено 8 знаков."
        );
        assert_eq!(
            msg(kpp("7")),
            "КПП должен состоять из 9 знаков, а введён 1 знак."
        );
    }

    #[test]
    fn ogrn_rules() {
        assert_eq!(ogrn("1027700132195"), Ok(OgrnKind::Legal));
        assert_eq!(ogrn("304500116000157"), Ok(OgrnKind::Individual));
        assert_eq!(
            msg(ogrn("304500116000158")),
            "ОГРНИП 304500116000158 не проходит проверку контрольной суммы: проверьте цифры — вероятно, опечатка."
        );
        assert_eq!(
            msg(ogrn("10277001321950")),
            "ОГРН должен состоять из 13 цифр (организация) или 15 цифр (ОГРНИП индивидуального предпринимателя), а введено 14 цифр."
        );
    }

    #[test]
    fn bik_rules() {
        assert_eq!(bik("044525225"), Ok(()));
        assert_eq!(bik("017003983"), Ok(()));
        assert_eq!(
            msg(bik("144525225")),
            "БИК российского банка начинается с «04» (у органов Федерального казначейства — с «00», «01» или «02»), а введён БИК 144525225: проверьте первые цифры."
        );
        assert_eq!(
            msg(bik("04452522")),
            "БИК должен состоять из 9 цифр, а введено 8 цифр."
        );
    }

    #[test]
    fn a_lost_leading_zero_comes_back_only_when_the_check_passes() {
        let restore = restore_leading_zero;
        // Republic of Adygea (region 01): valid check digits.
        let inn10 = "0105001234".to_string();
        let inn12 = "010500123494".to_string();
        assert_eq!(inn(&inn10), Ok(InnKind::Legal));
        assert_eq!(inn(&inn12), Ok(InnKind::Individual));
        assert_eq!(restore(Field::Inn, &inn10[1..]), Some(inn10.clone()));
        assert_eq!(restore(Field::Inn, &inn12[1..]), Some(inn12.clone()));
        assert_eq!(restore(Field::Inn, &inn10), None, "a whole ИНН stays");
        let last = inn10.as_bytes()[9] - b'0';
        let typo = format!("{}{}", &inn10[1..9], (last + 1) % 10);
        assert_eq!(restore(Field::Inn, &typo), None, "the check digit fails");
        assert_eq!(restore(Field::Inn, "012345678"), None, "text, not a number");
        assert_eq!(restore(Field::Inn, "12345678"), None);
        assert_eq!(restore(Field::Kpp, "10501001"), Some("010501001".into()));
        assert_eq!(restore(Field::Kpp, "1050100"), None);
        assert_eq!(restore(Field::Bik, "44525225"), Some("044525225".into()));
        assert_eq!(restore(Field::Bik, "64452522"), None, "no БИК starts «06»");
        let ogrn_value = "1026800001238";
        assert_eq!(ogrn(ogrn_value), Ok(OgrnKind::Legal));
        assert_eq!(
            restore(Field::Ogrn, &ogrn_value[1..]),
            None,
            "ОГРН never starts with 0"
        );
    }

    #[test]
    fn accounts() {
        assert_eq!(corr_account("30101810400000000225", "044525225"), Ok(()));
        assert_eq!(
            msg(corr_account("30101810500000000225", "044525225")),
            "Корреспондентский счёт 30101810500000000225 не соответствует БИК 044525225: не сходится контрольный ключ. Проверьте номер счёта и БИК — вероятно, опечатка."
        );
        assert_eq!(
            msg(bank_account("40702810400000000225", "")),
            "Расчётный счёт нельзя проверить без правильного БИК банка: сначала укажите или исправьте БИК."
        );
        assert_eq!(
            msg(bank_account("4070281040000000022", "044525225")),
            "Расчётный счёт должен состоять из 20 цифр, а введено 19 цифр."
        );
    }
}
