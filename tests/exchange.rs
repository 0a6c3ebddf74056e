//! Exchange with other institutions (issue 12 §4): a `.partnernet` package
//! written from the demo and read into a fresh database, the same package
//! twice, a newer one, a conflict with a local edit resolved both ways,
//! damaged and foreign files refused with the database unchanged, and the
//! stable ids migration 010 gives to an old database.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use common::{dump, now, open, school};
use partnernet::exchange::model::{ConflictChoice, ExchangeSelection, RecordKind, RecordState};
use partnernet::exchange::{self, queries};
use partnernet::exports::{self, ExportTarget};
use partnernet::{partners, CoreError, Storage};

fn count(storage: &Storage, sql: &str) -> i64 {
    storage
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

/// The demo institution with its partners, agreements and school year.
fn sender() -> (tempfile::TempDir, Storage) {
    let (dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    (dir, storage)
}

fn everything(storage: &Storage, contacts: bool) -> ExchangeSelection {
    let conn = storage.conn();
    let ids = |sql: &str| -> Vec<i64> {
        let mut stmt = conn.prepare(sql).expect("prepare");
        let rows = stmt.query_map([], |r| r.get(0)).expect("query");
        rows.collect::<rusqlite::Result<_>>().expect("ids")
    };
    ExchangeSelection {
        all_partners: false,
        partner_ids: ids("SELECT id FROM partners WHERE deleted_at IS NULL"),
        year: Some(2026),
        event_ids: Vec::new(),
        agreement_ids: ids("SELECT id FROM agreements WHERE deleted_at IS NULL"),
        contacts,
    }
}

fn export(storage: &mut Storage, selection: ExchangeSelection, path: &Path) -> PathBuf {
    exports::write(storage, &ExportTarget::Exchange { selection }, path, now()).expect("export")
}

fn package_of(storage: &mut Storage, dir: &Path, name: &str, contacts: bool) -> PathBuf {
    let selection = everything(storage, contacts);
    export(storage, selection, &dir.join(name))
}

fn later(hours: i64) -> chrono::NaiveDateTime {
    now() + chrono::Duration::hours(hours)
}

#[test]
fn a_package_arrives_whole_in_a_fresh_database_without_contacts_unless_ticked() {
    let (dir, mut from) = sender();
    let path = package_of(&mut from, dir.path(), "Пакет", false);
    assert_eq!(
        path.extension().and_then(|e| e.to_str()),
        Some("partnernet")
    );

    let (_d, mut to) = open();
    let preview = exchange::preview(&to, &path).expect("preview");
    assert_eq!(
        preview.sender.name,
        partnernet::demo::institution().short_name
    );
    assert!(!preview.contacts);
    assert_eq!(preview.conflict_count + preview.changed_count, 0);
    assert!(preview.items.iter().all(|i| i.state == RecordState::New));
    let report = exchange::import(&mut to, &path, &[], later(1)).expect("import");
    assert_eq!(report.added as usize, preview.items.len());

    // The sender arrives as a partner too, with its ties (exchange_ties.rs).
    let live = "SELECT COUNT(*) FROM partners WHERE deleted_at IS NULL";
    assert_eq!(count(&to, live), count(&from, live) + 1);
    let ties = "SELECT COUNT(*) FROM partner_ties";
    assert_eq!(count(&to, ties), count(&from, ties));
    let agreements = "SELECT COUNT(*) FROM agreements WHERE deleted_at IS NULL";
    assert_eq!(count(&to, agreements), count(&from, agreements));
    let events = preview
        .items
        .iter()
        .filter(|i| i.kind == RecordKind::Event)
        .count() as i64;
    assert!(events > 10, "the year's plan travels: {events}");
    assert_eq!(count(&to, "SELECT COUNT(*) FROM events"), events);
    // The sender's own events name the sender as their organiser there.
    assert!(count(&from, "SELECT COUNT(*) FROM events WHERE organiser = ''") > 0);
    assert_eq!(
        count(&to, "SELECT COUNT(*) FROM events WHERE organiser = ''"),
        0
    );
    // Contacts are personal data: none without the tick.
    assert!(count(&from, "SELECT COUNT(*) FROM persons") > 0);
    assert_eq!(count(&to, "SELECT COUNT(*) FROM persons"), 0);

    // The same partner on both sides: same stable id, same requisites.
    let first = partners::all(&from).expect("partners")[0].clone();
    let uuid = queries::partner_uuid(from.conn(), first.id).expect("uuid");
    let there = queries::partner_by_uuid(to.conn(), &uuid)
        .expect("lookup")
        .expect("arrived");
    let there = partners::get(&to, there).expect("partner");
    assert_eq!(there.data.requisites, first.data.requisites);
    assert_eq!(there.data.head, first.data.head);
    assert_eq!(there.data.full_name, first.data.full_name);
    assert!(there.data.contacts.is_empty());
    // Agreements keep their numbers, statuses and parties.
    let numbers = |s: &Storage| -> Vec<(String, String, i64)> {
        let mut stmt = s
            .conn()
            .prepare(
                "SELECT a.number, a.status, COUNT(p.partner_id) FROM agreements a
                 LEFT JOIN agreement_parties p ON p.agreement_id = a.id
                 WHERE a.deleted_at IS NULL GROUP BY a.id ORDER BY a.number",
            )
            .expect("prepare");
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("rows");
        rows.collect::<rusqlite::Result<_>>().expect("numbers")
    };
    assert_eq!(numbers(&to), numbers(&from));
    // No files travel with the agreements.
    assert_eq!(count(&to, "SELECT COUNT(*) FROM agreement_attachments"), 0);

    // With the tick, the contacts arrive too, with their stable ids.
    let with = package_of(&mut from, dir.path(), "С контактами", true);
    let report = exchange::import(&mut to, &with, &[], later(2)).expect("contacts");
    assert!(report.updated > 0, "{report:?}");
    assert!(count(&to, "SELECT COUNT(*) FROM persons") > 0);
    let there = partners::get(&to, there.id).expect("partner");
    assert_eq!(there.data.contacts.len(), first.data.contacts.len());
    if let (Some(a), Some(b)) = (first.data.contacts.first(), there.data.contacts.first()) {
        assert_eq!((&a.surname, &a.phone), (&b.surname, &b.phone));
        let ua = queries::person_uuid(from.conn(), a.person_id.expect("id")).expect("uuid");
        let ub = queries::person_uuid(to.conn(), b.person_id.expect("id")).expect("uuid");
        assert_eq!(ua, ub);
    }
}

#[test]
fn the_same_package_twice_changes_nothing() {
    let (dir, mut from) = sender();
    let path = package_of(&mut from, dir.path(), "Пакет", true);
    let (_d, mut to) = open();
    partners::create(&mut to, school(1), now()).expect("one partner of her own");
    exchange::import(&mut to, &path, &[], later(1)).expect("first");
    // A backup of her data was made before the package was applied.
    let import_backups = |s: &Storage| {
        partnernet::backups::list(s)
            .expect("backups")
            .backups
            .iter()
            .filter(|b| b.reason == Some(partnernet::backups::Reason::Import))
            .count()
    };
    assert_eq!(import_backups(&to), 1);
    let before = dump(&to);
    let preview = exchange::preview(&to, &path).expect("preview");
    assert_eq!(
        preview.unchanged_count as usize,
        preview.items.len(),
        "{preview:#?}"
    );
    let report = exchange::import(&mut to, &path, &[], later(2)).expect("second");
    assert_eq!((report.added, report.updated), (0, 0));
    assert_eq!(dump(&to), before);
    // Nothing to apply, so no new backup either.
    assert_eq!(import_backups(&to), 1);
}

/// Sender and receiver after one exchange, and the partner they share.
fn exchanged() -> (tempfile::TempDir, Storage, Storage, i64, i64) {
    let (dir, mut from) = sender();
    let path = package_of(&mut from, dir.path(), "Первый", false);
    let to = Storage::open_dir(&dir.path().join("receiver")).expect("receiver");
    let mut to = to;
    exchange::import(&mut to, &path, &[], later(1)).expect("first");
    let mine = partners::all(&from).expect("partners")[0].id;
    let uuid = queries::partner_uuid(from.conn(), mine).expect("uuid");
    let theirs = queries::partner_by_uuid(to.conn(), &uuid)
        .expect("lookup")
        .expect("there");
    (dir, from, to, mine, theirs)
}

fn set_phone(storage: &mut Storage, id: i64, phone: &str, at: chrono::NaiveDateTime) {
    let mut input = partners::get(storage, id).expect("partner").data;
    input.requisites.phone = phone.into();
    partners::update(storage, id, input, at).expect("update");
}

fn phone(storage: &Storage, id: i64) -> String {
    partners::get(storage, id)
        .expect("partner")
        .data
        .requisites
        .phone
}

#[test]
fn a_newer_package_updates_what_the_older_one_brought() {
    let (dir, mut from, mut to, mine, theirs) = exchanged();
    set_phone(&mut from, mine, "+7 (475) 419-99-99", later(2));
    let path = package_of(&mut from, dir.path(), "Второй", false);
    let preview = exchange::preview(&to, &path).expect("preview");
    let changed: Vec<_> = preview
        .items
        .iter()
        .filter(|i| i.state == RecordState::Changed)
        .collect();
    assert_eq!(changed.len(), 1, "{preview:#?}");
    assert_eq!(changed[0].fields[0].label, "Телефон");
    assert_eq!(changed[0].fields[0].package, "+7 (475) 419-99-99");
    let report = exchange::import(&mut to, &path, &[], later(3)).expect("import");
    assert_eq!((report.added, report.updated), (0, 1));
    assert_eq!(phone(&to, theirs), "+7 (475) 419-99-99");
    // The history of the partner says what the package changed.
    let history = partners::history(&to, theirs).expect("history");
    assert!(history.iter().any(|h| h.new_value == "+7 (475) 419-99-99"));
}

#[test]
fn a_local_edit_is_a_conflict_shown_side_by_side_and_resolved_either_way() {
    for take in [false, true] {
        let (dir, mut from, mut to, mine, theirs) = exchanged();
        set_phone(&mut to, theirs, "+7 (900) 000-00-01", later(2));
        set_phone(&mut from, mine, "+7 (475) 419-99-99", later(2));
        let path = package_of(&mut from, dir.path(), "Второй", false);
        let preview = exchange::preview(&to, &path).expect("preview");
        let conflicts: Vec<_> = preview
            .items
            .iter()
            .filter(|i| i.state == RecordState::Conflict)
            .collect();
        assert_eq!(conflicts.len(), 1, "{preview:#?}");
        let c = conflicts[0];
        assert_eq!(c.fields.len(), 1, "{c:?}");
        assert_eq!(c.fields[0].label, "Телефон");
        assert_eq!(c.fields[0].local, "+7 (900) 000-00-01");
        assert_eq!(c.fields[0].package, "+7 (475) 419-99-99");
        let choice = ConflictChoice {
            kind: c.kind,
            key: c.key.clone(),
            take,
        };
        let report = exchange::import(&mut to, &path, &[choice], later(3)).expect("import");
        let expected = if take {
            "+7 (475) 419-99-99"
        } else {
            "+7 (900) 000-00-01"
        };
        assert_eq!(phone(&to, theirs), expected);
        assert_eq!(report.kept, u32::from(!take));
        // Once resolved, the same package is no conflict any more.
        let again = exchange::preview(&to, &path).expect("again");
        assert_eq!(again.conflict_count, 0, "{again:#?}");
    }
}

/// Rewrites a zip with `edit` applied to each (name, bytes) entry.
fn rezip(from: &Path, to: &Path, edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) {
    let file = std::fs::File::open(from).expect("open");
    let mut archive = zip::ZipArchive::new(file).expect("zip");
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).expect("create"));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        if let Some(bytes) = edit(&name, bytes) {
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .expect("start");
            out.write_all(&bytes).expect("write");
        }
    }
    out.finish().expect("finish");
}

