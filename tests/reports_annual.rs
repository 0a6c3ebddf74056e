//! The analytical report on a school year (issue 11 §6) on real SQLite
//! files: its figures against a small hand-made network, the «Выводы» kept
//! per year, the PDF read back (pdftotext, pdffonts, qpdf) and the demo's
//! report. The DOCX, the XLSX and the command line: reports_annual_export.rs.

mod common;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use common::{at, day, now, open, p, parties, run, school, t};
use partnernet::agreements::{
    self,
    model::{AgreementInput, AgreementStatus},
};
use partnernet::events::{
    self,
    model::{
        Audience, EventFilter, EventInput, EventStatus, Frequency, OccurrenceChange, Recurrence,
    },
    school_year::school_year_range,
};
use partnernet::network::model::HealthFlagKind;
use partnernet::partners::model::{PartnerInput, PartnerType, RelationKind};
use partnernet::reports::{annual, annual_pdf, model::AnnualReport};
use partnernet::{institution, partners, Storage};

/// The day the report is made: two weeks after 2025/2026 ended.
fn today() -> NaiveDate {
    day(2026, 9, 15)
}

fn partner(
    storage: &mut Storage,
    n: u32,
    kind: PartnerType,
    relation: RelationKind,
    created: NaiveDateTime,
) -> i64 {
    let input = PartnerInput {
        partner_type: kind,
        relation_kind: relation,
        stage_reached_on: None,
        ..school(n)
    };
    partners::create(storage, input, created)
        .expect("partner")
        .id
}

/// An agreement with `id` taken through `steps` (status, date), the first
/// from the draft.
fn agreement(
    storage: &mut Storage,
    id: i64,
    start: NaiveDate,
    end: NaiveDate,
    steps: &[(AgreementStatus, NaiveDate)],
) -> i64 {
    let input = AgreementInput {
        subject: "Сотрудничество".into(),
        parties: parties(&[id]),
        start_date: Some(start),
        end_date: Some(end),
        ..AgreementInput::default()
    };
    let created = (start - Duration::days(10))
        .and_hms_opt(9, 0, 0)
        .expect("time");
    let a = agreements::create(storage, input, created)
        .expect("agreement")
        .id;
    for (to, on) in steps {
        agreements::set_status(storage, a, *to, *on, "", now())
            .unwrap_or_else(|e| panic!("{to:?} on {on}: {e}"));
    }
    a
}

fn signed_active(signed: NaiveDate) -> Vec<(AgreementStatus, NaiveDate)> {
    vec![
        (AgreementStatus::OnApproval, signed - Duration::days(1)),
        (AgreementStatus::Signed, signed),
        (AgreementStatus::Active, signed + Duration::days(1)),
    ]
}

fn form(storage: &Storage, i: usize) -> (i64, String) {
    let f = &events::forms(storage).expect("forms")[i];
    (f.id, f.name.clone())
}

struct Ev {
    form: usize,
    title: &'static str,
    start: NaiveDateTime,
    status: EventStatus,
    planned: i64,
    actual: Option<i64>,
    results: &'static str,
    audience: Vec<Audience>,
}

fn event(storage: &mut Storage, e: Ev, partner_ids: &[i64]) -> i64 {
    let input = EventInput {
        form_id: form(storage, e.form).0,
        title: e.title.into(),
        start: e.start,
        end: e.start + Duration::hours(2),
        partner_ids: partner_ids.to_vec(),
        status: e.status,
        planned_count: Some(e.planned),
        actual_count: e.actual,
        results: e.results.into(),
        audience: e.audience,
        ..EventInput::default()
    };
    events::create(storage, input, now())
        .expect("event")
        .event
        .id
}

/// The hand-made network of school year 2025/2026 (see each line).
struct Network {
    _dir: tempfile::TempDir,
    storage: Storage,
    old: i64,
    quiet: i64,
}

