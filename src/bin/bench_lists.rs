//! Benchmark of the lists' exports (issue 12 §2): 10 000 partners with
//! requisites, head and two contacts each, exported as XLSX and as CSV the
//! way «Экспорт» does it (every record loaded by id, in the order shown).
//!
//! Run: `cargo run --release --bin bench_lists` (`make bench`). Speed is
//! reported against the target, not asserted.

mod bench;

use bench::time_ms;

use chrono::{NaiveDate, NaiveDateTime};
use partnernet::exports::lists::{self, partners};
use partnernet::exports::FileFormat;
use partnernet::organisation::model::{Head, Requisites};
use partnernet::partners::model::{Contact, PartnerInput, PartnerType};
use partnernet::validation::make;
use partnernet::{CoreError, Storage};

/// Rows of the bench and the target for each format, from the click to the
/// bytes.
const PARTNERS: u32 = 10_000;
const TARGET_MS: f64 = 1_000.0;

fn partner(n: u32) -> PartnerInput {
    let bik = "046850649";
    PartnerInput {
        partner_type: PartnerType::ALL[(n % 8) as usize],
        full_name: format!("Муниципальное бюджетное учреждение «Организация-партнёр № {n}»"),
        short_name: format!("МБУ «Партнёр № {n}»"),
        requisites: Requisites {
            inn: make::inn10(&format!("68{:07}", 1_000_000 + n)),
            kpp: "682501001".into(),
            legal_address: format!("393190, Тамбовская обл., г. Котовск, ул. Свободы, д. {n}"),
            phone: "8 (47541) 2-34-56".into(),
            email: format!("partner{n}@example.ru"),
            bik: bik.into(),
            bank_account: make::bank_account(bik, "40701810", n),
            corr_account: make::corr_account(bik),
            bank_name: "Отделение Тамбов".into(),
            ..Requisites::default()
        },
        head: Head {
            surname: "Иванова".into(),
            name: "Мария".into(),
            patronymic: "Петровна".into(),
            position: "директор".into(),
            basis: "Устава".into(),
            ..Head::default()
        },
        contacts: ["Ёлкина", "Петров"]
            .iter()
            .map(|s| Contact {
                surname: (*s).into(),
                name: "Анна".into(),
                role: "методист".into(),
                email: format!("c{n}@example.ru"),
                ..Contact::default()
            })
            .collect(),
        resources: vec!["Спортивный зал".into(), "Актовый зал".into()],
        stage: Some((n % 3 + 1) as u8),
        ..PartnerInput::default()
    }
}

fn fill(storage: &mut Storage, now: NaiveDateTime) -> Result<(), CoreError> {
    storage.write(|tx| {
        for n in 0..PARTNERS {
            partnernet::partners::insert_prepared(tx, &partner(n), now)?;
        }
        Ok(())
    })
}

fn run() -> Result<(), CoreError> {
    let dir = std::env::temp_dir().join(format!("partnernet-bench-lists-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
    let now = NaiveDate::from_ymd_opt(2026, 12, 4)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default();
    let mut storage = Storage::open_dir(&dir)?;
    fill(&mut storage, now)?;
    let ids = partners::ids_found(&storage, "")?;
    println!("Экспорт списков: {} партнёров, по два контакта", ids.len());
    for (format, name) in [(FileFormat::Xlsx, "XLSX"), (FileFormat::Csv, "CSV")] {
        let mut size = 0;
        let ms = time_ms(3, || {
            let table = partners::table(&storage, &ids)?;
            size = lists::bytes(&table, format, now)?.len();
            Ok(())
        })?;
        let verdict = if ms <= TARGET_MS {
            "в пределах"
        } else {
            "ВЫШЕ"
        };
        println!(
            "  партнёры → {name}: {ms:.0} мс ({} КБ; цель ≤ {TARGET_MS:.0} мс — {verdict})",
            size / 1024
        );
    }
    let table_ms = time_ms(3, || partners::table(&storage, &ids))?;
    println!("  из них чтение записей: {table_ms:.0} мс");
    window_list(&storage)?;
    drop(storage);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// The partners list in the window (issue 13 §3): the ordered ids of the
/// whole list, then the rows of one screen and of the screens around it.
fn window_list(storage: &Storage) -> Result<(), CoreError> {
    use partnernet::partners::order::{PartnerSort, PartnerSortKey, SortDir};
    let all = partnernet::partners::model::PartnerFilter::default();
    let by_name = PartnerSort::default();
    let mut ids = Vec::new();
    let ids_ms = time_ms(5, || {
        ids = partnernet::partners::list_ids(storage, &all, by_name)?;
        Ok(())
    })?;
    let inn = PartnerSort {
        key: PartnerSortKey::Inn,
        dir: SortDir::Desc,
        own_field: None,
    };
    let inn_ms = time_ms(5, || partnernet::partners::list_ids(storage, &all, inn))?;
    let screen: Vec<i64> = ids.iter().skip(5_000).take(150).copied().collect();
    let rows_ms = time_ms(5, || partnernet::partners::summaries_of(storage, &screen))?;
    let picker =
        |q: &'static str| move || partnernet::partners::search::first_matches(storage, q, 20);
    let picker_all_ms = time_ms(5, picker(""))?;
    let picker_query_ms = time_ms(5, picker("Партнёр 12"))?;
    let verdict = |ms: f64, target: f64| {
        if ms <= target {
            "в пределах"
        } else {
            "ВЫШЕ"
        }
    };
    println!("Список партнёров в окне: {} партнёров", ids.len());
    println!(
        "  id по порядку (по названию): {ids_ms:.1} мс; по ИНН: {inn_ms:.1} мс (цель ≤ {LIST_IDS_MS:.0} мс — {})",
        verdict(ids_ms.max(inn_ms), LIST_IDS_MS)
    );
    println!(
        "  строки 150 на экране и рядом: {rows_ms:.1} мс (цель ≤ {SCREEN_ROWS_MS:.0} мс — {})",
        verdict(rows_ms, SCREEN_ROWS_MS)
    );
    println!(
        "  выбор партнёра, первые 20: пустой ввод {picker_all_ms:.1} мс, «Партнёр 12» {picker_query_ms:.1} мс (цель ≤ {LIST_IDS_MS:.0} мс — {})",
        verdict(picker_all_ms.max(picker_query_ms), LIST_IDS_MS)
    );
    Ok(())
}

/// The list's ids in the core, and a screen's rows: the window's open
/// (≤ 300 ms with the drawing) leaves them this much.
const LIST_IDS_MS: f64 = 60.0;
const SCREEN_ROWS_MS: f64 = 10.0;

fn main() {
    if let Err(err) = run() {
        eprintln!("Ошибка: {err}");
        std::process::exit(1);
    }
}
