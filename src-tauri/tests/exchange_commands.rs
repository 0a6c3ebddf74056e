//! Exchange with the institutions of the network through the mock runtime,
//! on real files: `exchange_export` writes the package of the partners,
//! the event and the agreement she chose (with the ties between them),
//! `exchange_preview` shows it record by record without writing,
//! `exchange_import` applies it (the same package again changes nothing), a
//! conflict with an edit made here is resolved with her choice, and a file
//! that is not a package is refused in Russian with nothing changed.

mod common;

use chrono::NaiveDate;
use common::{app_with, call, App};
use partnernet::Storage;
use partnernet_app::state::AppState;
use serde_json::{json, Value};

fn app_of(fill: bool) -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut storage = Storage::open_dir(dir.path()).expect("storage");
        if fill {
            let now = NaiveDate::from_ymd_opt(2026, 11, 22)
                .and_then(|d| d.and_hms_opt(10, 0, 0))
                .expect("date");
            partnernet::demo::fill(&mut storage, now).expect("demo");
        }
    }
    let state = AppState::new(Storage::open_dir(dir.path()));
    app_with(state, dir)
}

fn count(app: &App, sql: &str) -> i64 {
    let storage = Storage::open_dir(app.dir.path()).expect("storage");
    storage
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

/// Every table as text, to see that nothing changed (but the folder the
/// open dialog remembers, which a preview keeps on purpose).
fn dump(app: &App) -> String {
    let storage = Storage::open_dir(app.dir.path()).expect("storage");
    let conn = storage.conn();
    let tables: Vec<String> = {
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'dialog_folders'
                 ORDER BY name",
            )
            .expect("tables");
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .expect("query");
        rows.map(|t| t.expect("table")).collect()
    };
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("select");
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut line = String::new();
                for i in 0..n {
                    let v: Option<String> = r
                        .get::<_, Option<String>>(i)
                        .or_else(|_| r.get::<_, Option<i64>>(i).map(|v| v.map(|v| v.to_string())))
                        .or_else(|_| r.get::<_, Option<f64>>(i).map(|v| v.map(|v| v.to_string())))
                        .unwrap_or_else(|_| Some("<blob>".into()));
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .expect("query");
        let mut lines: Vec<String> = rows.map(|l| l.expect("row")).collect();
        lines.sort();
        out.push_str(&format!("{table}\n{}\n", lines.join("\n")));
    }
    out
}

fn ids(app: &App, sql: &str) -> Vec<i64> {
    let storage = Storage::open_dir(app.dir.path()).expect("storage");
    let mut stmt = storage.conn().prepare(sql).expect("prepare");
    let rows = stmt.query_map([], |r| r.get(0)).expect("query");
    rows.map(|id| id.expect("id")).collect()
}

fn items<'a>(preview: &'a Value, kind: &str) -> Vec<&'a Value> {
    preview["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["kind"] == kind)
        .collect()
}

fn set_phone(app: &App, id: i64, phone: &str) {
    // The partner's form is flattened into it; the extra keys are ignored.
    let mut input = call(app, "partners_get", json!({ "id": id })).expect("get");
    input["requisites"]["phone"] = phone.into();
    call(app, "partners_update", json!({ "id": id, "input": input })).expect("update");
}

