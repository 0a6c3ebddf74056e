//! A database at scale for the window benchmark (`make bench-ui`, issue 13
//! §3): the demo, then 10 000 more partners, 300 agreements and 20 000 events
//! in the school year of `--today`, each event with one or two partners;
//! past events are mostly without results, as a busy year really is.
//!
//! Run: `bench_ui_data DIR [--today YYYY-MM-DD]` (default: today). The data
//! depends only on the date; everything is written through the core in one
//! transaction, so it takes seconds.

use std::path::PathBuf;
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use partnernet::agreements::model::{AgreementInput, AgreementParty, AgreementStatus};
use partnernet::agreements::queries;
use partnernet::events::model::{Audience, EventInput, EventStatus};
use partnernet::events::validate;
use partnernet::organisation::model::{Head, Requisites};
use partnernet::partners::model::{Contact, PartnerInput, PartnerType};
use partnernet::validation::make;
use partnernet::{CoreError, Storage};

const PARTNERS: u32 = 10_000;
const EVENTS: u32 = 20_000;
const AGREEMENTS: u32 = 300;

/// A small deterministic generator (64-bit LCG): the same date gives the
/// same database.
struct Seq(u64);

impl Seq {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

const TOWNS: [&str; 5] = ["Котовск", "Тамбов", "Мичуринск", "Рассказово", "Моршанск"];
const SURNAMES: [&str; 6] = [
    "Иванова",
    "Петров",
    "Сорокина",
    "Ёлкин",
    "Смирнова",
    "Кузнецов",
];

fn partner(n: u32, seq: &mut Seq) -> PartnerInput {
    let bik = "046850649";
    let kind = PartnerType::ALL[(n % 8) as usize];
    let town = TOWNS[seq.next(TOWNS.len() as u64) as usize];
    PartnerInput {
        partner_type: kind,
        full_name: format!("Муниципальное учреждение «Партнёр сети № {n}» г. {town}"),
        short_name: format!("МУ «Партнёр № {n}»"),
        requisites: Requisites {
            inn: make::inn10(&format!("68{:07}", 2_000_000 + n)),
            legal_address: format!("393190, Тамбовская обл., г. {town}, ул. Свободы, д. {n}"),
            phone: "8 (47541) 2-34-56".into(),
            email: format!("partner{n}@example.ru"),
            bik: bik.into(),
            bank_account: make::bank_account(bik, "40701810", n),
            corr_account: make::corr_account(bik),
            bank_name: "Отделение Тамбов".into(),
            ..Requisites::default()
        },
        head: Head {
            surname: SURNAMES[(n % 6) as usize].into(),
            name: "Мария".into(),
            patronymic: "Петровна".into(),
            position: "директор".into(),
            basis: "Устава".into(),
            ..Head::default()
        },
        contacts: vec![Contact {
            surname: SURNAMES[((n + 3) % 6) as usize].into(),
            name: "Анна".into(),
            role: "методист".into(),
            email: format!("c{n}@example.ru"),
            ..Contact::default()
        }],
        resources: vec!["Актовый зал".into()],
        stage: Some((n % 3 + 1) as u8),
        ..PartnerInput::default()
    }
}

const TITLES: [&str; 6] = [
    "Семинар для педагогов",
    "Круглый стол по проектной деятельности",
    "Мастер-класс для обучающихся",
    "Встреча по обмену опытом",
    "Городской конкурс",
    "Вебинар для родителей",
];
const PLACES: [&str; 5] = [
    "Актовый зал ДДТ",
    "Каб. 12",
    "МБОУ СОШ № 2",
    "Библиотека",
    "",
];

/// Event `n` of the school year starting on `first`: spread evenly over its
/// 365 days, 9:00–17:00; past ones are held or planned and a fifth of them
/// has results.
fn event(n: u32, first: NaiveDate, today: NaiveDate, ctx: &Ctx, seq: &mut Seq) -> EventInput {
    let day = first + Duration::days(i64::from(n) * 365 / i64::from(EVENTS));
    let start = day
        .and_hms_opt(9 + (seq.next(8) as u32), 0, 0)
        .unwrap_or_default();
    let past = day < today;
    let status = match seq.next(20) {
        0 => EventStatus::Cancelled,
        1 => EventStatus::Postponed,
        k if past && k < 12 => EventStatus::Held,
        _ => EventStatus::Planned,
    };
    let with_results = past && status == EventStatus::Held && seq.next(3) == 0;
    let mut partner_ids = vec![ctx.partners[seq.next(ctx.partners.len() as u64) as usize]];
    if seq.next(2) == 0 {
        let other = ctx.partners[seq.next(ctx.partners.len() as u64) as usize];
        if other != partner_ids[0] {
            partner_ids.push(other);
        }
    }
    EventInput {
        form_id: ctx.forms[n as usize % ctx.forms.len()],
        title: format!("{} № {n}", TITLES[n as usize % TITLES.len()]),
        start,
        end: start + Duration::minutes(90),
        place: PLACES[n as usize % PLACES.len()].into(),
        partner_ids,
        audience: vec![Audience::ALL[n as usize % 4]],
        planned_count: Some(10 + seq.next(40) as i64),
        actual_count: with_results.then(|| 10 + seq.next(40) as i64),
        status,
        results: if with_results {
            "Проведено по плану, участники получили материалы.".into()
        } else {
            String::new()
        },
        responsible: format!("Педагог {}", n % 40),
        ..EventInput::default()
    }
}

struct Ctx {
    forms: Vec<i64>,
    partners: Vec<i64>,
}

fn agreement(n: u32, today: NaiveDate, partners: &[i64], seq: &mut Seq) -> AgreementInput {
    let from = today - Duration::days(seq.next(700) as i64);
    AgreementInput {
        subject: format!("Сотрудничество в сетевом взаимодействии № {n}"),
        own_role: "Учреждение".into(),
        place: "г. Котовск".into(),
        date: Some(from),
        start_date: Some(from),
        end_date: Some(from + Duration::days(365 + seq.next(700) as i64)),
        parties: vec![AgreementParty {
            partner_id: partners[seq.next(partners.len() as u64) as usize],
            role: "Партнёр".into(),
        }],
        responsible: "Сорокина Е.А., методист".into(),
        ..AgreementInput::default()
    }
}

fn fill(storage: &mut Storage, now: NaiveDateTime) -> Result<(usize, u32), CoreError> {
    partnernet::demo::fill(storage, now)?;
    let today = now.date();
    let year = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    let first = NaiveDate::from_ymd_opt(year, 9, 1).unwrap_or(today);
    let mut seq = Seq(u64::from(year.unsigned_abs()));
    let forms: Vec<i64> = partnernet::events::forms(storage)?
        .iter()
        .map(|f| f.id)
        .collect();
    storage.write(|tx| {
        let mut partners = Vec::with_capacity(PARTNERS as usize);
        for n in 0..PARTNERS {
            let p = partnernet::partners::insert_prepared(tx, &partner(n, &mut seq), now)?;
            partners.push(p.id);
        }
        for n in 0..AGREEMENTS {
            let input = partnernet::agreements::prepare(
                tx,
                agreement(n, today, &partners, &mut seq),
                None,
                now,
            )?;
            let status = if n % 5 == 0 {
                AgreementStatus::Draft
            } else {
                AgreementStatus::Active
            };
            let id = queries::insert(tx, &input, status, now)?;
            queries::add_history(tx, id, None, status, today, "создан", now)?;
        }
        let ctx = Ctx { forms, partners };
        // Every event checked as the app checks it, its references read once.
        let refs = validate::References::load(tx)?;
        for n in 0..EVENTS {
            let input =
                partnernet::events::prepare_with(&refs, event(n, first, today, &ctx, &mut seq))?;
            partnernet::events::insert_new(tx, &input, now)?;
        }
        Ok((ctx.partners.len(), EVENTS))
    })
}

fn run() -> Result<(), CoreError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        return Err(CoreError::BadInput(
            "Укажите папку для базы: bench_ui_data ПАПКА [--today ГГГГ-ММ-ДД].".into(),
        ));
    };
    let today = match args.iter().position(|a| a == "--today") {
        Some(i) => args
            .get(i + 1)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .ok_or_else(|| CoreError::BadInput("После --today нужна дата ГГГГ-ММ-ДД.".into()))?,
        None => chrono::Local::now().date_naive(),
    };
    let now = today.and_hms_opt(8, 0, 0).unwrap_or_default();
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
    let t = Instant::now();
    let mut storage = Storage::open_dir(&dir)?;
    let (partners, events) = fill(&mut storage, now)?;
    println!(
        "{}: demo + {partners} partners, {AGREEMENTS} agreements, {events} events of the school \
         year; written in {:.1} s",
        dir.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
