//! Agreement commands through the mock runtime: the Art. 15 refusal, signing,
//! export with a kept version, templates.

mod common;

use common::{app, call};
use serde_json::{json, Value};

fn partner_ids(app: &common::App) -> Vec<i64> {
    let list = call(
        app,
        "partners_list",
        json!({ "filter": { "types": ["general_education"] } }),
    )
    .expect("list");
    list.as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["id"].as_i64())
        .collect()
}

fn art15_input(a: i64, b: i64, learners: &str) -> Value {
    json!({
        "kind": "network_program",
        "subject": "Реализация дополнительной общеобразовательной программы «Робототехника» в сетевой форме",
        "parties": [ { "partner_id": a, "role": "" }, { "partner_id": b, "role": "" } ],
        "art15": {
            "programme": "дополнительная общеразвивающая программа технической направленности «Робототехника»",
            "learners": learners,
            "duties": "Базовая организация предоставляет кабинет и оборудование, участники — педагогов",
            "documents": "сертификат об освоении программы выдаёт Базовая организация",
            "term": "договор действует до 31 мая; изменяется дополнительным соглашением"
        },
        "start_date": "2026-09-01",
        "end_date": "2027-05-31"
    })
}

#[test]
fn an_art15_agreement_is_refused_signing_until_filled_then_exported() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let ids = partner_ids(&app);
    let created = call(
        &app,
        "agreements_create",
        json!({ "input": art15_input(ids[0], ids[1], "") }),
    )
    .expect("a draft with an empty item is saved");
    let id = created["id"].as_i64().expect("id");
    assert!(
        created["number"].as_str().is_some_and(|n| !n.is_empty()),
        "{created}"
    );

    call(
        &app,
        "agreements_set_status",
        json!({ "id": id, "to": "on_approval", "on": "2026-08-20", "note": "" }),
    )
    .expect("to approval");
    let problems =
        call(&app, "agreements_signing_problems", json!({ "id": id })).expect("problems");
    assert!(!problems.as_array().expect("array").is_empty());
    let refused = call(
        &app,
        "agreements_set_status",
        json!({ "id": id, "to": "signed", "on": "2026-08-25", "note": "" }),
    )
    .unwrap_err();
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("Не заполнено")),
        "{refused}"
    );

    let filled = art15_input(
        ids[0],
        ids[1],
        "обучающиеся 10–14 лет, зачисление по заявлению родителей",
    );
    call(
        &app,
        "agreements_update",
        json!({ "id": id, "input": filled }),
    )
    .expect("filled");
    let signed = call(
        &app,
        "agreements_set_status",
        json!({ "id": id, "to": "signed", "on": "2026-08-25", "note": "" }),
    )
    .expect("signed");
    assert_eq!(signed["status"], json!("signed"));
    let history = call(&app, "agreements_history", json!({ "id": id })).expect("history");
    assert!(
        history.as_array().is_some_and(|h| h.len() >= 3),
        "{history}"
    );

    let out = app.dir.path().join("договор.pdf");
    let written = call(
        &app,
        "agreements_export",
        json!({ "id": id, "format": "pdf", "path": out.to_str() }),
    )
    .expect("export");
    assert_eq!(written, json!(out.to_str()));
    assert!(std::fs::read(&out).expect("pdf").starts_with(b"%PDF-"));
    let files = call(&app, "agreements_attachments", json!({ "id": id })).expect("attachments");
    assert_eq!(files[0]["kind"], json!("version"));
    assert_eq!(files[0]["file_name"], json!("договор.pdf"));

    // The format is explicit: a name with another extension gets the format's.
    let odd = app.dir.path().join("x.txt");
    let written = call(
        &app,
        "agreements_export",
        json!({ "id": id, "format": "docx", "path": odd.to_str() }),
    )
    .expect("docx");
    assert_eq!(written, json!(app.dir.path().join("x.txt.docx").to_str()));

    let bad = call(
        &app,
        "agreements_export",
        json!({ "id": id, "format": "odt", "path": app.dir.path().join("x.odt").to_str() }),
    )
    .unwrap_err();
    assert!(
        bad["message"]
            .as_str()
            .is_some_and(|m| m.contains("Неизвестный формат")),
        "{bad}"
    );
    assert!(!app.dir.path().join("x.odt").exists());
}