fn manifest_edit(key: &str, value: serde_json::Value) -> impl Fn(&str, Vec<u8>) -> Option<Vec<u8>> {
    let key = key.to_string();
    move |name, bytes| {
        if name != "manifest.json" {
            return Some(bytes);
        }
        let mut m: serde_json::Value = serde_json::from_slice(&bytes).expect("manifest");
        m[&key] = value.clone();
        Some(serde_json::to_vec(&m).expect("json"))
    }
}

/// Each bad package: (file name, how it is made, words the message has).
pub fn bad_packages(good: &Path, dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let mut out = Vec::new();
    let text = dir.join("Текст.partnernet");
    std::fs::write(&text, "это не архив").expect("write");
    out.push((text, "не пакет обмена"));
    let foreign = dir.join("Чужой.partnernet");
    rezip(good, &foreign, |name, b| {
        (name != "manifest.json").then_some(b)
    });
    out.push((foreign, "не пакет обмена"));
    let other = dir.join("Другой формат.partnernet");
    rezip(
        good,
        &other,
        manifest_edit("format", "something-else".into()),
    );
    out.push((other, "не пакет обмена"));
    let newer = dir.join("Новее.partnernet");
    rezip(good, &newer, manifest_edit("format_version", 99.into()));
    out.push((newer, "более новой версией"));
    let hash = dir.join("Хеш.partnernet");
    rezip(good, &hash, |name, mut b| {
        if name == "partners.json" {
            b.extend_from_slice(b" ");
        }
        Some(b)
    });
    out.push((hash, "контрольной суммой"));
    let missing = dir.join("Без части.partnernet");
    rezip(good, &missing, |name, b| {
        (name != "events.json").then_some(b)
    });
    out.push((missing, "нет части «events.json»"));
    let truncated = dir.join("Обрезан.partnernet");
    let bytes = std::fs::read(good).expect("read");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    out.push((truncated, "не пакет обмена"));
    out
}

