//! Backups on real files: backup → change → restore gives the old data and
//! the old attachments back; damaged backups are marked and refused with
//! the data untouched; rotation; the automatic backups (at start, before a
//! migration); a moved backups folder.

mod common;

use std::path::{Path, PathBuf};

use chrono::Duration;
use common::{at, dump, now, parties, school, two_schools};
use partnernet::agreements::{self, attachments, model::AgreementInput};
use partnernet::backups::{self, model::Manifest, Backup, Reason, StartBackup};
use partnernet::{partners, CoreError, Storage};

fn agreement(storage: &mut Storage, ids: &[i64]) -> i64 {
    let input = AgreementInput {
        kind: agreements::model::AgreementKind::Cooperation,
        subject: "Совместные мероприятия по краеведению".into(),
        parties: parties(ids),
        ..AgreementInput::default()
    };
    agreements::create(storage, input, now())
        .expect("agreement")
        .id
}

fn partner_count(storage: &Storage) -> usize {
    partners::list(storage, &Default::default())
        .expect("list")
        .len()
}

/// A storage with two schools, an agreement and a signed scan.
fn with_scan() -> (tempfile::TempDir, Storage, i64, PathBuf) {
    let (dir, mut storage, a, b) = two_schools();
    let id = agreement(&mut storage, &[a, b]);
    let scan = dir.path().join("скан.pdf");
    std::fs::write(&scan, b"%PDF-1.4 signed").expect("scan");
    let added = attachments::add_scan(&mut storage, id, &scan, now()).expect("add scan");
    (dir, storage, id, PathBuf::from(added.path))
}

fn refused(err: CoreError) -> String {
    assert!(matches!(err, CoreError::BadInput(_)), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("Текущие данные не изменены"), "{message}");
    message
}

#[test]
fn backup_change_restore_brings_the_data_and_the_attachments_back() {
    let (_dir, mut storage, id, scan) = with_scan();
    let made = backups::create(&storage, Reason::Manual, now()).expect("backup");
    assert!(made.usable(), "{made:?}");
    assert_eq!(
        (made.partners, made.agreements, made.attachments),
        (2, 1, 1)
    );
    assert_eq!(made.reason, Some(Reason::Manual));
    assert_eq!(made.created_at, Some(now()));
    let before = dump(&storage);

    // Changes after the backup: a partner more, the scan removed.
    partners::create(&mut storage, school(9), now()).expect("third");
    let scan_row = attachments::list(&storage, id).expect("list")[0].id;
    attachments::remove(&mut storage, scan_row).expect("remove scan");
    assert!(!scan.exists());
    assert_eq!(partner_count(&storage), 3);

    let later = now() + Duration::hours(1);
    let restored = backups::restore(&mut storage, Path::new(&made.path), later).expect("restore");
    assert_eq!(restored.name, made.name);
    assert_eq!(partner_count(&storage), 2, "the change is gone");
    assert_eq!(dump(&storage), before);
    assert_eq!(std::fs::read(&scan).expect("scan back"), b"%PDF-1.4 signed");
    // The state before the restore was backed up first.
    let list = backups::list(&storage).expect("list").backups;
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(list[0].reason, Some(Reason::Restore));
    assert_eq!(list[0].partners, 3);
    assert!(list.iter().all(Backup::usable));
    // The reopened storage writes as before.
    partners::create(&mut storage, school(10), later).expect("write after restore");
}

#[test]
fn a_backup_is_named_by_its_file_or_folder_and_the_cli_restores_it() {
    let (dir, storage, _, _) = with_scan();
    let made = backups::create(&storage, Reason::Manual, now()).expect("backup");
    drop(storage);
    let json = Path::new(&made.path).join("backup.json");
    let out = common::cli(dir.path(), &["backup", "list"], None);
    let text = common::text(&out.stdout);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    assert!(
        text.contains(&made.name) && text.contains("партнёров: 2"),
        "{text}"
    );
    let out = common::cli(dir.path(), &["backup", "restore", common::p(&json)], None);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    assert!(
        common::text(&out.stdout).contains("восстановлен"),
        "{}",
        common::text(&out.stdout)
    );
    let out = common::cli(dir.path(), &["backup", "create"], None);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
}

