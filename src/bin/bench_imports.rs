//! Benchmark of the import of partners from a table (issue 12 §1): an XLSX
//! of 10 000 partner rows with full requisites, head and a contact, read,
//! planned against the registry and written in one transaction into an
//! empty database; then the dry run of the same file again (every row
//! matched by ИНН); then an .ics of 3 000 events previewed and imported
//! into that registry.
//!
//! Run: `cargo run --release --bin bench_imports` (`make bench`). Speed is
//! reported against the target, not asserted.

use std::time::Instant;

use chrono::NaiveDate;
use partnernet::imports::{self, model::ImportRequest};
use partnernet::validation::make;
use partnernet::{CoreError, Storage};
use rust_xlsxwriter::Workbook;

const ROWS: u32 = 10_000;
const ICS_EVENTS: u32 = 3_000;
const TARGET_MS: f64 = 2_000.0;
const BIK: &str = "046850649";

const HEADERS: [&str; 15] = [
    "Наименование",
    "Краткое наименование",
    "ИНН",
    "КПП",
    "ОГРН",
    "ФИО директора",
    "Должность",
    "Телефон",
    "e-mail",
    "Юридический адрес",
    "Тип",
    "Контактное лицо",
    "Телефон контактного лица",
    "р/с",
    "БИК",
];

fn row(n: u32) -> [String; 15] {
    [
        format!("Муниципальное бюджетное учреждение «Организация № {n}»"),
        format!("МБУ № {n}"),
        make::inn10(&format!("68{:07}", 1_000_000 + n)),
        "682501001".into(),
        make::ogrn13(&format!("10268{:07}", 1_000_000 + n)),
        "Сидорова Анна Павловна".into(),
        "директор".into(),
        format!("8 (47541) 2-{:02}-{:02}", n % 100, (n / 100) % 100),
        format!("org{n}@example.ru"),
        "393190, Тамбовская обл., г. Котовск, ул. Мира, д. 3".into(),
        ["школа", "культура", "СМИ", "бизнес"][(n % 4) as usize].into(),
        "Петров Олег Игоревич".into(),
        "+7 910 123-45-67".into(),
        make::bank_account(BIK, "40701810", n),
        BIK.into(),
    ]
}

fn write_table(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    for n in 1..=ROWS {
        for (c, v) in row(n).iter().enumerate() {
            ws.write_string(n, c as u16, v)?;
        }
    }
    wb.save(path)?;
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile_dir()?;
    let path = dir.join("partners.xlsx");
    write_table(&path)?;
    let mut storage = Storage::open_dir(&dir)?;
    let now = NaiveDate::from_ymd_opt(2026, 12, 4)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default();
    let t = Instant::now();
    let source = imports::open(&storage, &path, "")?;
    let read_ms = t.elapsed().as_secs_f64() * 1000.0;
    let request = ImportRequest {
        path: path.display().to_string(),
        sheet: source.sheet,
        mapping: source.mapping,
        decisions: Vec::new(),
        own_mapping: source.own_mapping,
    };
    let t = Instant::now();
    let batch = imports::apply(&mut storage, &request, now)?;
    let apply_ms = t.elapsed().as_secs_f64() * 1000.0;
    if batch.created != ROWS {
        return Err(Box::new(CoreError::BadInput(format!(
            "создано {} из {ROWS}",
            batch.created
        ))));
    }
    let t = Instant::now();
    let plan = imports::preview(&storage, &request, now)?;
    let again_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "import of {ROWS} partner rows (XLSX → registry): {apply_ms:.0} ms (target ≤ {TARGET_MS:.0} ms){}",
        if apply_ms <= TARGET_MS { "" } else { "  ← over the target" }
    );
    println!("  of which reading the XLSX alone: {read_ms:.0} ms");
    println!(
        "dry run of the same file again ({} rows matched by ИНН): {again_ms:.0} ms",
        plan.skip + plan.update
    );
    ics_import(&mut storage, now)?;
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}

/// An .ics of [`ICS_EVENTS`] events from another calendar, previewed and
/// imported into the registry of 10 000 partners just filled: the checks of
/// each event's references must not read the registry once per event.
fn ics_import(
    storage: &mut Storage,
    now: chrono::NaiveDateTime,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//RU\r\n");
    let first = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default();
    for n in 0..ICS_EVENTS {
        let day = first + chrono::Duration::days(i64::from(n % 270));
        let hour = 8 + n % 10;
        ics.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:bench-{n}@example.ru\r\nDTSTAMP:20261001T000000Z\r\n\
             DTSTART:{d}T{hour:02}0000\r\nDTEND:{d}T{hour:02}4500\r\n\
             SUMMARY:Занятие № {n}\r\nEND:VEVENT\r\n",
            d = day.format("%Y%m%d")
        ));
    }
    ics.push_str("END:VCALENDAR\r\n");
    let t = Instant::now();
    let preview = partnernet::events::import::preview(storage, &ics)?;
    let preview_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let report = partnernet::events::import::apply(storage, &ics, now)?;
    let apply_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "preview of an .ics of {} events (10000 partners in the registry): {preview_ms:.0} ms",
        preview.items.len()
    );
    println!(
        "import of the same .ics ({} added): {apply_ms:.0} ms",
        report.added
    );
    Ok(())
}

/// A fresh folder under the system's temp dir (no dev-dependency here).
fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("partnernet-bench-imports-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