fn network() -> Network {
    let (dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("inst");
    use PartnerType::*;
    use RelationKind::*;
    // Before the year; before the year and silent (dormant); on its first
    // and on its last day (new); the day after it (not counted); entered
    // in the year and trashed (not counted).
    let old = partner(
        &mut storage,
        1,
        GeneralEducation,
        NetworkInteraction,
        at(2024, 5, 10, 9),
    );
    let quiet = partner(&mut storage, 2, MassMedia, Patronage, at(2024, 1, 10, 9));
    let new1 = partner(
        &mut storage,
        3,
        CultureSport,
        NetworkInteraction,
        at(2025, 9, 1, 0),
    );
    let new2 = partner(
        &mut storage,
        4,
        GeneralEducation,
        SocialPartnership,
        t(2026, 8, 31, 23, 30),
    );
    let after = partner(
        &mut storage,
        5,
        GeneralEducation,
        NetworkInteraction,
        at(2026, 9, 1, 8),
    );
    let trashed = partner(
        &mut storage,
        6,
        CreativeUnion,
        NetworkInteraction,
        at(2025, 10, 1, 9),
    );
    partners::trash(&mut storage, trashed, now()).expect("trash partner");

    // In force from before the year on: counted in force only.
    agreement(
        &mut storage,
        old,
        day(2025, 3, 1),
        day(2027, 12, 31),
        &signed_active(day(2025, 3, 2)),
    );
    // Signed in the year: in force and concluded.
    agreement(
        &mut storage,
        new1,
        day(2025, 10, 10),
        day(2026, 12, 31),
        &signed_active(day(2025, 10, 10)),
    );
    // Expired in the year: in force and ended.
    let mut steps = signed_active(day(2024, 9, 2));
    steps.push((AgreementStatus::Expired, day(2026, 6, 30)));
    agreement(&mut storage, old, day(2024, 9, 1), day(2026, 6, 30), &steps);
    // Signed and terminated in the year: all three.
    let mut steps = signed_active(day(2025, 9, 5));
    steps.push((AgreementStatus::Terminated, day(2026, 2, 1)));
    agreement(
        &mut storage,
        new1,
        day(2025, 9, 5),
        day(2027, 6, 30),
        &steps,
    );
    // Expired before the year, signed after it, a draft: none.
    let mut steps = signed_active(day(2023, 6, 2));
    steps.push((AgreementStatus::Expired, day(2025, 5, 31)));
    agreement(&mut storage, old, day(2023, 6, 1), day(2025, 5, 31), &steps);
    agreement(
        &mut storage,
        after,
        day(2026, 9, 10),
        day(2027, 9, 10),
        &signed_active(day(2026, 9, 10)),
    );
    agreement(&mut storage, new2, day(2026, 5, 1), day(2027, 5, 1), &[]);

    use EventStatus::*;
    let ev = |form, title, start, status, planned, actual, results, audience| Ev {
        form,
        title,
        start,
        status,
        planned,
        actual,
        results,
        audience,
    };
    // The evening before the year: the year before.
    event(
        &mut storage,
        ev(
            0,
            "Августовский семинар",
            t(2025, 8, 31, 18, 0),
            Held,
            10,
            Some(8),
            "Итог августа",
            vec![Audience::Teachers],
        ),
        &[old],
    );
    event(
        &mut storage,
        ev(
            0,
            "Установочный семинар",
            t(2025, 9, 1, 0, 0),
            Held,
            20,
            Some(15),
            "Согласован план на год",
            vec![Audience::Teachers],
        ),
        &[old, new1],
    );
    event(
        &mut storage,
        ev(
            0,
            "Отменённый семинар",
            t(2025, 12, 5, 10, 0),
            Cancelled,
            30,
            None,
            "",
            vec![Audience::Public],
        ),
        &[new1],
    );
    event(
        &mut storage,
        ev(
            0,
            "Итоговый семинар",
            t(2026, 8, 31, 21, 0),
            Held,
            5,
            Some(4),
            "",
            vec![Audience::Teachers, Audience::Parents],
        ),
        &[old],
    );
    // The first day of the next year.
    event(
        &mut storage,
        ev(
            0,
            "Сентябрьский семинар",
            t(2026, 9, 1, 9, 0),
            Planned,
            40,
            None,
            "",
            vec![Audience::Teachers],
        ),
        &[old],
    );
    // Trashed: not counted.
    let gone = event(
        &mut storage,
        ev(
            0,
            "Удалённый семинар",
            t(2025, 11, 10, 10, 0),
            Held,
            50,
            Some(50),
            "Не в счёт",
            vec![Audience::Teachers],
        ),
        &[old],
    );
    events::trash(&mut storage, gone, now()).expect("trash event");
    // A series of four Tuesdays, 13.01–03.02.2026; the second one held.
    let series = EventInput {
        recurrence: Some(Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![2],
            until: None,
            count: Some(4),
        }),
        ..{
            let (form_id, _) = form(&storage, 1);
            let start = t(2026, 1, 13, 15, 0);
            EventInput {
                form_id,
                title: "Круглый стол для обучающихся".into(),
                start,
                end: start + Duration::hours(1),
                partner_ids: vec![new1],
                planned_count: Some(12),
                audience: vec![Audience::Students],
                ..EventInput::default()
            }
        }
    };
    let s = events::create(&mut storage, series, now())
        .expect("series")
        .event
        .id;
    events::change_occurrence(
        &mut storage,
        s,
        OccurrenceChange {
            date: day(2026, 1, 20),
            status: Held,
            start: None,
            end: None,
            actual_count: Some(9),
            results: "Обсудили проекты".into(),
        },
        now(),
    )
    .expect("held");
    Network {
        _dir: dir,
        storage,
        old,
        quiet,
    }
}