/// Damages the backup's database: (what, how).
type Damage = fn(&Path);

const DAMAGES: &[(&str, Damage, &str)] = &[
    (
        "truncated",
        |db| {
            let bytes = std::fs::read(db).expect("read");
            std::fs::write(db, &bytes[..bytes.len() / 2]).expect("truncate");
        },
        "обрезан",
    ),
    (
        "garbage",
        |db| {
            let len = std::fs::metadata(db).expect("len").len() as usize;
            std::fs::write(db, vec![0x5a; len]).expect("garbage");
        },
        "повреждён",
    ),
    (
        "a page overwritten",
        |db| {
            // The partners table's root page: in use whatever the schema
            // (the last pages may be free ones, which nothing checks).
            let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
            let root: i64 = rusqlite::Connection::open_with_flags(db, flags)
                .expect("open")
                .query_row(
                    "SELECT rootpage FROM sqlite_master WHERE name = 'partners'",
                    [],
                    |r| r.get(0),
                )
                .expect("root page");
            let root = usize::try_from(root).expect("a page number");
            let mut bytes = std::fs::read(db).expect("read");
            for b in &mut bytes[(root - 1) * 4096 + 8..root * 4096] {
                *b = 0xff;
            }
            std::fs::write(db, bytes).expect("write");
        },
        "повреждён",
    ),
    (
        "no manifest",
        |db| std::fs::remove_file(db.with_file_name("backup.json")).expect("rm"),
        "нет описания копии",
    ),
];

#[test]
fn a_damaged_backup_is_marked_unusable_and_refused_with_the_data_untouched() {
    for (what, damage, fragment) in DAMAGES {
        let (_dir, mut storage, _, scan) = with_scan();
        let made = backups::create(&storage, Reason::Manual, now()).expect("backup");
        damage(&Path::new(&made.path).join("partnernet.sqlite3"));
        let listed = backups::list(&storage).expect("list").backups;
        let problem = listed[0].problem.clone().unwrap_or_default();
        assert!(problem.contains(fragment), "{what}: {problem}");
        let before = dump(&storage);
        let err = backups::restore(&mut storage, Path::new(&made.path), now()).expect_err(what);
        let message = refused(err);
        assert!(message.contains(&made.name), "{what}: {message}");
        assert_eq!(dump(&storage), before, "{what}");
        assert!(scan.exists(), "{what}");
        assert_eq!(
            backups::list(&storage).expect("list").backups.len(),
            1,
            "{what}: no backup before a refused restore"
        );
    }
}

#[test]
fn a_changed_attachment_in_the_backup_is_refused() {
    let (_dir, mut storage, id, _) = with_scan();
    let made = backups::create(&storage, Reason::Manual, now()).expect("backup");
    let copy = Path::new(&made.path)
        .join("attachments")
        .join(id.to_string());
    let file = std::fs::read_dir(&copy)
        .expect("dir")
        .next()
        .expect("one")
        .expect("entry");
    std::fs::write(file.path(), b"%PDF-1.4 SIGNED").expect("same size, other bytes");
    let before = dump(&storage);
    let message =
        refused(backups::restore(&mut storage, Path::new(&made.path), now()).expect_err("changed"));
    assert!(message.contains("изменился"), "{message}");
    assert_eq!(dump(&storage), before);
}

fn manifest_at(t: chrono::NaiveDateTime) -> Manifest {
    let entry = partnernet::backups::model::FileEntry {
        path: "partnernet.sqlite3".into(),
        size: 0,
        sha256: String::new(),
    };
    Manifest {
        format: 1,
        created_at: t,
        reason: Reason::Start,
        app_version: "0.1.0".into(),
        schema_version: 1,
        database: entry,
        files: Vec::new(),
    }
}