#[test]
fn damaged_foreign_and_newer_packages_are_refused_and_nothing_changes() {
    let (dir, mut from) = sender();
    let good = package_of(&mut from, dir.path(), "Пакет", false);
    let (_d, mut to) = open();
    partners::create(&mut to, school(1), now()).expect("a partner");
    let before = dump(&to);
    for (path, words) in bad_packages(&good, dir.path()) {
        let preview = exchange::preview(&to, &path)
            .map(|_| ())
            .expect_err("preview refused");
        let import = exchange::import(&mut to, &path, &[], later(1)).expect_err("refused");
        for e in [preview, import] {
            let message = e.to_string();
            assert!(
                matches!(e, CoreError::Document(_)) && message.contains(words),
                "{}: {message}",
                path.display()
            );
            assert!(message.contains("не изменены"), "{message}");
        }
        assert_eq!(dump(&to), before, "{}", path.display());
    }
}

#[test]
fn a_partner_whose_requisites_fail_here_refuses_the_whole_package() {
    let (dir, mut from) = sender();
    let good = package_of(&mut from, dir.path(), "Пакет", false);
    let bad = dir.path().join("Плохой ИНН.partnernet");
    // A valid package (hashes recomputed) with a broken ИНН in one partner.
    let package_bytes = |name: &str, b: Vec<u8>| -> Vec<u8> {
        if name != "partners.json" {
            return b;
        }
        let mut v: serde_json::Value = serde_json::from_slice(&b).expect("partners");
        v[0]["requisites"]["inn"] = "1234567890".into();
        serde_json::to_vec(&v).expect("json")
    };
    let parts: std::cell::RefCell<Vec<(String, Vec<u8>)>> = Default::default();
    rezip(&good, &bad, |name, b| {
        let b = package_bytes(name, b);
        parts.borrow_mut().push((name.to_string(), b.clone()));
        Some(b)
    });
    let hashes: Vec<(String, String)> = parts
        .borrow()
        .iter()
        .map(|(n, b)| (n.clone(), exchange::package::sha256_hex(b)))
        .collect();
    let fixed = dir.path().join("Плохой ИНН, суммы верны.partnernet");
    rezip(&bad, &fixed, |name, b| {
        if name != "manifest.json" {
            return Some(b);
        }
        let mut m: serde_json::Value = serde_json::from_slice(&b).expect("manifest");
        for part in m["parts"].as_array_mut().expect("parts") {
            let n = part["name"].as_str().unwrap_or_default().to_string();
            if let Some((_, h)) = hashes.iter().find(|(name, _)| *name == n) {
                part["sha256"] = h.clone().into();
            }
        }
        Some(serde_json::to_vec(&m).expect("json"))
    });
    let (_d, mut to) = open();
    let before = dump(&to);
    let e = exchange::import(&mut to, &fixed, &[], later(1)).expect_err("refused");
    let message = e.to_string();
    assert!(
        message.contains("ИНН") && message.contains("не изменены"),
        "{message}"
    );
    assert_eq!(dump(&to), before);
}

