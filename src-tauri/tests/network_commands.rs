//! The network's health through the mock runtime: on the demo, for the
//! current school year and a given one; the dormant window from «Настройки»,
//! refused with a Russian field message when out of range.

mod common;

use common::{app, call, call_raw};
use partnernet_app::commands::network::MAP_EXPORT_HEADER;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde_json::{json, Value};

fn is_russian(text: &str) -> bool {
    text.chars()
        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
}

fn count(v: &Value, key: &str) -> usize {
    v[key].as_array().map_or(0, Vec::len)
}

#[test]
fn the_network_health_of_the_demo_has_partners_flags_and_stages() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let partners = call(&app, "partners_list", json!({ "filter": {} })).expect("list");

    let health = call(&app, "network_health", json!({ "year": null })).expect("health");
    assert!(
        health["year"].as_i64().is_some_and(|y| y >= 2025),
        "{health}"
    );
    assert_eq!(health["dormant_months"], json!(6));
    let live = partners.as_array().map_or(0, Vec::len);
    assert_eq!(health["partners_count"], json!(live));
    let total = health["flags_total"].as_u64().unwrap_or(0) as usize;
    assert!(total > 10, "the demo has problems to show: {health}");
    // The first page of «Главная», counted whole by kind.
    assert_eq!(count(&health, "flags"), 10);
    let counted: u64 = health["flag_counts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| c["n"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(counted as usize, total);
    for flag in health["flags"].as_array().into_iter().flatten() {
        let message = flag["message"].as_str().unwrap_or_default();
        assert!(is_russian(message), "{flag}");
        assert!(flag["kind"].is_string(), "{flag}");
    }
    let staged: i64 = health["by_stage"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| s["partners"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(staged as usize, live);
    assert!(count(&health, "top5") <= 5);

    // Every flag when asked for; a partner's own with their explanations.
    let all = call(
        &app,
        "network_health",
        json!({ "year": null, "flags": 1000 }),
    )
    .expect("all");
    assert_eq!(count(&all, "flags"), total);
    let marked = all["marks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["flags"].as_array().is_some_and(|f| f.len() > 1))
        .cloned()
        .expect("a partner with two flags");
    let own = call(
        &app,
        "network_partner_flags",
        json!({ "partnerId": marked["partner_id"] }),
    )
    .expect("own flags");
    let kinds: Vec<Value> = own
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["kind"].clone())
        .collect();
    assert_eq!(Value::Array(kinds), marked["flags"]);
    assert!(own
        .as_array()
        .into_iter()
        .flatten()
        .all(|f| f["partner_id"] == marked["partner_id"]
            && is_russian(f["message"].as_str().unwrap_or_default())));

    let given = call(&app, "network_health", json!({ "year": 2020 })).expect("2020");
    assert_eq!(given["year"], json!(2020));
    assert_eq!(given["year_occurrences"], json!(0));
    assert_eq!(given["concentration_top5_share"], Value::Null);
}

#[test]
fn the_dormant_window_comes_from_the_settings_and_is_checked() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let mut settings = call(&app, "settings_get", json!({})).expect("settings");
    assert_eq!(settings["dormant_months"], json!(6));

    settings["dormant_months"] = json!(12);
    call(&app, "settings_save", json!({ "input": settings.clone() })).expect("saved");
    let health = call(&app, "network_health", json!({})).expect("health");
    assert_eq!(health["dormant_months"], json!(12));

    settings["dormant_months"] = json!(0);
    let err = call(&app, "settings_save", json!({ "input": settings })).unwrap_err();
    assert_eq!(err["code"], json!("validation"), "{err}");
    assert!(
        err["fields"].to_string().contains("dormant_months"),
        "{err}"
    );
    assert!(
        is_russian(err["message"].as_str().unwrap_or_default()),
        "{err}"
    );
}

#[test]
fn the_map_of_the_demo_has_the_institution_at_the_centre_and_its_partners() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let partners = call(&app, "partners_list", json!({ "filter": {} })).expect("list");
    let map = call(&app, "network_map", json!({ "query": {} })).expect("map");
    let nodes = map["nodes"].as_array().cloned().unwrap_or_default();
    assert_eq!(nodes.len(), partners.as_array().map_or(0, Vec::len) + 1);
    assert_eq!(nodes[0]["key"], json!("i"));
    assert_eq!(
        (nodes[0]["x"].as_f64(), nodes[0]["y"].as_f64()),
        (Some(0.0), Some(0.0))
    );
    assert_eq!(count(&map, "legend"), 9);
    assert!(count(&map, "edges") > 0, "{map}");
    for e in map["edges"].as_array().into_iter().flatten() {
        let busy =
            e["joint_events"].as_u64().unwrap_or(0) + e["joint_agreements"].as_u64().unwrap_or(0);
        assert!(busy > 0 || count(e, "ties") > 0, "an edge for nothing: {e}");
    }
    // The period is the current school year: 1 September – 31 August.
    let from = map["from"].as_str().unwrap_or_default();
    assert!(from.ends_with("-09-01"), "{from}");

    let schools = call(
        &app,
        "network_map",
        json!({ "query": { "types": ["general_education"] } }),
    )
    .expect("filtered");
    for n in schools["nodes"].as_array().into_iter().flatten().skip(1) {
        assert_eq!(n["partner_type"], json!("general_education"), "{n}");
    }
    assert!(count(&schools, "nodes") < nodes.len());

    let err = call(
        &app,
        "network_map",
        json!({ "query": { "from": "2026-12-01", "to": "2026-11-01" } }),
    )
    .unwrap_err();
    assert!(
        is_russian(err["message"].as_str().unwrap_or_default()),
        "{err}"
    );
}

