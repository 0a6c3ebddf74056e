//! E-mail, phone and website: pragmatic checks and normalisation.

use super::{CheckError, Field};

/// A pragmatic e-mail check: no spaces, exactly one «@», a non-empty local
/// part, a domain with a dot whose labels are letters (Cyrillic too),
/// digits and hyphens, and a top-level domain of 2+ letters («почта@дом.рф»
/// is fine).
pub fn email(v: &str) -> Result<(), CheckError> {
    let value = v.trim();
    if value.is_empty() {
        return Err(CheckError::Empty(Field::Email));
    }
    let owned = || value.to_string();
    if value.chars().any(char::is_whitespace) {
        return Err(CheckError::Spaces {
            field: Field::Email,
            value: owned(),
        });
    }
    let mut parts = value.split('@');
    let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => (local, domain),
        (_, None, _) => return Err(CheckError::EmailNoAt { value: owned() }),
        _ => return Err(CheckError::EmailManyAt { value: owned() }),
    };
    if local.is_empty() {
        return Err(CheckError::EmailNoLocal { value: owned() });
    }
    if !is_domain(domain) {
        return Err(CheckError::EmailDomain { value: owned() });
    }
    Ok(())
}

/// Normalises a Russian phone number to «+7 (XXX) XXX-XX-XX», keeping an
/// extension as « доб. N». Accepted: 11 digits starting with 8 or 7
/// (`8 (47541) 2-34-56`, `7(4754)12-34-56`, `84754123456`), «+7» and 10
/// digits (`+7 475 412 34 56`), or 10 digits alone (`4754123456`).
/// Separators: spaces, hyphens and dashes, brackets, dots. The extension
/// follows «доб.», «доб», «добавочный» or «ext.» and has 1–6 digits.
pub fn phone(v: &str) -> Result<String, CheckError> {
    let value = v.trim();
    if value.is_empty() {
        return Err(CheckError::Empty(Field::Phone));
    }
    let bad = || CheckError::Phone {
        value: value.to_string(),
    };
    let (main, extension) = split_extension(value).ok_or_else(bad)?;
    let main = main.trim();
    let (plus, rest) = match main.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, main),
    };
    let mut digits = String::with_capacity(11);
    for ch in rest.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else if !(ch.is_whitespace() || matches!(ch, '-' | '–' | '—' | '(' | ')' | '.')) {
            return Err(bad());
        }
    }
    let national = match (plus, digits.len()) {
        (true, 11) if digits.starts_with('7') => &digits[1..],
        (false, 11) if digits.starts_with('7') || digits.starts_with('8') => &digits[1..],
        (false, 10) => &digits[..],
        _ => return Err(bad()),
    };
    // Russian area and operator codes start with 3, 4, 8 or 9 (7 is shared
    // with Kazakhstan); 0, 1 and 2 begin no number.
    if matches!(national.as_bytes().first(), Some(b'0' | b'1' | b'2') | None) {
        return Err(bad());
    }
    let n = national;
    let mut out = format!("+7 ({}) {}-{}-{}", &n[..3], &n[3..6], &n[6..8], &n[8..10]);
    if let Some(ext) = extension {
        out.push_str(" доб. ");
        out.push_str(ext);
    }
    Ok(out)
}

/// Splits «… доб. 123» into the number and the extension digits. `None` if
/// an extension marker is followed by something other than 1–6 digits.
fn split_extension(value: &str) -> Option<(&str, Option<&str>)> {
    // Longer markers first, so that «добавочный» is not read as «доб».
    let markers = ["добавочный", "доб.", "доб", "ext.", "ext"];
    let found = value.char_indices().find_map(|(at, _)| {
        markers
            .iter()
            .find_map(|m| starts_with_ci(&value[at..], m).map(|len| (at, at + len)))
    });
    let Some((at, after)) = found else {
        return Some((value, None));
    };
    let ext = value[after..]
        .trim_start_matches(|c: char| c.is_whitespace() || c == '.' || c == ':')
        .trim_end();
    let main = value[..at].trim_end().trim_end_matches(',');
    if (1..=6).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_digit()) {
        Some((main, Some(ext)))
    } else {
        None
    }
}