#[test]
fn migration_010_gives_every_old_record_a_stable_id_and_new_ones_get_theirs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnernet::storage::migrations()
            .to_version(&mut conn, 9)
            .expect("schema 9");
        conn.execute_batch(
            "INSERT INTO partners (id, partner_type, relation_kind, full_name, short_name,
                                   created_at, updated_at)
             VALUES (1, 'general_education', 'patronage', 'Школа № 7', 'Школа № 7',
                     '2024-01-10T09:00:00', '2025-03-14T16:45:00'),
                    (2, 'mass_media', 'network_interaction', 'Газета', 'Газета',
                     '2024-01-10T09:00:00', '2024-02-01T10:00:00');
             INSERT INTO persons (id, surname, created_at) VALUES (1, 'Ёлкина', '2024-01-10T09:00:00');",
        )
        .expect("old rows");
    }
    let mut storage = Storage::open(&path).expect("migrate");
    let uuids: Vec<String> = {
        let mut stmt = storage
            .conn()
            .prepare("SELECT uuid FROM partners UNION ALL SELECT uuid FROM persons")
            .expect("prepare");
        let rows = stmt.query_map([], |r| r.get(0)).expect("rows");
        rows.collect::<rusqlite::Result<_>>().expect("uuids")
    };
    assert_eq!(uuids.len(), 3);
    let v4 = |u: &str| {
        let parts: Vec<&str> = u.split('-').collect();
        parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
            && parts[2].starts_with('4')
            && "89ab".contains(&parts[3][..1])
            && u.chars()
                .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    };
    assert!(uuids.iter().all(|u| v4(u)), "{uuids:?}");
    assert_ne!(uuids[0], uuids[1]);
    let id = partners::create(&mut storage, school(3), now())
        .expect("new")
        .id;
    let new = queries::partner_uuid(storage.conn(), id).expect("uuid");
    assert!(v4(&new) && !uuids.contains(&new), "{new}");
}