fn report(storage: &Storage, year: i32) -> AnnualReport {
    annual::report(storage, year, today()).expect("report")
}

#[test]
fn the_figures_of_a_hand_made_network() {
    let net = network();
    let r = report(&net.storage, 2025);
    assert_eq!(
        r.title,
        "Аналитическая справка о сетевом взаимодействии за 2025/2026 учебный год"
    );
    assert_eq!(
        (r.first_day, r.last_day),
        (day(2025, 9, 1), day(2026, 8, 31))
    );
    assert_eq!(r.institution.head_name, "В.И. Мишина");
    assert_eq!(r.institution.head_position, "Директор");

    // Partners: old, quiet, new1, new2 (the day after and the trashed one left out).
    assert_eq!((r.partners_total, r.partners_new), (4, 2));
    let types: Vec<(&str, u32, u32)> = r
        .by_type
        .iter()
        .map(|c| (c.label.as_str(), c.total, c.new))
        .collect();
    assert_eq!(types.len(), 9, "all nine types, in DOMAIN order");
    assert_eq!(types[0], ("Учреждения общего образования", 2, 1));
    assert_eq!(types[3], ("Учреждения культуры и спорта", 1, 1));
    assert_eq!(types[4], ("Средства массовой информации", 1, 0));
    assert_eq!(types[6], ("Творческие союзы", 0, 0), "the trashed one");
    assert_eq!(types[8].0, "Родительская общественность");
    let relations: Vec<(u32, u32)> = r.by_relation.iter().map(|c| (c.total, c.new)).collect();
    assert_eq!(relations, [(2, 1), (1, 1), (1, 0)]);

    // Agreements.
    let a = &r.agreements;
    assert_eq!((a.in_force, a.concluded, a.ended), (4, 2, 2));
    assert_eq!((a.network_program, a.cooperation), (0, 4));
    assert_eq!(a.rows.len(), 4);
    let signed: Vec<Option<NaiveDate>> = a.rows.iter().map(|r| r.signed_on).collect();
    assert_eq!(
        signed,
        [
            Some(day(2024, 9, 2)),
            Some(day(2025, 3, 2)),
            Some(day(2025, 9, 5)),
            Some(day(2025, 10, 10))
        ]
    );
    assert_eq!(a.rows[0].ended_on, Some(day(2026, 6, 30)));
    assert_eq!(a.rows[2].ended_on, Some(day(2026, 2, 1)));
    assert_eq!(a.rows[2].status, "расторгнут");

    // Events: the series by occurrence, the boundary right, the trashed out.
    let e = &r.events_total;
    assert_eq!(
        (e.total, e.held, e.planned, e.postponed, e.cancelled),
        (7, 3, 3, 0, 1)
    );
    assert_eq!(
        (e.participants_planned, e.participants_actual),
        (20 + 5 + 4 * 12, 15 + 4 + 9)
    );
    let by_form: Vec<(String, u32, u32, u32)> = r
        .events_by_form
        .iter()
        .map(|f| (f.label.clone(), f.total, f.held, f.cancelled))
        .collect();
    assert_eq!(
        by_form,
        [
            (form(&net.storage, 0).1, 3, 2, 1),
            (form(&net.storage, 1).1, 4, 1, 0)
        ]
    );
    let months: Vec<(&str, u32)> = r
        .events_by_month
        .iter()
        .map(|m| (m.label.as_str(), m.total))
        .collect();
    assert_eq!(months.len(), 12);
    assert_eq!(months[0], ("Сентябрь 2025", 1));
    assert_eq!(months[3], ("Декабрь 2025", 1));
    assert_eq!(months[4], ("Январь 2026", 3));
    assert_eq!(months[5], ("Февраль 2026", 1));
    assert_eq!(months[11], ("Август 2026", 1));
    let sum: u32 = r.events_by_month.iter().map(|m| m.total).sum();
    assert_eq!(sum, e.total);
    let audience: Vec<(&str, u32, u32)> = r
        .audience
        .iter()
        .map(|a| (a.label.as_str(), a.occurrences, a.held))
        .collect();
    assert_eq!(
        audience,
        [
            ("педагоги", 2, 2),
            ("обучающиеся", 4, 1),
            ("родители", 1, 1),
            ("общественность", 0, 0)
        ]
    );
    let results: Vec<(&str, Vec<NaiveDate>, &str)> = r
        .results
        .iter()
        .map(|x| (x.title.as_str(), x.dates.clone(), x.results.as_str()))
        .collect();
    assert_eq!(
        results,
        [
            (
                "Установочный семинар",
                vec![day(2025, 9, 1)],
                "Согласован план на год"
            ),
            (
                "Круглый стол для обучающихся",
                vec![day(2026, 1, 20)],
                "Обсудили проекты"
            )
        ]
    );

    // The same occurrences counted another way: the events' own range filter.
    let (from, to) = school_year_range(2025);
    let occ = events::occurrences(
        &net.storage,
        &EventFilter {
            from: Some(from),
            to: Some(to),
            ..EventFilter::default()
        },
    )
    .expect("occurrences");
    assert_eq!(occ.len() as u32, e.total);
    let held = occ.iter().filter(|o| o.status == EventStatus::Held).count() as u32;
    assert_eq!(held, e.held);

    // From the health: deficits, dormant, stages.
    assert_eq!(
        r.deficits.len(),
        partnernet::demo::institution().deficits.len()
    );
    let covered: Vec<(&str, usize)> = r
        .deficits
        .iter()
        .filter(|d| d.covered)
        .map(|d| (d.deficit.as_str(), d.partners.len()))
        .collect();
    // The schools' «Спортивный зал» and «Актовый зал»; five live schools.
    assert_eq!(
        covered,
        [("Спортивный зал", 5), ("Актовый зал для концертов", 5)]
    );
    assert!(r
        .deficits
        .iter()
        .all(|d| d.covered != d.partners.is_empty()));
    let dormant: Vec<Option<i64>> = r.dormant.iter().map(|f| f.partner_id).collect();
    assert_eq!(dormant, [Some(net.quiet)]);
    assert!(r.risks.iter().all(|f| f.kind != HealthFlagKind::Dormant));
    assert!(r
        .risks
        .iter()
        .any(|f| f.kind == HealthFlagKind::SingleContact && f.partner_id == Some(net.old)));
    let staged: u32 = r.by_stage.iter().map(|s| s.partners).sum();
    assert_eq!(
        staged, 5,
        "the health counts every live partner, as of today"
    );

    // The year before holds the August evening only.
    let before = report(&net.storage, 2024);
    assert_eq!(before.events_total.total, 1);
    assert_eq!(before.events_total.participants_actual, 8);
    assert_eq!((before.partners_total, before.partners_new), (2, 0));
}