#[test]
fn a_chosen_package_goes_out_comes_in_once_and_a_conflict_follows_her_choice() {
    let from = app_of(true);
    // Two schools with a tie between them, one event, one agreement.
    let ties = ids(
        &from,
        "SELECT first_id FROM partner_ties WHERE first_id IS NOT NULL AND second_id IS NOT NULL
         UNION ALL SELECT second_id FROM partner_ties
         WHERE first_id IS NOT NULL AND second_id IS NOT NULL LIMIT 2",
    );
    assert_eq!(ties.len(), 2, "the demo has a tie between two partners");
    let event = ids(&from, "SELECT id FROM events ORDER BY id LIMIT 1")[0];
    let agreement = ids(&from, "SELECT id FROM agreements ORDER BY id LIMIT 1")[0];
    let selection = json!({
        "partner_ids": ties,
        "event_ids": [event],
        "agreement_ids": [agreement],
        "contacts": false,
    });
    let path = from.dir.path().join("Для ЦДТ");
    let written = call(
        &from,
        "exchange_export",
        json!({ "selection": selection, "path": path.display().to_string() }),
    )
    .expect("export");
    let written = written.as_str().expect("path").to_string();
    assert!(written.ends_with("Для ЦДТ.partnernet"), "{written}");

    let to = app_of(false);
    let before = dump(&to);
    let preview = call(&to, "exchange_preview", json!({ "path": written })).expect("preview");
    assert_eq!(dump(&to), before, "the preview writes nothing");
    assert_eq!(items(&preview, "event").len(), 1, "{preview}");
    assert_eq!(items(&preview, "agreement").len(), 1, "{preview}");
    assert!(!items(&preview, "tie").is_empty(), "{preview}");
    let total = preview["items"].as_array().map(Vec::len).unwrap_or(0) as u64;
    assert_eq!(preview["new_count"].as_u64(), Some(total));
    assert!(preview["notes"].as_array().is_some_and(Vec::is_empty));

    let report = call(
        &to,
        "exchange_import",
        json!({ "path": written, "choices": [] }),
    )
    .expect("import");
    assert_eq!(report["added"].as_u64(), Some(total), "{report}");
    assert_eq!(count(&to, "SELECT COUNT(*) FROM events"), 1);
    assert!(count(&to, "SELECT COUNT(*) FROM partner_ties") >= 1);

    // The same package again: nothing to do, nothing changes.
    let settled = dump(&to);
    let again = call(&to, "exchange_preview", json!({ "path": written })).expect("again");
    assert_eq!(again["unchanged_count"].as_u64(), Some(total), "{again}");
    let report = call(
        &to,
        "exchange_import",
        json!({ "path": written, "choices": [] }),
    )
    .expect("again");
    assert_eq!(
        (report["added"].as_u64(), report["updated"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(dump(&to), settled);

    // Both change the same phone: a conflict, taken from the package.
    let key: String = Storage::open_dir(from.dir.path())
        .expect("storage")
        .conn()
        .query_row("SELECT uuid FROM partners WHERE id = ?", [ties[0]], |r| {
            r.get(0)
        })
        .expect("uuid");
    let here: i64 = Storage::open_dir(to.dir.path())
        .expect("storage")
        .conn()
        .query_row("SELECT id FROM partners WHERE uuid = ?", [&key], |r| {
            r.get(0)
        })
        .expect("here");
    set_phone(&to, here, "+7 (475) 412-22-22");
    set_phone(&from, ties[0], "+7 (475) 413-33-33");
    let second = from.dir.path().join("Второй.partnernet");
    let second = call(
        &from,
        "exchange_export",
        json!({ "selection": selection, "path": second.display().to_string() }),
    )
    .expect("export")
    .as_str()
    .expect("path")
    .to_string();
    let preview = call(&to, "exchange_preview", json!({ "path": second })).expect("preview");
    assert_eq!(preview["conflict_count"].as_u64(), Some(1), "{preview}");
    let conflict = preview["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["state"] == "conflict")
        .expect("conflict")
        .clone();
    assert_eq!(conflict["key"], key);
    let phone = conflict["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["label"] == "Телефон")
        .expect("the phone side by side")
        .clone();
    assert_eq!(phone["local"], "+7 (475) 412-22-22");
    assert_eq!(phone["package"], "+7 (475) 413-33-33");
    let choices = json!([{ "kind": "partner", "key": key, "take": true }]);
    call(
        &to,
        "exchange_import",
        json!({ "path": second, "choices": choices }),
    )
    .expect("take");
    let now_here = call(&to, "partners_get", json!({ "id": here })).expect("get");
    assert_eq!(now_here["requisites"]["phone"], "+7 (475) 413-33-33");
}

#[test]
fn what_is_not_a_package_is_refused_in_russian_and_nothing_changes() {
    let app = app_of(true);
    let before = dump(&app);
    let junk = app.dir.path().join("письмо.partnernet");
    std::fs::write(&junk, "просто текст").expect("write");
    for path in [
        junk.display().to_string(),
        app.dir
            .path()
            .join("нет такого.partnernet")
            .display()
            .to_string(),
    ] {
        for (cmd, args) in [
            ("exchange_preview", json!({ "path": path })),
            ("exchange_import", json!({ "path": path, "choices": [] })),
        ] {
            let err = call(&app, cmd, args).unwrap_err();
            let text = err["message"].as_str().unwrap_or_default().to_string();
            assert!(!err["code"].is_null(), "{err}");
            assert!(
                text.contains("пакет") || text.contains("файл") || text.contains("Файл"),
                "{cmd}: {err}"
            );
        }
    }
    // Nothing chosen: refused before the save.
    let err = call(
        &app,
        "exchange_export",
        json!({ "selection": {}, "path": app.dir.path().join("пусто").display().to_string() }),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("ничего не выбрано"),
        "{err}"
    );
    assert_eq!(dump(&app), before);
}