#[test]
fn the_map_is_saved_as_a_pdf_page_and_as_the_png_the_ui_drew() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let query = json!({ "from": "2026-09-01", "to": "2027-08-31" });
    let dialog = call(
        &app,
        "exports_save_dialog",
        json!({ "target": { "kind": "network_map", "query": query, "format": "png" } }),
    )
    .expect("dialog");
    assert_eq!(dialog["title"], json!("Сохранить карту сети"));
    assert!(
        dialog["default_path"]
            .as_str()
            .is_some_and(|p| p.ends_with("Карта сети 2026-2027.png")),
        "{dialog}"
    );

    let pdf = app.dir.path().join("Карта");
    let written = export(&app, &query, "pdf", &pdf, Vec::new()).expect("pdf");
    let written = written.as_str().unwrap_or_default().to_string();
    assert!(written.ends_with("Карта.pdf"), "{written}");
    let bytes = std::fs::read(&written).expect("written");
    assert!(bytes.starts_with(b"%PDF"));

    // The PNG's bytes are the raw body, every byte value as it is.
    let mut png = vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
    png.extend((0..=255u8).cycle().take(100_000));
    let path = app.dir.path().join("Карта.png");
    export(&app, &query, "png", &path, png.clone()).expect("png");
    assert_eq!(std::fs::read(&path).expect("png written"), png);

    let other = app.dir.path().join("Не карта.png");
    let err = export(&app, &query, "png", &other, vec![1, 2, 3]).unwrap_err();
    assert!(
        is_russian(err["message"].as_str().unwrap_or_default()),
        "{err}"
    );
    assert!(!other.exists(), "nothing is written for what is not a PNG");

    let err = export(&app, &query, "docx", &other, Vec::new()).unwrap_err();
    assert!(
        is_russian(err["message"].as_str().unwrap_or_default()),
        "{err}"
    );

    // Without its header (or with a broken one) nothing is saved.
    for headers in [vec![], vec![(MAP_EXPORT_HEADER, "%7B%22query")]] {
        let err = call_raw(&app, "network_map_export", png.clone(), &headers).unwrap_err();
        assert!(
            is_russian(err["message"].as_str().unwrap_or_default()),
            "{err}"
        );
    }
    assert!(!other.exists());
}

/// The map export as the UI sends it: the PNG (or nothing) as the raw
/// body, the query, format and path as percent-encoded JSON in a header.
fn export(
    app: &common::App,
    query: &Value,
    format: &str,
    path: &std::path::Path,
    png: Vec<u8>,
) -> Result<Value, Value> {
    let args = json!({ "query": query, "format": format, "path": path.to_str() }).to_string();
    let header = utf8_percent_encode(&args, NON_ALPHANUMERIC).to_string();
    call_raw(
        app,
        "network_map_export",
        png,
        &[(MAP_EXPORT_HEADER, &header)],
    )
}
