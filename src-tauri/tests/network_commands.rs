//! The network's health through the mock runtime: on the demo, for the
//! current school year and a given one; the dormant window from «Настройки»,
//! refused with a Russian field message when out of range.

mod common;

use common::{app, call};
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
    assert_eq!(
        count(&health, "partners"),
        partners.as_array().map_or(0, Vec::len)
    );
    assert!(count(&health, "flags") > 0, "the demo has problems to show");
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
    assert_eq!(staged as usize, count(&health, "partners"));
    assert!(count(&health, "top5") <= 5);

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
