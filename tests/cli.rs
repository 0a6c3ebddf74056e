//! The `partnernet` binary as a script would use it.

mod common;

use common::{cli, text};
use partnernet::validation::make;

fn count(dir: &std::path::Path) -> usize {
    let out = cli(dir, &["partners", "list", "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    list.as_array().map_or(0, Vec::len)
}

#[test]
fn demo_then_list_as_json_with_requisites_head_and_contacts() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cli(dir.path(), &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Демонстрационные данные загружены"));
    let out = cli(dir.path(), &["partners", "list", "--json"], None);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = list.as_array().expect("array");
    assert!(list.len() >= 25);
    let with_inn = list
        .iter()
        .find(|p| {
            p["requisites"]["inn"]
                .as_str()
                .is_some_and(|s| !s.is_empty())
        })
        .expect("a partner with requisites");
    assert!(with_inn["head"]["surname"].is_string());
    assert!(list
        .iter()
        .any(|p| p["contacts"].as_array().is_some_and(|c| !c.is_empty())));

    let again = cli(dir.path(), &["demo"], None);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("только в пустую базу"));
}

#[test]
fn add_from_file_and_stdin_prints_the_partner_with_its_id() {
    let dir = tempfile::tempdir().expect("dir");
    let inn = make::inn10("682512345");
    let json = format!(
        r#"{{"partner_type": "culture_sport", "full_name": "МБУК «Котовский краеведческий музей»",
            "requisites": {{"inn": "{inn}"}}}}"#
    );
    let file = dir.path().join("museum.json");
    std::fs::write(&file, &json).expect("write");
    let out = cli(
        dir.path(),
        &["partners", "add", "--json", file.to_str().expect("path")],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(added["id"].as_i64().is_some());
    assert_eq!(added["short_name"], added["full_name"]);

    let out = cli(
        dir.path(),
        &["partners", "add", "--json", "-"],
        Some(
            r#"{"partner_type": "parent_community", "full_name": "Родительский совет Дома творчества"}"#,
        ),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(count(dir.path()), 2);
}

#[test]
fn bad_input_exits_1_with_a_russian_message_and_stores_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let cases = [
        (
            r#"{"full_name": "Школа", "requisites": {"inn": "6825012345"}}"#,
            "ИНН",
        ),
        (r#"{"full_name": ""}"#, "Укажите полное наименование"),
        (
            r#"{"partner_type": "school", "full_name": "Школа"}"#,
            "неизвестное значение",
        ),
        (r#"{"full_name": "Школа""#, "JSON партнёра не читается"),
    ];
    for (input, fragment) in cases {
        let out = cli(dir.path(), &["partners", "add", "--json", "-"], Some(input));
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(out.stdout.is_empty(), "{input}");
        let err = text(&out.stderr);
        assert!(err.contains(fragment), "{input}: {err}");
    }
    let missing = cli(
        dir.path(),
        &["partners", "add", "--json", "/nonexistent/p.json"],
        None,
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("/nonexistent/p.json"));
    assert_eq!(count(dir.path()), 0);
}

#[test]
fn check_requisites() {
    let dir = tempfile::tempdir().expect("dir");
    let ok = |args: &[&str]| {
        let out = cli(dir.path(), args, None);
        (out.status.code(), text(&out.stderr))
    };
    assert_eq!(ok(&["check", "inn", "7707083893"]).0, Some(0));
    assert_eq!(ok(&["check", "inn", "500100732259"]).0, Some(0));
    assert_eq!(ok(&["check", "ogrn", "1027700132195"]).0, Some(0));
    assert_eq!(ok(&["check", "ogrn", "304500116000157"]).0, Some(0));
    assert_eq!(ok(&["check", "kpp", "773601001"]).0, Some(0));
    assert_eq!(ok(&["check", "bik", "044525225"]).0, Some(0));
    for (args, fragment) in [
        (["check", "inn", "7707083894"], "ИНН"),
        (["check", "inn", "770708389"], "ИНН"),
        (["check", "ogrn", "1027700132196"], "ОГРН"),
        (["check", "kpp", "77360100"], "КПП"),
        (["check", "bik", "04452522"], "БИК"),
    ] {
        let (code, err) = ok(&args);
        assert_eq!(code, Some(1), "{args:?}");
        assert!(err.contains(fragment), "{args:?}: {err}");
    }
}
