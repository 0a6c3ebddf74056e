//! The partner registry on real SQLite files: create, edit, history, search,
//! filters, trash, shared contact persons, schema versions.

mod common;

use common::{at, dump, now, open, school};
use partnernet::partners::{self, model::*};
use partnernet::trash;
use partnernet::{CoreError, Storage};

fn names(list: &[PartnerSummary]) -> Vec<String> {
    list.iter().map(|p| p.short_name.clone()).collect()
}

fn search(storage: &Storage, query: &str) -> Vec<String> {
    let filter = PartnerFilter {
        query: query.into(),
        ..Default::default()
    };
    names(&partners::list(storage, &filter).expect("list"))
}

#[test]
fn creates_and_reads_back_a_partner_with_normalised_fields() {
    let (_dir, mut storage) = open();
    let created = partners::create(&mut storage, school(1), now()).expect("create");
    let read = partners::get(&storage, created.id).expect("get");
    assert_eq!(read, created);
    assert_eq!(read.data.requisites.phone, "+7 (475) 412-34-56");
    assert_eq!(read.data.contacts[0].phone, "+7 (915) 123-45-67");
    assert!(read.data.contacts[0].person_id.is_some());
    assert_eq!(read.created_at, now());
    assert_eq!(read.deleted_at, None);
}

#[test]
fn edits_are_kept_in_the_history_field_by_field() {
    let (_dir, mut storage) = open();
    let p = partners::create(&mut storage, school(1), now()).expect("create");
    let mut input = p.data.clone();
    input.head.surname = "Петрова".into();
    input.resources.push("Компьютерный класс".into());
    partners::update(&mut storage, p.id, input, at(2026, 11, 23, 9)).expect("update");
    let history = partners::history(&storage, p.id).expect("history");
    let fields: Vec<(&str, &str, &str)> = history
        .iter()
        .map(|h| (h.field.as_str(), h.old_value.as_str(), h.new_value.as_str()))
        .collect();
    assert!(fields.contains(&("Фамилия руководителя", "Иванова", "Петрова")));
    assert!(fields.contains(&(
        "Ресурсы",
        "Спортивный зал; Актовый зал",
        "Спортивный зал; Актовый зал; Компьютерный класс"
    )));
    assert_eq!(history.last().map(|h| h.field.as_str()), Some("Запись"));
    assert!(history
        .iter()
        .filter(|h| h.field != "Запись")
        .all(|h| h.changed_at == at(2026, 11, 23, 9)));
    assert_eq!(history.len(), 3);
}

#[test]
fn search_is_case_insensitive_prefix_and_folds_yo() {
    let (_dir, mut storage) = open();
    let mut library = school(2);
    library.partner_type = PartnerType::CultureSport;
    library.short_name = "Центральная библиотека".into();
    library.full_name = "МБУК «Централизованная библиотечная система»".into();
    library.contacts[0].surname = "Королёва".into();
    library.resources = vec!["Читальный зал".into()];
    partners::create(&mut storage, school(1), now()).expect("school");
    partners::create(&mut storage, library, now()).expect("library");

    assert_eq!(search(&storage, "библ"), vec!["Центральная библиотека"]);
    assert_eq!(
        search(&storage, "БИБЛИОТЕКА"),
        vec!["Центральная библиотека"]
    );
    assert_eq!(search(&storage, "королева"), vec!["Центральная библиотека"]);
    assert_eq!(search(&storage, "ЁЛКИН").len(), 1, "ё in data, Ё in query");
    assert_eq!(search(&storage, "елкина").len(), 1, "ё in data, е in query");
    assert_eq!(
        search(&storage, "читальн зал"),
        vec!["Центральная библиотека"]
    );
    assert_eq!(search(&storage, "сош 1"), vec!["МБОУ СОШ № 1"]);
    assert!(search(&storage, "театр").is_empty());
    let inn = partners::list(&storage, &Default::default()).expect("list")[0]
        .inn
        .clone();
    assert_eq!(search(&storage, &inn[..6]).len(), 2, "ИНН prefix");
    assert_eq!(search(&storage, "47541234").len(), 2, "phone digits");
    assert_eq!(search(&storage, "").len(), 2);
}

#[test]
fn filters_by_type_relation_and_stage() {
    let (_dir, mut storage) = open();
    let mut museum = school(3);
    museum.partner_type = PartnerType::CultureSport;
    museum.relation_kind = RelationKind::SocialPartnership;
    museum.short_name = "Музей".into();
    museum.stage = Some(3);
    partners::create(&mut storage, school(1), now()).expect("school");
    partners::create(&mut storage, museum, now()).expect("museum");
    let by = |filter: PartnerFilter| names(&partners::list(&storage, &filter).expect("list"));
    assert_eq!(
        by(PartnerFilter {
            types: vec![PartnerType::CultureSport],
            ..Default::default()
        }),
        vec!["Музей"]
    );
    assert_eq!(
        by(PartnerFilter {
            relation_kinds: vec![RelationKind::NetworkInteraction],
            ..Default::default()
        }),
        vec!["МБОУ СОШ № 1"]
    );
    assert_eq!(
        by(PartnerFilter {
            stages: vec![2, 3],
            types: vec![PartnerType::GeneralEducation],
            ..Default::default()
        }),
        vec!["МБОУ СОШ № 1"]
    );
}