#[test]
fn the_command_line_exports_and_imports_a_package_with_a_dry_run_first() {
    use common::{cli, p, text};
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(cli(&a, &["demo"], None).status.success());
    let file = dir.path().join("Сеть.partnernet");
    let out = cli(
        &a,
        &["exchange", "export", "-o", p(&file), "--year", "2026"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Пакет обмена сохранён"));

    let dry = cli(&b, &["exchange", "import", p(&file), "--dry-run"], None);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let shown = text(&dry.stdout);
    assert!(
        shown.contains("новых —") && shown.contains("данные не изменены"),
        "{shown}"
    );
    let listed = |dir: &Path| -> Vec<(String, String)> {
        let out = text(&cli(dir, &["partners", "list", "--json"], None).stdout);
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        let mut names: Vec<(String, String)> = v
            .as_array()
            .expect("list")
            .iter()
            .map(|p| {
                (
                    p["short_name"].to_string(),
                    p["requisites"]["inn"].to_string(),
                )
            })
            .collect();
        names.sort();
        names
    };
    assert!(listed(&b).is_empty());

    let out = cli(&b, &["exchange", "import", p(&file)], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("добавлено —"),
        "{}",
        text(&out.stdout)
    );
    // Everything the sender listed, and the sender itself (its ties came).
    let mut expected = listed(&a);
    let own = partnernet::demo::institution();
    expected.push((
        format!("\"{}\"", own.short_name),
        format!("\"{}\"", own.requisites.inn),
    ));
    expected.sort();
    assert_eq!(listed(&b), expected);

    let junk = dir.path().join("junk.partnernet");
    std::fs::write(&junk, "PK not really").expect("write");
    let out = cli(&b, &["exchange", "import", p(&junk)], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("не пакет обмена PartnerNet"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_agreement_whose_number_is_taken_here_is_refused_by_name_and_nothing_changes() {
    let (dir, mut from) = sender();
    let path = package_of(&mut from, dir.path(), "Пакет", false);
    let number: String = from
        .conn()
        .query_row(
            "SELECT number FROM agreements WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("number");
    let (_d, mut to, a, _b) = common::two_schools();
    let input = partnernet::agreements::model::AgreementInput {
        number: number.clone(),
        parties: common::parties(&[a]),
        subject: "Совместные мероприятия".into(),
        ..Default::default()
    };
    partnernet::agreements::create(&mut to, input, now()).expect("her agreement");
    let before = dump(&to);
    let e = exchange::import(&mut to, &path, &[], later(1)).expect_err("refused");
    let message = e.to_string();
    assert!(
        message.contains(&format!("номер «{number}» уже занят")) && message.contains("не изменены"),
        "{message}"
    );
    assert_eq!(dump(&to), before);
}

/// «Все партнёры» sends no list of ids (10 000 on a large registry): the
/// core takes every live partner — one in the trash stays out, ids sent
/// along are ignored — and the package is the one every live id makes.
#[test]
fn all_partners_is_every_live_partner_without_a_list_of_ids() {
    let (_d, mut storage) = sender();
    partners::trash(&mut storage, 5, now()).expect("trash");
    let live = everything(&storage, true);
    assert!(!live.partner_ids.contains(&5));
    let by_ids = ExchangeSelection {
        partner_ids: live.partner_ids.clone(),
        contacts: true,
        ..Default::default()
    };
    let all = ExchangeSelection {
        all_partners: true,
        partner_ids: vec![5],
        contacts: true,
        ..Default::default()
    };
    let collect =
        |s: &ExchangeSelection| exchange::records::collect(&storage, s, now()).expect("collect");
    let (expected, got) = (collect(&by_ids), collect(&all));
    // Every live partner, and the sender for its own ties.
    assert_eq!(got.partners.len(), live.partner_ids.len() + 1);
    assert!(got
        .partners
        .iter()
        .any(|p| p.contacts.as_ref().is_some_and(|c| !c.is_empty())));
    assert!(!got.ties.is_empty(), "ties between the partners travel");
    assert_eq!(got, expected);
    let trashed = queries::partner_uuid(storage.conn(), 5).expect("uuid");
    assert!(got.partners.iter().all(|p| p.uuid != trashed));

    // With the agreements too: their parties are not listed twice.
    let with_agreements = ExchangeSelection {
        agreement_ids: live.agreement_ids.clone(),
        ..all.clone()
    };
    let package = collect(&with_agreements);
    assert_eq!(package.partners.len(), got.partners.len());
    assert_eq!(package.agreements.len(), live.agreement_ids.len());
}
