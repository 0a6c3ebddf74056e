//! Dependencies point one way only. This test reads the core's sources,
//! follows the module tree from `src/lib.rs`, collects every `crate::…` and
//! `super::…` path (`use` groups included) and fails when
//! - two top-level modules import each other, directly or around a loop;
//! - a module imports one of its own layer or of a higher layer (see
//!   [`LAYERS`]), or a module is missing from the table;
//! - the files of one directory import each other around a loop (outside
//!   [`KNOWN_CYCLE_EDGES`]).
//!
//! `cargo test --test architecture -- --nocapture` prints the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lower layers first; a module may import only modules of lower layers, so
/// the modules of one layer are peers that do not know each other. A new
/// top-level module must be placed here.
const LAYERS: &[&[&str]] = &[
    &["error"],
    // Pure: no storage, no domain.
    &["text", "validation", "documents", "grammar"],
    &["storage"],
    // Requisites, head and their checks and columns: what partners, the
    // institution and the agreements' parties share.
    &["organisation"],
    &["institution"],
    &["settings"],
    &["partners"],
    // People as records of their own: contacts of partners, the responsible
    // of events and agreements.
    &["persons"],
    &["brochures"],
    &["agreements"],
    &["events"],
    // Copies of the database and the attachments; imports call it first.
    &["backups"],
    // The network's health: a read model the reports build on.
    &["network"],
    // Read models and decisions that cross domains.
    &[
        "reports",
        "vocabulary",
        "trash",
        "damaged",
        "notifications",
        "search",
    ],
    // Exchange packages between institutions: records across the domains.
    &["exchange"],
    // Files in and out of every feature, reports included.
    &["exports", "imports"],
    // Removing the demo and starting over both back up first.
    &["demo", "start_over"],
    &["cli"],
];

/// Edges between files of one directory that close a cycle someone is still
/// removing: `(directory, from, to)`. Their cycles are printed, not failed.
/// Empty: documents/ went acyclic by moving the shared geometry and drawing
/// types down into `geometry.rs` and `draw.rs`. Add an edge here only while
/// a cycle is being taken apart, and drop it when it is gone.
const KNOWN_CYCLE_EDGES: &[(&str, &str, &str)] = &[];

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Punct(&'static str),
}

/// Rust tokens enough to find paths: comments dropped, strings kept whole
/// (so that their braces do not count), numbers and lifetimes dropped.
fn tokens(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else if i >= c.len() {
                    break;
                } else {
                    i += 1;
                }
            }
        } else if let Some((text, next)) = raw_string(&c, i) {
            out.push(Tok::Str(text));
            i = next;
        } else if ch == '"' || (ch == 'b' && at(i + 1) == '"') {
            i += if ch == 'b' { 2 } else { 1 };
            let mut text = String::new();
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                text.push(at(i));
                i += 1;
            }
            out.push(Tok::Str(text));
            i += 1;
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            i += if ch == 'b' { 1 } else { 0 };
            if at(i + 1) == '\\' {
                // `'\n'`, `'\''`, `'\u{44}'`: past the escaped character first.
                i += 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                // A lifetime or a label.
                i += 1;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            out.push(Tok::Ident(c[start..i].iter().collect()));
        } else if ch.is_ascii_digit() {
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
        } else if ch == ':' && at(i + 1) == ':' {
            out.push(Tok::Punct("::"));
            i += 2;
        } else {
            const PUNCT: &[&str] = &["{", "}", ",", ";", "*", "#", "[", "]", "=", "<"];
            let p = PUNCT.iter().find(|p| p.starts_with(ch)).copied();
            out.push(Tok::Punct(p.unwrap_or("?")));
            i += 1;
        }
    }
    out
}

