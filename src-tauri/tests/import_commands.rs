//! The import of partners from a table through the mock runtime, on real
//! files: the demo's partners exported as XLSX by `lists_export` come back
//! into an empty database through `imports_open` (sheets, headers, guessed
//! mapping), `imports_preview` (the dry run writes nothing),
//! `imports_apply` (one batch) and `imports_undo` (all gone as one step); a
//! CSV row with a wrong ИНН is reported by row and field; a file that is
//! not a table is refused in Russian and nothing changes.

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

fn partners(app: &App) -> Vec<Value> {
    let filter = json!({ "query": "", "types": [], "relation_kinds": [], "stages": [] });
    call(app, "partners_list", json!({ "filter": filter }))
        .expect("list")
        .as_array()
        .expect("array")
        .clone()
}

fn message(e: &Value) -> String {
    e["message"].as_str().unwrap_or_default().to_string()
}

fn dump(app: &App) -> String {
    let storage = Storage::open_dir(app.dir.path()).expect("storage");
    let conn = storage.conn();
    let mut out = String::new();
    for table in ["partners", "persons", "partner_contacts", "import_batches"] {
        let cols: Vec<String> = {
            let mut stmt = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .expect("columns");
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .expect("query");
            rows.map(|c| format!("quote({})", c.expect("column")))
                .collect()
        };
        let sql = format!(
            "SELECT {} FROM {table} ORDER BY 1",
            cols.join(" || '|' || ")
        );
        let mut stmt = conn.prepare(&sql).expect("prepare");
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .expect("query");
        for row in rows {
            out.push_str(&row.expect("row"));
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_demo_partners_exported_as_xlsx_come_back_through_the_commands_and_undo_as_one_step() {
    let from = app_of(true);
    let ids: Vec<i64> = partners(&from)
        .iter()
        .filter_map(|p| p["id"].as_i64())
        .collect();
    let path = from.dir.path().join("Партнёры.xlsx");
    let target = json!({ "kind": "partner_list", "ids": ids, "format": "xlsx" });
    call(
        &from,
        "lists_export",
        json!({ "target": target, "path": path.display().to_string() }),
    )
    .expect("export");

    let to = app_of(false);
    let source = call(
        &to,
        "imports_open",
        json!({ "path": path.display().to_string(), "sheet": "" }),
    )
    .expect("open");
    assert_eq!(source["file_name"], "Партнёры.xlsx");
    assert_eq!(source["row_count"].as_u64(), Some(ids.len() as u64));
    let headers = source["headers"].as_array().expect("headers");
    let mapping = source["mapping"].as_array().expect("mapping");
    assert_eq!(headers.len(), mapping.len());
    let at = |header: &str| {
        headers
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("no «{header}» in {headers:?}"))
    };
    assert_eq!(mapping[at("ИНН")], "inn", "{source}");

    let request = json!({
        "path": path.display().to_string(),
        "sheet": source["sheet"],
        "mapping": source["mapping"],
        "decisions": [],
    });
    let before = dump(&to);
    let plan = call(&to, "imports_preview", json!({ "request": request })).expect("preview");
    assert_eq!(plan["create"].as_u64(), Some(ids.len() as u64), "{plan}");
    assert_eq!(plan["undecided"].as_u64(), Some(0));
    assert_eq!(dump(&to), before, "the dry run writes nothing");

    let batch = call(&to, "imports_apply", json!({ "request": request })).expect("apply");
    assert_eq!(batch["created"].as_u64(), Some(ids.len() as u64), "{batch}");
    let here = partners(&to);
    assert_eq!(here.len(), ids.len());
    let inns = |list: &[Value]| {
        let mut v: Vec<String> = list.iter().map(|p| p["inn"].to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(inns(&here), inns(&partners(&from)), "with their requisites");

    let batches = call(&to, "imports_batches", json!({})).expect("batches");
    assert_eq!(batches.as_array().map(Vec::len), Some(1));
    let undone = call(&to, "imports_undo", json!({ "id": batch["id"] })).expect("undo");
    assert!(!undone["undone_at"].is_null(), "{undone}");
    assert!(partners(&to).is_empty(), "the whole import undone");
    let again = call(&to, "imports_undo", json!({ "id": batch["id"] })).unwrap_err();
    assert!(!message(&again).is_empty(), "{again}");
}

#[test]
fn a_csv_row_with_a_wrong_inn_is_named_by_row_and_field_and_skipped() {
    let app = app_of(false);
    let path = app.dir.path().join("школы.csv");
    std::fs::write(
        &path,
        "Наименование;ИНН;Телефон\n\
         МБОУ СОШ № 1;6825004110;+7 (47541) 4-11-11\n\
         МБОУ СОШ № 2;6825004221;\n",
    )
    .expect("write");
    let source = call(
        &app,
        "imports_open",
        json!({ "path": path.display().to_string(), "sheet": "" }),
    )
    .expect("open");
    let request = json!({
        "path": path.display().to_string(),
        "sheet": "",
        "mapping": source["mapping"],
        "decisions": [],
    });
    let plan = call(&app, "imports_preview", json!({ "request": request })).expect("preview");
    let rows = plan["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{plan}");
    let problems = rows[1]["problems"].to_string();
    assert!(
        problems.contains("ИНН") && problems.contains("контрольн"),
        "{problems}"
    );
    assert_eq!(rows[0]["action"], "create");
    let batch = call(&app, "imports_apply", json!({ "request": request })).expect("apply");
    assert_eq!(batch["created"].as_u64(), Some(1), "{batch}");
    assert_eq!(partners(&app).len(), 1);
}

#[test]
fn a_file_that_is_not_a_table_is_refused_in_russian_and_nothing_changes() {
    let app = app_of(true);
    let before = dump(&app);
    let fake = app.dir.path().join("партнёры.xlsx");
    std::fs::write(&fake, "это не таблица Excel").expect("write");
    for path in [
        fake.display().to_string(),
        app.dir.path().join("нет такого.csv").display().to_string(),
    ] {
        let err = call(&app, "imports_open", json!({ "path": path, "sheet": "" })).unwrap_err();
        let text = message(&err);
        assert!(!err["code"].is_null(), "{err}");
        assert!(
            text.chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
            "a Russian message: {err}"
        );
        let request = json!({ "path": path, "sheet": "", "mapping": [], "decisions": [] });
        let err = call(&app, "imports_apply", json!({ "request": request })).unwrap_err();
        assert!(!message(&err).is_empty(), "{err}");
    }
    assert_eq!(dump(&app), before);
}