#[test]
fn conclusions_are_kept_per_year() {
    let (_dir, mut storage) = open();
    assert_eq!(annual::conclusions(&storage, 2025).expect("none"), "");
    annual::save_conclusions(
        &mut storage,
        2025,
        "  Сеть выросла.\nНужен второй контакт. ",
    )
    .expect("save");
    annual::save_conclusions(&mut storage, 2026, "Другой год.").expect("save");
    assert_eq!(
        annual::conclusions(&storage, 2025).expect("2025"),
        "Сеть выросла.\nНужен второй контакт."
    );
    assert_eq!(
        annual::conclusions(&storage, 2026).expect("2026"),
        "Другой год."
    );
    assert_eq!(
        report(&storage, 2025).conclusions,
        "Сеть выросла.\nНужен второй контакт."
    );
    annual::save_conclusions(&mut storage, 2025, "Исправлено.").expect("again");
    assert_eq!(
        annual::conclusions(&storage, 2025).expect("2025"),
        "Исправлено."
    );
    let key: String = storage
        .conn()
        .query_row(
            "SELECT key FROM settings WHERE value = 'Исправлено.'",
            [],
            |r| r.get(0),
        )
        .expect("row");
    assert_eq!(key, "report_conclusions_2025");
    annual::save_conclusions(&mut storage, 2025, "  ").expect("clear");
    assert_eq!(annual::conclusions(&storage, 2025).expect("2025"), "");
    assert_eq!(
        annual::conclusions(&storage, 2026).expect("2026"),
        "Другой год."
    );
    let long = "я".repeat(annual::MAX_CONCLUSIONS + 1);
    assert!(annual::save_conclusions(&mut storage, 2025, &long).is_err());
}