/// `r"…"`, `r#"…"#`, `br"…"` at `i`: the text and the index after it.
fn raw_string(c: &[char], i: usize) -> Option<(String, usize)> {
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let mut j = i;
    if at(j) == 'b' {
        j += 1;
    }
    if at(j) != 'r' {
        return None;
    }
    j += 1;
    let hashes = (j..).take_while(|&k| at(k) == '#').count();
    if at(j + hashes) != '"' {
        return None;
    }
    let body = j + hashes + 1;
    let closing: String = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    let rest: String = c[body..].iter().collect();
    let end = rest.find(&closing)?;
    let text: String = rest[..end].to_string();
    Some((
        text.clone(),
        body + text.chars().count() + closing.chars().count(),
    ))
}

fn is(t: Option<&Tok>, p: &str) -> bool {
    matches!(t, Some(Tok::Punct(q)) if *q == p)
}

fn ident(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

/// The paths of a path or `use` tree starting at `i` (just after a `::`).
fn tree(t: &[Tok], i: usize) -> Vec<Vec<String>> {
    if let Some(name) = ident(t.get(i)) {
        if !is(t.get(i + 1), "::") {
            return vec![vec![name.to_string()]];
        }
        let mut out = tree(t, i + 2);
        for p in &mut out {
            p.insert(0, name.to_string());
        }
        return out;
    }
    if !is(t.get(i), "{") {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    let mut j = i + 1;
    let mut item_start = true;
    let mut depth = 0;
    while let Some(tok) = t.get(j) {
        match tok {
            Tok::Punct("}") if depth == 0 => break,
            Tok::Punct("{") => depth += 1,
            Tok::Punct("}") => depth -= 1,
            Tok::Punct(",") if depth == 0 => item_start = true,
            _ if item_start && depth == 0 => {
                out.extend(tree(t, j));
                item_start = false;
            }
            _ => {}
        }
        j += 1;
    }
    out
}

/// One module path reference: `from` is the module the path is written in.
struct Reference {
    from: Vec<String>,
    to: Vec<String>,
}

/// The module tree from `src/lib.rs`: module path → its file.
struct Crate {
    files: BTreeMap<Vec<String>, PathBuf>,
    references: Vec<Reference>,
    /// Items `src/lib.rs` re-exports (`Result`, `Storage`) → their module.
    root_items: BTreeMap<String, String>,
}

fn read_crate(src: &Path) -> Crate {
    let mut krate = Crate {
        files: BTreeMap::new(),
        references: Vec::new(),
        root_items: BTreeMap::new(),
    };
    read_module(&mut krate, &src.join("lib.rs"), Vec::new(), src);
    krate
}

/// Reads one file: its references, and the files of its `mod x;`.
fn read_module(krate: &mut Crate, file: &Path, module: Vec<String>, dir: &Path) {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
    let t = tokens(&text);
    krate.files.insert(module.clone(), file.to_path_buf());
    // Inline modules (`mod tests { … }`) with the brace depth they close at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut path_attr: Option<String> = None;
    for i in 0..t.len() {
        let here = || {
            let mut m = module.clone();
            m.extend(inline.iter().map(|(n, _)| n.clone()));
            m
        };
        match &t[i] {
            Tok::Punct("{") => depth += 1,
            Tok::Punct("}") => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            Tok::Ident(k)
                if k == "path"
                    && is(t.get(i + 1), "=")
                    && is(t.get(i.wrapping_sub(1)), "[")
                    && is(t.get(i.wrapping_sub(2)), "#") =>
            {
                if let Some(Tok::Str(p)) = t.get(i + 2) {
                    path_attr = Some(p.clone());
                }
            }
            Tok::Ident(k) if k == "mod" => {
                let Some(name) = ident(t.get(i + 1)) else {
                    continue;
                };
                if is(t.get(i + 2), "{") {
                    inline.push((name.to_string(), depth + 1));
                } else if is(t.get(i + 2), ";") {
                    let mut child = here();
                    child.push(name.to_string());
                    let base =
                        dir.join(inline.iter().map(|(n, _)| n.as_str()).collect::<PathBuf>());
                    let (child_file, child_dir) = match path_attr.take() {
                        // Relative to the directory of the file that says it.
                        Some(p) => {
                            let f = file.parent().unwrap().join(p);
                            (f.clone(), f.parent().unwrap().to_path_buf())
                        }
                        None if base.join(format!("{name}.rs")).exists() => {
                            (base.join(format!("{name}.rs")), base.join(name))
                        }
                        None => (base.join(name).join("mod.rs"), base.join(name)),
                    };
                    read_module(krate, &child_file, child, &child_dir);
                }
            }
            Tok::Ident(k) if (k == "crate" || k == "super") && is(t.get(i + 1), "::") => {
                if is(t.get(i.wrapping_sub(1)), "::") {
                    continue; // the second `super` of `super::super`
                }
                let mut base = if k == "crate" { Vec::new() } else { here() };
                let mut j = i;
                while ident(t.get(j)) == Some("super") && is(t.get(j + 1), "::") {
                    base.pop();
                    j += 2;
                }
                if k == "crate" {
                    j = i + 2;
                }
                for p in tree(&t, j) {
                    let mut to = base.clone();
                    to.extend(p.into_iter().filter(|s| s != "self"));
                    krate.references.push(Reference { from: here(), to });
                }
            }
            Tok::Ident(k) if k == "use" && module.is_empty() && inline.is_empty() => {
                // `pub use error::{CoreError, Result};` in lib.rs.
                let Some(m) = ident(t.get(i + 1)) else {
                    continue;
                };
                if m == "crate" || !is(t.get(i + 2), "::") {
                    continue;
                }
                for p in tree(&t, i + 3) {
                    if let Some(last) = p.last() {
                        krate.root_items.insert(last.clone(), m.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    if module.is_empty() {
        // lib.rs only declares; its `pub use` are resolved by `root_items`.
        krate.references.retain(|r| !r.from.is_empty());
    }
}

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The graph between the children of `dir` (a module path): an edge when a
/// file inside one child names another child. References to the items of
/// `dir` itself (its `mod.rs`) and from it are not edges.
fn graph_at(krate: &Crate, dir: &[String]) -> Graph {
    let children: BTreeSet<String> = krate
        .files
        .keys()
        .filter(|m| m.len() == dir.len() + 1 && m.starts_with(dir))
        .map(|m| m[dir.len()].clone())
        .collect();
    let mut g: Graph = children
        .iter()
        .map(|c| (c.clone(), BTreeSet::new()))
        .collect();
    for r in &krate.references {
        if r.from.len() <= dir.len() || !r.from.starts_with(dir) {
            continue;
        }
        let from = &r.from[dir.len()];
        let mut to = r.to.clone();
        if dir.is_empty() {
            if let Some(m) = to.first().and_then(|n| krate.root_items.get(n)) {
                to = vec![m.clone()];
            }
        }
        if to.len() <= dir.len() || !to.starts_with(dir) {
            continue;
        }
        let target = &to[dir.len()];
        if target != from && children.contains(target) {
            g.get_mut(from).unwrap().insert(target.clone());
        }
    }
    g
}

/// The simple loops of the graph, each once, starting at its smallest
/// member: `["a", "b", "a"]`. The graphs are small; the count is capped.
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    const CAP: usize = 200;
    fn walk(g: &Graph, start: &str, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        let last = path.last().unwrap().clone();
        for next in g.get(&last).into_iter().flatten() {
            if out.len() >= CAP {
                return;
            }
            if next == start {
                let mut l = path.clone();
                l.push(start.to_string());
                out.push(l);
            } else if next.as_str() > start && !path.contains(next) {
                path.push(next.clone());
                walk(g, start, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    for start in g.keys() {
        walk(g, start, &mut vec![start.clone()], &mut out);
    }
    out.sort_by_key(|l| l.len());
    out
}

fn show(g: &Graph) -> String {
    g.iter()
        .filter(|(_, to)| !to.is_empty())
        .map(|(from, to)| {
            format!(
                "  {from} -> {}",
                to.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn core() -> Crate {
    read_crate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn top_level_modules_have_no_cycles() {
    let g = graph_at(&core(), &[]);
    println!("top-level modules:\n{}", show(&g));
    let found = cycles(&g);
    assert!(
        found.is_empty(),
        "top-level modules import each other around a loop:\n{}",
        found
            .iter()
            .map(|c| format!("  {}", c.join(" -> ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn modules_import_only_lower_layers() {
    let g = graph_at(&core(), &[]);
    let layer = |m: &str| LAYERS.iter().position(|l| l.contains(&m));
    let mut problems = Vec::new();
    for m in g.keys().filter(|m| layer(m).is_none()) {
        problems.push(format!("`{m}` is not in LAYERS: place it in its layer"));
    }
    for m in LAYERS
        .iter()
        .flat_map(|l| l.iter())
        .filter(|m| !g.contains_key(**m))
    {
        problems.push(format!("`{m}` is in LAYERS but there is no such module"));
    }
    for (from, to) in g.iter().flat_map(|(f, ts)| ts.iter().map(move |t| (f, t))) {
        if let (Some(a), Some(b)) = (layer(from), layer(to)) {
            if b >= a {
                let how = if a == b { "its own" } else { "a higher" };
                problems.push(format!(
                    "`{from}` (layer {a}) imports `{to}` of {how} layer ({b}): \
                     move the shared part down, or pass it in"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn files_of_a_directory_have_no_cycles() {
    let krate = core();
    let dirs: BTreeSet<Vec<String>> = krate
        .files
        .keys()
        .filter(|m| !m.is_empty())
        .map(|m| m[..m.len() - 1].to_vec())
        .filter(|d| !d.is_empty())
        .collect();
    let mut failing = Vec::new();
    for dir in &dirs {
        let name = dir.join("/");
        let mut g = graph_at(&krate, dir);
        for c in cycles(&g) {
            println!("{name}/: cycle {}", c.join(" -> "));
        }
        for (d, from, to) in KNOWN_CYCLE_EDGES.iter().filter(|(d, ..)| *d == name) {
            let present = g.get_mut(*from).is_some_and(|t| t.remove(*to));
            if !present {
                println!("{d}/: known edge {from} -> {to} is gone: drop it from KNOWN_CYCLE_EDGES");
            }
        }
        for c in cycles(&g) {
            failing.push(format!("  {name}/: {}", c.join(" -> ")));
        }
    }
    assert!(
        failing.is_empty(),
        "files of one directory import each other around a loop:\n{}",
        failing.join("\n")
    );
}

#[test]
fn reader_understands_use_groups_strings_and_chars() {
    let src = r#"
        use crate::{a, b::{c, d}, e::{self}};
        // crate::commented
        const S: &str = "crate::in_a_string {";
        fn f<'a>(x: &'a str) -> char { crate::f::g(x); '{' }
        const Q: [char; 3] = ['\'', '\\', '\u{7B}'];
        mod tests { use super::super::h; }
    "#;
    let t = tokens(src);
    let mut found = Vec::new();
    for i in 0..t.len() {
        if ident(t.get(i)) == Some("crate") && is(t.get(i + 1), "::") {
            found.extend(tree(&t, i + 2));
        }
    }
    let names: Vec<String> = found.iter().map(|p| p.join("::")).collect();
    assert_eq!(names, ["a", "b::c", "b::d", "e::self", "f::g"]);
    assert_eq!(t.iter().filter(|t| **t == Tok::Punct("{")).count(), 5);
}

#[test]
fn reader_follows_the_module_tree() {
    let krate = core();
    let m = |p: &str| p.split("::").map(str::to_string).collect::<Vec<_>>();
    // `#[path = "plan_tests.rs"] mod tests;` inside reports/plan.rs.
    assert!(krate.files[&m("reports::plan::tests")].ends_with("reports/plan_tests.rs"));
    assert!(krate.files.contains_key(&m("events::ical::zones")));
    assert_eq!(krate.root_items["Storage"], "storage");
    // `use super::plan::plan;` in reports/plan_export.rs.
    assert!(krate
        .references
        .iter()
        .any(|r| r.from == m("reports::plan_export") && r.to == m("reports::plan::plan")));
}
