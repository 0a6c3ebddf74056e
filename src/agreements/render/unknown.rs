//! Which field a template line names that the context lacks, so that the
//! error says «Строка 3: нет поля «неизвестное»» instead of minijinja's
//! «undefined value», with the nearest real name when there is one.

use minijinja::Value;

/// Words of the template language that are not fields.
const KEYWORDS: &[&str] = &[
    "for",
    "in",
    "if",
    "elif",
    "else",
    "endif",
    "endfor",
    "not",
    "and",
    "or",
    "is",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
    "set",
    "endset",
    "with",
    "endwith",
    "recursive",
    "range",
    "filter",
    "endfilter",
    "raw",
    "endraw",
    "as",
];

/// A field the line names and the context lacks: the name as written up to
/// the missing part, and the nearest existing name when one is close.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub name: String,
    pub nearest: Option<String>,
}

/// One `{{ … }}` or `{% … %}` of the source: its 1-based line and inside.
struct Tag<'a> {
    line: usize,
    statement: bool,
    inner: &'a str,
}

fn tags(source: &str) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut rest = source;
    let mut offset = 0;
    // Lines are counted as the scan goes: a long template stays linear.
    let (mut line, mut counted) = (1, 0);
    while let Some(start) = rest.find(['{']) {
        let after = &rest[start..];
        let (statement, close) = if after.starts_with("{{") {
            (false, "}}")
        } else if after.starts_with("{%") {
            (true, "%}")
        } else {
            offset += start + 1;
            rest = &rest[start + 1..];
            continue;
        };
        let Some(end) = after[2..].find(close) else {
            break;
        };
        line += source[counted..offset + start].matches('\n').count();
        counted = offset + start;
        out.push(Tag {
            line,
            statement,
            inner: after[2..2 + end].trim_matches(['-', '+', ' ', '\t', '\n']),
        });
        let used = start + 2 + end + 2;
        offset += used;
        rest = &rest[used..];
    }
    out
}

/// The dotted names in an expression (`own.head.in_person`, `plan[0].title`),
/// leaving out strings, filters, tests and keywords.
fn paths(expr: &str) -> Vec<String> {
    let chars: Vec<char> = expr.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev_sig = ' ';
    let mut prev_word = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c == '"' || c == '\'' {
            i += 1;
            while i < chars.len() && chars[i] != c {
                i += 1;
            }
            i += 1;
            prev_sig = c;
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '.' | '[' | ']'))
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let word = word.trim_end_matches('.').to_string();
            let filter_or_test = prev_sig == '|' || prev_word == "is";
            let next = chars[i..].iter().find(|c| !c.is_whitespace());
            let call = next == Some(&'(');
            if !filter_or_test && !call && !KEYWORDS.contains(&word.as_str()) {
                out.push(word.clone());
            }
            prev_word = word;
            prev_sig = 'a';
            continue;
        }
        if !c.is_whitespace() {
            prev_sig = c;
            prev_word.clear();
        }
        i += 1;
    }
    out
}

/// `name[2]` → (`name`, Some(2)).
fn indexed(part: &str) -> (&str, Option<usize>) {
    match part.split_once('[') {
        Some((k, rest)) => (k, rest.trim_end_matches(']').parse().ok()),
        None => (part, None),
    }
}