/// The PDF's text, one string per page.
fn pages(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).expect("write");
    let file = p(&path);
    let fonts = run("pdffonts", &[file]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "not embedded: {row}");
    }
    run("qpdf", &["--check", file]);
    let text = run("pdftotext", &["-layout", file, "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The text on one line, words hyphenated at a line's end joined again.
fn squeeze(s: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in s.lines().map(str::trim) {
        match lines.last_mut() {
            Some(prev)
                if prev.ends_with('-')
                    && prev[..prev.len() - 1].ends_with(|c: char| c.is_lowercase())
                    && line.starts_with(|c: char| c.is_lowercase()) =>
            {
                prev.pop();
                prev.push_str(line);
            }
            _ => lines.push(line.to_string()),
        }
    }
    lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_pdf_has_every_section_and_the_numbers() {
    let mut net = network();
    annual::save_conclusions(&mut net.storage, 2025, "Сеть выросла на два партнёра.")
        .expect("save");
    let r = report(&net.storage, 2025);
    let pdf = annual_pdf::render(&r, at(2026, 9, 15, 10)).expect("pdf");
    assert_eq!(
        pdf,
        annual_pdf::render(&r, at(2026, 9, 15, 10)).expect("again")
    );
    let all = squeeze(&pages(&pdf).join("\n"));
    for s in annual_pdf::SECTIONS {
        assert!(all.contains(s), "{s}: {all}");
    }
    for s in [
        "УТВЕРЖДАЮ",
        "Директор МБУ ДО «Дом детского творчества»",
        "_____________ В.И. Мишина",
        "«__» ________ 20__ г.",
        "Аналитическая справка о сетевом взаимодействии за 2025/2026 учебный год",
        "с 1 сентября 2025 г. по 31 августа 2026 г.",
        "в реестре сетевых партнёров — 4, из них внесены в реестр в течение учебного года — 2",
        "действовали договоры и соглашения — 4, заключено — 2, прекратили действие — 2",
        "Январь 2026 3 1 2 0 0 36 9",
        "Итого 7 3 3 0 1 73 28",
        "Учреждения общего образования 2 1",
        "Согласован план на год",
        "Обсудили проекты",
        "Сеть выросла на два партнёра.",
    ] {
        assert!(all.contains(s), "«{s}» not in: {all}");
    }
    assert!(!all.contains("Не в счёт"), "a trashed event's results");
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let (_dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("inst");
    for i in 0..80 {
        let start = t(2025, 9, 2, 10, 0) + Duration::days(i * 3);
        event(
            &mut storage,
            Ev {
                form: 0,
                title: "Семинар сетевой группы",
                start,
                status: EventStatus::Held,
                planned: 10,
                actual: Some(9),
                results: "Педагоги обменялись опытом, подготовили методические материалы и \
                          договорились о следующей встрече на площадке партнёра.",
                audience: vec![Audience::Teachers],
            },
            &[],
        );
    }
    let r = report(&storage, 2025);
    assert_eq!(r.results.len(), 80);
    let pages = pages(&annual_pdf::render(&r, at(2026, 9, 15, 10)).expect("pdf"));
    let with_rows: Vec<&String> = pages
        .iter()
        .filter(|p| p.contains("Педагоги обменялись"))
        .collect();
    assert!(with_rows.len() >= 3, "{} pages of results", with_rows.len());
    for page in with_rows {
        let first = page
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        let head = squeeze(first);
        assert!(
            head.starts_with("№ Дата Мероприятие Итоги") || page.contains("5. Итоги мероприятий"),
            "no header on a page of the table: {page}"
        );
        assert!(squeeze(page).contains("№ Дата Мероприятие Итоги"), "{page}");
    }
}

#[test]
fn the_demo_report_renders_every_section() {
    let (_dir, mut storage) = open();
    let now = at(2026, 12, 4, 10);
    partnernet::demo::fill(&mut storage, now).expect("demo");
    let year = partnernet::events::school_year::school_year_of(now.date());
    let r = annual::report(&storage, year, now.date()).expect("report");
    assert_eq!(
        r.partners_total as usize,
        partners::all(&storage).expect("partners").len()
    );
    assert!(r.events_total.total > 0 && r.agreements.in_force > 0 && !r.results.is_empty());
    let all = squeeze(&pages(&annual_pdf::render(&r, now).expect("pdf")).join("\n"));
    for s in annual_pdf::SECTIONS {
        assert!(all.contains(s), "{s}");
    }
    assert!(all.contains("4.1. По формам взаимодействия"));
    assert!(all.contains("4.2. По месяцам"));
}