#[test]
fn templates_can_be_edited_previewed_and_reset() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let list = call(&app, "agreements_list", json!({ "filter": {} })).expect("list");
    let id = list[0]["id"].as_i64().expect("an agreement");
    let t = call(
        &app,
        "agreements_template",
        json!({ "kind": "cooperation" }),
    )
    .expect("template");
    assert_eq!(t["customized"], json!(false));
    let broken = call(
        &app,
        "agreements_template_save",
        json!({ "kind": "cooperation", "source": "{% if %}" }),
    )
    .unwrap_err();
    assert!(
        broken["message"]
            .as_str()
            .is_some_and(|m| m.contains("трок")),
        "{broken}"
    );
    let source = format!(
        "{}\n\nДополнительный пункт.\n",
        t["source"].as_str().expect("source")
    );
    let saved = call(
        &app,
        "agreements_template_save",
        json!({ "kind": "cooperation", "source": source }),
    )
    .expect("save");
    assert_eq!(saved["customized"], json!(true));
    let fields = call(&app, "agreements_merge_fields", json!({ "id": id })).expect("fields");
    assert!(fields.as_array().is_some_and(|f| f.len() > 10));
    let reset = call(
        &app,
        "agreements_template_reset",
        json!({ "id": saved["id"] }),
    )
    .expect("reset");
    assert_eq!(reset["customized"], json!(false));
    let reminders = call(&app, "agreements_reminders", json!({})).expect("reminders");
    assert!(
        reminders.as_array().is_some_and(|r| !r.is_empty()),
        "the demo has agreements ending soon"
    );
    let settings = call(&app, "settings_get", json!({})).expect("settings");
    assert_eq!(settings["reminder_days"], json!(30));
}

#[test]
fn her_templates_through_the_commands() {
    let app = app();
    let list = call(
        &app,
        "agreements_templates",
        json!({ "kind": "cooperation" }),
    )
    .expect("list");
    let builtin = &list[0];
    assert_eq!(builtin["builtin"], json!(true));
    let created = call(
        &app,
        "agreements_template_create",
        json!({ "kind": "cooperation", "name": "Для музеев", "source": builtin["source"] }),
    )
    .expect("create");
    let id = created["id"].as_i64().expect("id");
    let dup = call(
        &app,
        "agreements_template_create",
        json!({ "kind": "cooperation", "name": "для музеев", "source": builtin["source"] }),
    )
    .unwrap_err();
    assert_eq!(dup["code"], json!("validation"), "{dup}");
    assert!(dup["fields"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("уже есть")));
    let renamed = call(
        &app,
        "agreements_template_rename",
        json!({ "id": id, "name": "Для музеев и библиотек" }),
    )
    .expect("rename");
    assert_eq!(renamed["name"], json!("Для музеев и библиотек"));
    let updated = call(
        &app,
        "agreements_template_update",
        json!({ "id": id, "source": "[[заголовок]] МУЗЕИ\n\n[[реквизиты]]\n" }),
    )
    .expect("update");
    assert_eq!(updated["customized"], json!(true));
    let default =
        call(&app, "agreements_template_set_default", json!({ "id": id })).expect("default");
    assert_eq!(default["is_default"], json!(true));
    let refused = call(
        &app,
        "agreements_template_delete",
        json!({ "id": builtin["id"] }),
    )
    .unwrap_err();
    assert!(refused["message"]
        .as_str()
        .is_some_and(|m| m.contains("Стандартный шаблон удалить нельзя")));
    let moved = call(&app, "agreements_template_delete", json!({ "id": id })).expect("delete");
    assert_eq!(moved, json!(0));
    let list = call(
        &app,
        "agreements_templates",
        json!({ "kind": "cooperation" }),
    )
    .expect("list");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["is_default"], json!(true));
}