#[test]
fn rotation_keeps_7_daily_4_weekly_12_monthly_and_nothing_that_is_not_a_backup() {
    let (_dir, storage) = common::open();
    let folder = backups::folder_of(&storage);
    std::fs::create_dir_all(&folder).expect("folder");
    // A year and more of daily backups (manifests are what rotation reads).
    let last = at(2026, 12, 31, 9);
    for d in 0..400 {
        let t = last - Duration::days(d);
        let dir = folder.join(format!("partnernet-{}", t.format("%Y-%m-%d-%H%M%S")));
        std::fs::create_dir_all(&dir).expect("dir");
        let json = serde_json::to_vec(&manifest_at(t)).expect("json");
        std::fs::write(dir.join("backup.json"), json).expect("manifest");
    }
    // Hers: never deleted.
    std::fs::create_dir_all(folder.join("фото")).expect("hers");
    std::fs::create_dir_all(folder.join("partnernet-сломанная")).expect("unreadable");

    assert_eq!(
        backups::rotate(&folder, backups::Policy::default(), at(2026, 12, 31, 20)),
        400 - 20
    );
    let mut left: Vec<String> = std::fs::read_dir(&folder)
        .expect("list")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert!(left.contains(&"фото".to_string()));
    assert!(left.contains(&"partnernet-сломанная".to_string()));
    let kept: Vec<&String> = left
        .iter()
        .filter(|n| n.starts_with("partnernet-2"))
        .collect();
    // 7 days (25–31.12), 2 more weeks (13.12, 20.12), 11 more months.
    assert_eq!(kept.len(), 20, "{kept:?}");
    assert!(left.contains(&"partnernet-2026-01-31-090000".to_string()));
    assert!(!left.contains(&"partnernet-2025-12-31-090000".to_string()));
    assert!(left.contains(&"partnernet-2026-12-13-090000".to_string()));
    assert!(!left.contains(&"partnernet-2026-12-14-090000".to_string()));

    // A real backup joins them; the rotation runs after it.
    let made = backups::create(&storage, Reason::Manual, at(2027, 1, 1, 9)).expect("backup");
    assert!(made.usable(), "{made:?}");
    assert!(
        !folder.join("partnernet-2026-01-31-090000").exists(),
        "13 months back"
    );
}

#[test]
fn at_start_a_backup_is_made_only_when_the_last_is_older_than_a_day() {
    let (_dir, mut storage) = common::open();
    assert_eq!(
        backups::at_start(&storage, now()),
        StartBackup::NotDue,
        "an empty database"
    );
    partners::create(&mut storage, school(1), now()).expect("partner");
    let StartBackup::Made { backup: first } = backups::at_start(&storage, now()) else {
        panic!("a backup at the first start");
    };
    assert_eq!(first.reason, Some(Reason::Start));
    let t = now() + Duration::hours(23);
    assert_eq!(backups::at_start(&storage, t), StartBackup::NotDue);
    let t = now() + Duration::hours(25);
    assert!(matches!(
        backups::at_start(&storage, t),
        StartBackup::Made { .. }
    ));
    assert_eq!(backups::list(&storage).expect("list").backups.len(), 2);
}

