//! The fuzz targets' inputs on stable `cargo test`: every input that once
//! crashed a target (tests/fixtures/fuzz/TARGET/) and every seed
//! (fuzz/seeds/TARGET/) goes through the very code the fuzzer runs
//! (fuzz/src/lib.rs), so a crash found once stays fixed without cargo-fuzz.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::{Path, PathBuf};

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 6] = [
    ("import_csv", harness::import_csv),
    ("import_sheet", harness::import_sheet),
    ("exchange_package", harness::exchange_package),
    ("ical", harness::ical),
    ("brochure", harness::brochure),
    ("agreement_template", harness::agreement_template),
];

fn inputs(folder: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(folder)
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

/// Runs each input, naming the one that panicked.
fn run_all(folder: &str) -> usize {
    let mut count = 0;
    for (name, target) in TARGETS {
        for path in inputs(folder, name) {
            let bytes = std::fs::read(&path).expect("input readable");
            let outcome = std::panic::catch_unwind(|| target(&bytes));
            assert!(outcome.is_ok(), "{name}: {} panics", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn inputs_that_once_crashed_are_refused_calmly() {
    run_all("tests/fixtures/fuzz");
}

#[test]
fn every_seed_runs_through_its_target() {
    let count = run_all("fuzz/seeds");
    assert!(count >= 12, "the seed corpora are missing: {count} files");
}

#[test]
fn the_seeds_are_accepted_not_refused() {
    // A seed the readers refuse would start the fuzzer at the door.
    let seeds = |t: &str| inputs("fuzz/seeds", t);
    for path in seeds("import_csv") {
        let bytes = std::fs::read(&path).expect("seed");
        partnernet::imports::read::from_bytes("seed.csv", &bytes, "").expect("CSV seed reads");
    }
    let storage = partnernet::Storage::open(Path::new(":memory:")).expect("database");
    for path in seeds("ical") {
        let text = std::fs::read_to_string(&path).expect("seed");
        let preview = partnernet::events::import::preview(&storage, &text).expect("calendar seed");
        assert!(!preview.items.is_empty(), "{}", path.display());
    }
    for path in seeds("agreement_template") {
        let bytes = std::fs::read(&path).expect("seed");
        let source = std::str::from_utf8(&bytes[1..]).expect("UTF-8 template");
        partnernet::agreements::render::validate_template(source).expect("template seed");
    }
}

/// The .xlsx files that once aborted the import (a cell at XFD1048576, a
/// cell reference that overflows calamine's arithmetic) are refused with
/// a Russian message; the far cell is named so she can delete it.
#[test]
fn far_and_overflowing_cells_are_refused_in_russian() {
    let mut far = 0;
    for path in inputs("tests/fixtures/fuzz", "import_sheet") {
        let bytes = std::fs::read(&path).expect("input readable");
        let Some((_, file)) = bytes.split_first() else {
            continue;
        };
        let err = partnernet::imports::read::from_bytes("партнёры.xlsx", file, "")
            .expect_err("a hostile sheet is refused")
            .to_string();
        assert!(
            err.chars()
                .any(|c| ('а'..='я').contains(&c.to_ascii_lowercase())),
            "{}: {err}",
            path.display()
        );
        if path.display().to_string().contains("XFD1048576") {
            assert!(
                err.contains("Ячейка XFD1048576 лежит за пределами"),
                "{err}"
            );
            assert!(err.contains("удалите лишние ячейки"), "{err}");
            far += 1;
        }
    }
    assert_eq!(far, 1, "the far-cell input is missing");
}