#[test]
fn trash_restore_and_purge() {
    let (_dir, mut storage) = open();
    let p = partners::create(&mut storage, school(1), now()).expect("create");
    partners::trash(&mut storage, p.id, at(2026, 11, 22, 11)).expect("trash");
    assert!(search(&storage, "").is_empty());
    let trash = partners::trash_list(&storage).expect("trash list");
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].deleted_at, Some(at(2026, 11, 22, 11)));
    let err = partners::update(&mut storage, p.id, p.data.clone(), now()).unwrap_err();
    assert!(err.to_string().contains("в корзине"), "{err}");

    partners::restore(&mut storage, p.id, now()).expect("restore");
    assert_eq!(search(&storage, "сош").len(), 1);
    assert!(partners::trash_list(&storage).expect("trash").is_empty());

    let err = trash::purge_partner(&mut storage, p.id).unwrap_err();
    assert!(err.to_string().contains("только из корзины"), "{err}");
    partners::trash(&mut storage, p.id, now()).expect("trash");
    trash::purge_partner(&mut storage, p.id).expect("purge");
    assert!(matches!(
        partners::get(&storage, p.id),
        Err(CoreError::NotFound { .. })
    ));
    assert!(partners::persons(&storage).expect("persons").is_empty());
}

#[test]
fn one_person_can_be_a_contact_of_several_partners() {
    let (_dir, mut storage) = open();
    let a = partners::create(&mut storage, school(1), now()).expect("a");
    let mut second = school(2);
    second.contacts[0].person_id = a.data.contacts[0].person_id;
    second.contacts[0].role = "руководитель кружка".into();
    second.contacts[0].phone = "8 (47541) 9-99-99".into();
    let b = partners::create(&mut storage, second, now()).expect("b");
    assert_eq!(b.data.contacts[0].person_id, a.data.contacts[0].person_id);
    assert_eq!(b.data.contacts[0].role, "руководитель кружка");
    let a_again = partners::get(&storage, a.id).expect("a");
    assert_eq!(a_again.data.contacts[0].role, "заместитель директора по ВР");
    let persons = partners::persons(&storage).expect("persons");
    assert_eq!(persons.len(), 1);
    assert_eq!(persons[0].partners, vec!["МБОУ СОШ № 1", "МБОУ СОШ № 2"]);
}

#[test]
fn duplicate_inn_is_refused_with_the_other_partner_named() {
    let (_dir, mut storage) = open();
    partners::create(&mut storage, school(1), now()).expect("create");
    let before = dump(&storage);
    let mut copy = school(1);
    copy.short_name = "Копия".into();
    let err = partners::create(&mut storage, copy, now()).unwrap_err();
    assert!(
        err.to_string()
            .contains("уже есть в реестре: «МБОУ СОШ № 1»"),
        "{err}"
    );
    assert_eq!(dump(&storage), before);
}

#[test]
fn data_survives_reopening_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let id = {
        let mut storage = Storage::open_dir(dir.path()).expect("open");
        partners::create(&mut storage, school(1), now())
            .expect("create")
            .id
    };
    let storage = Storage::open_dir(dir.path()).expect("reopen");
    assert_eq!(
        partners::get(&storage, id).expect("get").data.short_name,
        "МБОУ СОШ № 1"
    );
    let mode: String = storage
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(mode, "wal");
    let fk: i64 = storage
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(fk, 1);
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(partnernet::storage::DB_FILE);
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .expect("future schema");
    }
    let before = std::fs::read(&path).expect("read");
    let err = Storage::open(&path).err().expect("refused");
    let message = err.to_string();
    assert!(message.contains("более новой версией"), "{message}");
    assert!(message.contains("файл базы не изменён"), "{message}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(!dir.path().join("partnernet.sqlite3-wal").exists());
}

#[test]
fn a_partner_who_is_a_party_of_an_agreement_cannot_be_purged() {
    use partnernet::agreements::{self, model::*};
    let (_dir, mut storage) = open();
    let p = partners::create(&mut storage, school(1), now()).expect("create");
    let input = AgreementInput {
        subject: "Совместные мероприятия".into(),
        parties: vec![AgreementParty {
            partner_id: p.id,
            role: "Партнёр".into(),
        }],
        ..Default::default()
    };
    let a = agreements::create(&mut storage, input, now()).expect("agreement");
    partners::trash(&mut storage, p.id, now()).expect("trash");
    let before = dump(&storage);
    let err = trash::purge_partner(&mut storage, p.id).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("сторона договоров"), "{message}");
    assert!(message.contains(&a.data.number), "{message}");
    assert_eq!(dump(&storage), before);
}

#[test]
fn the_manual_genitive_of_the_position_is_kept_and_in_the_history() {
    let (_dir, mut storage) = open();
    let mut input = school(1);
    input.head.position_genitive = " заместителя директора по УВР ".into();
    let p = partners::create(&mut storage, input, now()).expect("create");
    assert_eq!(
        p.data.head.position_genitive,
        "заместителя директора по УВР"
    );
    let mut edited = p.data.clone();
    edited.head.position_genitive = String::new();
    partners::update(&mut storage, p.id, edited, now()).expect("update");
    let history = partners::history(&storage, p.id).expect("history");
    assert_eq!(
        history[0].field,
        "Должность руководителя (родительный падеж)"
    );
}