fn attr(v: &Value, part: &str) -> Value {
    let (key, index) = indexed(part);
    let mut out = v.get_attr(key).unwrap_or(Value::UNDEFINED);
    if let Some(i) = index {
        out = out.get_item_by_index(i).unwrap_or(Value::UNDEFINED);
    }
    out
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != *cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The key of `parent` nearest to `wrong`, written in the same alphabet.
fn nearest(parent: &Value, wrong: &str) -> Option<String> {
    let cyrillic = |s: &str| s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let limit = if wrong.chars().count() >= 5 { 2 } else { 1 };
    parent
        .try_iter()
        .ok()?
        .filter_map(|k| k.as_str().map(str::to_string))
        .filter(|k| cyrillic(k) == cyrillic(wrong))
        .map(|k| (levenshtein(&k, wrong), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// The first part of `path` missing in `root`, given the active loops
/// (loop variable → one item of its list). `None` when all of it is there
/// or it cannot be told (a loop over an empty list).
fn check(path: &str, root: &Value, loops: &[(String, Value)]) -> Option<Unknown> {
    let parts: Vec<&str> = path.split('.').collect();
    let (first_key, _) = indexed(parts[0]);
    if first_key == "loop" {
        return None;
    }
    let mut current = match loops.iter().rev().find(|(var, _)| var == first_key) {
        Some((_, item)) if item.is_undefined() => return None,
        Some((_, item)) => item.clone(),
        None => root.clone(),
    };
    let start = usize::from(loops.iter().any(|(var, _)| var == first_key));
    for (i, part) in parts.iter().enumerate().skip(start) {
        let next = attr(&current, part);
        if next.is_undefined() {
            let written = parts[..=i].join(".");
            let near = nearest(&current, indexed(part).0).map(|k| {
                let mut p: Vec<&str> = parts[..i].to_vec();
                p.push(&k);
                p.join(".")
            });
            return Some(Unknown {
                name: written,
                nearest: near,
            });
        }
        current = next;
    }
    None
}

/// The first unknown field on `line` (or anywhere when the line is not
/// known), following the `{% for %}` loops open at each place.
pub fn find(source: &str, line: Option<usize>, root: &Value) -> Option<Unknown> {
    let mut loops: Vec<(String, Value)> = Vec::new();
    for tag in tags(source) {
        let words: Vec<&str> = tag.inner.split_whitespace().collect();
        if tag.statement && words.first() == Some(&"endfor") {
            loops.pop();
            continue;
        }
        let here = line.is_none_or(|l| l == tag.line);
        if tag.statement && words.first() == Some(&"set") {
            // `{% set x = … %}`: x is the template's own from here on.
            if let Some(name) = words.get(1) {
                let name = name.trim_end_matches('=');
                loops.insert(0, (name.to_string(), Value::UNDEFINED));
            }
            continue;
        }
        if tag.statement && words.first() == Some(&"for") {
            let list = words
                .iter()
                .position(|w| *w == "in")
                .and_then(|i| words.get(i + 1))
                .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_'));
            if let Some(list) = list {
                if here {
                    if let Some(u) = check(list, root, &loops) {
                        return Some(u);
                    }
                }
                let items = resolve(list, root, &loops);
                let first = items.get_item_by_index(0).unwrap_or(Value::UNDEFINED);
                loops.push((words.get(1).unwrap_or(&"").to_string(), first));
            }
            continue;
        }
        if here {
            for p in paths(tag.inner) {
                if let Some(u) = check(&p, root, &loops) {
                    return Some(u);
                }
            }
        }
    }
    None
}

fn resolve(path: &str, root: &Value, loops: &[(String, Value)]) -> Value {
    let mut parts = path.split('.');
    let first = parts.next().unwrap_or("");
    let mut v = match loops.iter().rev().find(|(var, _)| var == first) {
        Some((_, item)) => item.clone(),
        None => attr(root, first),
    };
    for part in parts {
        v = attr(&v, part);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> Value {
        Value::from_serialize(serde_json::json!({
            "own": {"head": {"name": "x"}},
            "учреждение": {"руководитель": {"фио": "x"}},
            "partners": [{"role": "a"}],
            "plan": [],
        }))
    }

    #[test]
    fn names_the_missing_part_and_the_nearest() {
        let r = root();
        let u = find("a\n\n{{ неизвестное }}", Some(3), &r).expect("found");
        assert_eq!(u.name, "неизвестное");
        let u = find("{{ own.hed.name }}", Some(1), &r).expect("found");
        assert_eq!(u.name, "own.hed");
        assert_eq!(u.nearest.as_deref(), Some("own.head"));
        let u = find("{{ учреждение.руководитель.фиo }}", None, &r).expect("found");
        assert_eq!(u.name, "учреждение.руководитель.фиo");
        let u = find(
            "{% for p in partners %}{{ p.rle|upper }}{% endfor %}",
            Some(1),
            &r,
        )
        .expect("found");
        assert_eq!(
            (u.name.as_str(), u.nearest.as_deref()),
            ("p.rle", Some("p.role"))
        );
        assert_eq!(
            find(
                "{% for p in partners %}{{ p.role }}{% endfor %}",
                Some(1),
                &r
            ),
            None
        );
        assert_eq!(
            find("{% for r in plan %}{{ r.x }}{% endfor %}", Some(1), &r),
            None
        );
        assert_eq!(
            find(
                "{{ 'own.x' ~ own.head.name|default('a') }} текст",
                Some(1),
                &r
            ),
            None
        );
        assert_eq!(find("{% if loop.last %}{% endif %}", Some(1), &r), None);
        let u = find("{% set x = 1 %}{{ x }}{{ y }}", Some(1), &r).expect("found");
        assert_eq!(u.name, "y");
        // A long template: lines are counted once, not from the start at
        // each tag (which would be quadratic).
        let long = "{{ own.head.name }}\n".repeat(50_000) + "{{ nope }}";
        let u = find(&long, Some(50_001), &r).expect("found");
        assert_eq!(u.name, "nope");
    }
}