/// If `text` starts with the lowercase `marker`, ignoring case, the byte
/// length of the matched part of `text`.
fn starts_with_ci(text: &str, marker: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for m in marker.chars() {
        let c = chars.next()?;
        if !c.to_lowercase().eq(std::iter::once(m)) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// Normalises a website address: adds «https://» when no scheme is given,
/// lowercases the scheme and the host, keeps the path. Rejects spaces,
/// schemes other than http(s), and hosts without a dot. Cyrillic domains
/// («дом-творчества.рф») are fine.
pub fn website(v: &str) -> Result<String, CheckError> {
    let value = v.trim();
    if value.is_empty() {
        return Err(CheckError::Empty(Field::Website));
    }
    let owned = || value.to_string();
    if value.chars().any(char::is_whitespace) {
        return Err(CheckError::Spaces {
            field: Field::Website,
            value: owned(),
        });
    }
    let (scheme, rest) = match value.find("://") {
        Some(at) => {
            let scheme = value[..at].to_lowercase();
            if scheme != "http" && scheme != "https" {
                return Err(CheckError::WebsiteScheme { value: owned() });
            }
            (scheme, &value[at + 3..])
        }
        None => ("https".to_string(), value),
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(host_end);
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !port_ok || !is_domain(host) {
        return Err(CheckError::WebsiteDomain { value: owned() });
    }
    let mut out = format!("{scheme}://{}", host.to_lowercase());
    if let Some(port) = port {
        out.push(':');
        out.push_str(port);
    }
    out.push_str(path);
    Ok(out)
}

/// A domain name with at least one dot: labels of letters (any script),
/// digits and inner hyphens; the last label 2+ letters or punycode.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld = labels[labels.len() - 1];
    let tld_ok = tld.starts_with("xn--")
        || (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    labels.iter().all(|l| label_ok(l)) && tld_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in [
            "school1-kotovsk@example.ru",
            "  ddt.kotovsk@mail.ru ",
            "почта@дом-творчества.рф",
            "a.b+c@sub.example.com",
        ] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            email("ddt.kotovsk.mail.ru").unwrap_err().to_string(),
            "В адресе электронной почты «ddt.kotovsk.mail.ru» нет знака «@»: адрес должен выглядеть как name@example.ru."
        );
        assert_eq!(
            email("a@b@c.ru").unwrap_err().to_string(),
            "В адресе электронной почты «a@b@c.ru» несколько знаков «@», а должен быть один: укажите один адрес в виде name@example.ru."
        );
        assert_eq!(
            email("@mail.ru").unwrap_err().to_string(),
            "В адресе электронной почты «@mail.ru» перед знаком «@» должно стоять имя ящика, например name@example.ru."
        );
        assert_eq!(
            email("ddt@mail").unwrap_err().to_string(),
            "В адресе электронной почты «ddt@mail» после знака «@» должен стоять домен с точкой, например example.ru."
        );
        assert_eq!(
            email("ddt @mail.ru").unwrap_err().to_string(),
            "В адресе электронной почты «ddt @mail.ru» не должно быть пробелов: уберите их."
        );
        assert!(email("ddt@mail..ru").is_err());
        assert!(email("ddt@mail.r").is_err());
        assert_eq!(
            email("").unwrap_err().to_string(),
            "Адрес электронной почты не указан: введите его в виде name@example.ru."
        );
    }

    #[test]
    fn websites() {
        let cases = [
            ("ddt-kotovsk.ru", "https://ddt-kotovsk.ru"),
            ("http://ddt-kotovsk.ru/", "http://ddt-kotovsk.ru/"),
            (
                "HTTPS://DDT-Kotovsk.RU/About",
                "https://ddt-kotovsk.ru/About",
            ),
            ("дом-творчества.рф", "https://дом-творчества.рф"),
            (
                "www.school1.example.ru:8080/news?id=1",
                "https://www.school1.example.ru:8080/news?id=1",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(website(input).as_deref(), Ok(expected), "{input}");
        }
        assert_eq!(
            website("ftp://ddt.ru").unwrap_err().to_string(),
            "Адрес сайта «ftp://ddt.ru» должен начинаться с http:// или https:// (или просто с имени сайта, например ddt-kotovsk.ru)."
        );
        assert_eq!(
            website("ddt kotovsk.ru").unwrap_err().to_string(),
            "В адресе сайта «ddt kotovsk.ru» не должно быть пробелов: уберите их."
        );
        assert_eq!(
            website("localhost").unwrap_err().to_string(),
            "Адрес сайта «localhost» не похож на имя сайта: укажите домен с точкой, например ddt-kotovsk.ru или дом-творчества.рф."
        );
        assert!(website("mailto:ddt@mail.ru").is_err());
    }

    #[test]
    fn phone_extension_markers() {
        assert_eq!(
            phone("8 (47541) 2-34-56, доб. 12").as_deref(),
            Ok("+7 (475) 412-34-56 доб. 12")
        );
        assert_eq!(
            phone("84754123456 ext.7").as_deref(),
            Ok("+7 (475) 412-34-56 доб. 7")
        );
        assert!(phone("8 (47541) 2-34-56 доб. секретарь").is_err());
    }
}