#[test]
fn a_database_of_an_older_version_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("partnernet.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnernet::storage::migrations()
            .to_version(&mut conn, 6)
            .expect("schema 6");
        conn.execute_batch(
            "INSERT INTO partners (id, partner_type, relation_kind, full_name, short_name, notes,
                                   created_at, updated_at)
             VALUES (1, 'general_education', 'patronage', 'Школа № 7', 'Школа № 7', '',
                     '2024-01-10T09:00:00', '2024-01-10T09:00:00');",
        )
        .expect("old partner");
    }
    let storage = backups::open_dir(dir.path(), now()).expect("open and migrate");
    let list = backups::list(&storage).expect("list").backups;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].reason, Some(Reason::Migration));
    assert!(list[0].usable(), "{list:?}");
    assert_eq!((list[0].partners, list[0].events), (1, 0));
    let copy = rusqlite::Connection::open(Path::new(&list[0].path).join("partnernet.sqlite3"))
        .expect("copy");
    let version: i64 = copy
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 6, "the copy is of the file before the migration");
    drop(storage);
    // Opening the migrated file again makes no backup; a new one none either.
    let mut storage = backups::open_dir(dir.path(), now()).expect("again");
    assert_eq!(backups::list(&storage).expect("list").backups.len(), 1);
    let fresh = tempfile::tempdir().expect("fresh");
    let empty = backups::open_dir(fresh.path(), now()).expect("new");
    assert!(backups::list(&empty).expect("list").backups.is_empty());

    // Restoring the old copy migrates it again on reopening.
    partners::trash(&mut storage, 1, now()).expect("trash");
    backups::restore(&mut storage, Path::new(&list[0].path), now()).expect("restore old");
    assert_eq!(partner_count(&storage), 1);
    let version: i64 = storage
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, partnernet::storage::latest_version());
}

#[test]
fn the_backups_folder_can_be_moved_and_back_with_its_backups() {
    let (_dir, storage, _, _) = with_scan();
    let first = backups::create(&storage, Reason::Manual, now()).expect("at home");
    let stick = tempfile::tempdir().expect("stick");
    let target = stick.path().join("Копии");
    let overview = backups::set_folder(&storage, Some(&target)).expect("move");
    assert!(!overview.default_folder);
    assert_eq!(overview.folder, target.display().to_string());
    assert_eq!(overview.backups.len(), 1, "the first backup moved along");
    assert!(overview.backups[0].usable(), "{overview:?}");
    assert!(!Path::new(&first.path).exists());
    let made = backups::create(&storage, Reason::Manual, now()).expect("backup");
    assert!(Path::new(&made.path).starts_with(&target));
    assert!(made.usable(), "{made:?}");
    assert_eq!(backups::list(&storage).expect("list").backups.len(), 2);

    // A file is not a folder; a relative path is refused; nothing changes.
    let file = stick.path().join("файл.txt");
    std::fs::write(&file, b"x").expect("file");
    let err = backups::set_folder(&storage, Some(&file)).expect_err("a file");
    assert!(err.to_string().contains("это файл, а не папка"), "{err}");
    assert!(backups::set_folder(&storage, Some(Path::new("копии"))).is_err());
    assert_eq!(backups::folder_of(&storage), target);

    let back = backups::set_folder(&storage, None).expect("default");
    assert!(back.default_folder);
    assert_eq!(back.backups.len(), 2, "the backups move back along");
    assert!(back.backups.iter().all(Backup::usable), "{back:?}");
    assert!(!Path::new(&made.path).exists());
}

#[test]
fn backups_moved_to_another_disk_are_copied_whole() {
    let shm = Path::new("/dev/shm");
    let (dir, storage, _, _) = with_scan();
    let device = |p: &Path| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).map(|m| m.dev()).ok()
    };
    if !shm.is_dir() || device(shm) == device(dir.path()) {
        eprintln!("no second file system here: the copy path is not exercised");
        return;
    }
    let first = backups::create(&storage, Reason::Manual, now()).expect("backup");
    let other = tempfile::tempdir_in(shm).expect("other disk");
    let moved = backups::set_folder(&storage, Some(other.path())).expect("move");
    assert_eq!(moved.backups.len(), 1);
    assert!(moved.backups[0].usable(), "{moved:?}");
    assert_eq!(moved.backups[0].attachments, 1);
    assert!(!Path::new(&first.path).exists());
    let leftovers: Vec<_> = std::fs::read_dir(other.path())
        .expect("list")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary folder left: {leftovers:?}"
    );
}
