//! A table of bad partner forms: each is refused with a Russian message on
//! the right field, and the database is exactly as it was.

mod common;

use chrono::NaiveDate;
use common::{dump, now, open, school};
use partnernet::partners::{self, model::*};
use partnernet::CoreError;

type Mutation = fn(&mut PartnerInput);

/// (what is wrong, mutation, field, fragment of the message)
const CASES: &[(&str, Mutation, &str, &str)] = &[
    (
        "empty full name",
        |p| p.full_name = "   ".into(),
        "full_name",
        "Укажите полное наименование",
    ),
    (
        "too long name",
        |p| p.full_name = "Ш".repeat(501),
        "full_name",
        "не более 500",
    ),
    (
        "inn too short",
        |p| p.requisites.inn = "68250123".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "inn too long",
        |p| p.requisites.inn = "68250123456".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "inn check digit",
        |p| p.requisites.inn = "6825012345".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "inn with letter O",
        |p| p.requisites.inn = "68250123O5".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "inn12 check digit",
        |p| p.requisites.inn = "682501234567".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "kpp short",
        |p| p.requisites.kpp = "68250100".into(),
        "requisites.kpp",
        "КПП",
    ),
    (
        "kpp letters in wrong place",
        |p| p.requisites.kpp = "6825010ZZ".into(),
        "requisites.kpp",
        "КПП",
    ),
    (
        "kpp with individual inn",
        |p| {
            p.requisites.inn = partnernet::validation::make::inn12("6825012345");
            p.requisites.ogrn = String::new();
        },
        "requisites.kpp",
        "КПП есть только у организаций",
    ),
    (
        "ogrn check digit",
        |p| p.requisites.ogrn = "1026800000001".into(),
        "requisites.ogrn",
        "ОГРН",
    ),
    (
        "ogrn wrong length",
        |p| p.requisites.ogrn = "10268000000".into(),
        "requisites.ogrn",
        "ОГРН",
    ),
    (
        "ogrnip for a legal inn",
        |p| {
            p.requisites.ogrn = partnernet::validation::make::ogrnip15("30468000000001");
        },
        "requisites.ogrn",
        "ОГРНИП (15 цифр)",
    ),
    (
        "bik short",
        |p| p.requisites.bik = "04685064".into(),
        "requisites.bik",
        "БИК",
    ),
    (
        "bik not russian",
        |p| p.requisites.bik = "146850649".into(),
        "requisites.bik",
        "БИК",
    ),
    (
        "account key",
        |p| {
            let mut a = p.requisites.bank_account.clone().into_bytes();
            a[19] = if a[19] == b'0' { b'1' } else { b'0' };
            p.requisites.bank_account = String::from_utf8(a).unwrap_or_default();
        },
        "requisites.bank_account",
        "счёт",
    ),
    (
        "account short",
        |p| p.requisites.bank_account = "4070181000000000001".into(),
        "requisites.bank_account",
        "счёт",
    ),
    (
        "account without bik",
        |p| p.requisites.bik = String::new(),
        "requisites.bank_account",
        "укажите БИК",
    ),
    (
        "corr account key",
        |p| p.requisites.corr_account = "30101810000000000649".into(),
        "requisites.corr_account",
        "счёт",
    ),
    (
        "email without at",
        |p| p.requisites.email = "school.example.ru".into(),
        "requisites.email",
        "почт",
    ),
    (
        "email with space",
        |p| p.requisites.email = "school 1@example.ru".into(),
        "requisites.email",
        "почт",
    ),
    (
        "phone too short",
        |p| p.requisites.phone = "2-34-56".into(),
        "requisites.phone",
        "елефон",
    ),
    (
        "phone letters",
        |p| p.requisites.phone = "восемь 475".into(),
        "requisites.phone",
        "елефон",
    ),
    (
        "website with space",
        |p| p.requisites.website = "school one.ru".into(),
        "requisites.website",
        "айт",
    ),
    (
        "licence in the future",
        |p| p.requisites.licence_date = NaiveDate::from_ymd_opt(2030, 1, 1),
        "requisites.licence_date",
        "ещё не наступила",
    ),
    (
        "head without surname",
        |p| p.head.surname = String::new(),
        "head.surname",
        "фамилию руководителя",
    ),
    (
        "head without name",
        |p| p.head.name = String::new(),
        "head.name",
        "имя руководителя",
    ),
    (
        "contact without surname",
        |p| p.contacts[0].surname = " ".into(),
        "contacts.0.surname",
        "фамилию контактного лица",
    ),
    (
        "contact bad email",
        |p| p.contacts[0].email = "anna@".into(),
        "contacts.0.email",
        "почт",
    ),
    (
        "contact bad phone",
        |p| p.contacts[0].phone = "12345".into(),
        "contacts.0.phone",
        "елефон",
    ),
    (
        "stage out of range",
        |p| p.stage = Some(4),
        "stage",
        "от 1 до 3",
    ),
    (
        "stage date without stage",
        |p| p.stage = None,
        "stage",
        "не выбран сам этап",
    ),
    (
        "stage date in the future",
        |p| p.stage_reached_on = NaiveDate::from_ymd_opt(2027, 1, 1),
        "stage_reached_on",
        "ещё не наступила",
    ),
    (
        "tag too long",
        |p| p.resources.push("р".repeat(201)),
        "resources",
        "не более 200",
    ),
    (
        "parent community with inn",
        |p| p.partner_type = PartnerType::ParentCommunity,
        "requisites.inn",
        "нет реквизитов",
    ),
    (
        "name of zero-width characters",
        |p| p.full_name = "\u{200B}\u{200D}\u{FEFF}".into(),
        "full_name",
        "Наименование не может состоять из невидимых символов",
    ),
    (
        "licence date in year 1800",
        |p| p.requisites.licence_date = NaiveDate::from_ymd_opt(1800, 1, 1),
        "requisites.licence_date",
        "Дата выдачи лицензии: год должен быть между 1900 и 2200",
    ),
    (
        "stage date in year 1066",
        |p| p.stage_reached_on = NaiveDate::from_ymd_opt(1066, 10, 14),
        "stage_reached_on",
        "Дата этапа: год должен быть между 1900 и 2200",
    ),
];

#[test]
fn every_bad_form_is_refused_on_create_and_nothing_is_saved() {
    assert!(CASES.len() >= 30);
    let (_dir, mut storage) = open();
    partners::create(&mut storage, school(7), now()).expect("a saved partner");
    for (what, mutate, field, fragment) in CASES {
        let before = dump(&storage);
        let mut input = school(1);
        mutate(&mut input);
        let err = partners::create(&mut storage, input, now()).unwrap_err();
        let CoreError::Validation(fields) = &err else {
            panic!("{what}: expected a validation error, got {err:?}");
        };
        let hit = fields.iter().find(|f| f.field == *field);
        let Some(hit) = hit else {
            panic!("{what}: no message on {field}; got {fields:?}");
        };
        assert!(
            hit.message.contains(fragment),
            "{what}: message «{}» lacks «{fragment}»",
            hit.message
        );
        common::russian::assert_russian(what, &hit.message);
        assert_eq!(dump(&storage), before, "{what}: database changed");
    }
}

#[test]
fn every_bad_form_is_refused_on_update_and_the_saved_partner_stays() {
    let (_dir, mut storage) = open();
    let saved = partners::create(&mut storage, school(1), now()).expect("saved");
    for (what, mutate, field, _) in CASES {
        let before = dump(&storage);
        let mut input = saved.data.clone();
        mutate(&mut input);
        let errors = partners::check(&storage, &input, Some(saved.id), now()).expect("check");
        assert!(
            errors.iter().any(|f| f.field == *field),
            "{what}: check() did not flag {field}: {errors:?}"
        );
        assert!(
            partners::update(&mut storage, saved.id, input, now()).is_err(),
            "{what}"
        );
        assert_eq!(dump(&storage), before, "{what}: database changed");
        assert_eq!(partners::get(&storage, saved.id).expect("get"), saved);
    }
}

#[test]
fn a_good_form_passes_the_check() {
    let (_dir, storage) = open();
    assert_eq!(
        partners::check(&storage, &school(1), None, now()).expect("check"),
        vec![]
    );
}

type PersonMutation = fn(&mut partnernet::persons::model::PersonInput);

/// Bad edits of a person in «Контакты»: (what is wrong, mutation, field,
/// fragment of the message).
const PERSON_CASES: &[(&str, PersonMutation, &str, &str)] = &[
    (
        "empty surname",
        |p| p.surname = "  ".into(),
        "surname",
        "фамилию",
    ),
    (
        "invisible surname",
        |p| p.surname = "\u{200b}".into(),
        "surname",
        "Фамилия",
    ),
    (
        "too long name",
        |p| p.name = "Я".repeat(1001),
        "name",
        "Имя",
    ),
    (
        "short phone",
        |p| p.memberships[0].phone = "12-34".into(),
        "memberships.0.phone",
        "телефон",
    ),
    (
        "bad e-mail",
        |p| p.memberships[0].email = "мишина@".into(),
        "memberships.0.email",
        "почт",
    ),
    (
        "an organisation she does not belong to",
        |p| p.memberships[0].partner_id = 999,
        "memberships.0.partner_id",
        "не связан",
    ),
];

#[test]
fn every_bad_person_edit_is_refused_and_nothing_changes() {
    use partnernet::persons::{self, model::MembershipInput, model::PersonInput};
    let (_dir, mut storage) = open();
    let partner = partners::create(&mut storage, school(1), now()).expect("saved");
    let c = &partner.data.contacts[0];
    let id = c.person_id.expect("person");
    let good = PersonInput {
        surname: c.surname.clone(),
        name: c.name.clone(),
        patronymic: c.patronymic.clone(),
        memberships: vec![MembershipInput {
            partner_id: partner.id,
            role: c.role.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
        }],
    };
    assert_eq!(persons::check(&storage, id, &good).expect("check"), vec![]);
    for (what, mutate, field, fragment) in PERSON_CASES {
        let before = dump(&storage);
        let mut input = good.clone();
        mutate(&mut input);
        let err = persons::update(&mut storage, id, input.clone(), now()).unwrap_err();
        let CoreError::Validation(fields) = &err else {
            panic!("{what}: expected a validation error, got {err:?}");
        };
        let Some(hit) = fields.iter().find(|f| f.field == *field) else {
            panic!("{what}: no message on {field}; got {fields:?}");
        };
        assert!(
            hit.message
                .to_lowercase()
                .contains(&fragment.to_lowercase()),
            "{what}: message «{}» lacks «{fragment}»",
            hit.message
        );
        common::russian::assert_russian(what, &hit.message);
        assert!(persons::check(&storage, id, &input)
            .expect("check")
            .iter()
            .any(|f| f.field == *field));
        assert_eq!(dump(&storage), before, "{what}: database changed");
    }
    let before = dump(&storage);
    for (keep, other) in [(id, id), (id, 999), (999, id)] {
        let err = persons::merge(&mut storage, keep, other, now()).unwrap_err();
        common::russian::assert_russian("bad merge", &err.to_string());
        assert_eq!(
            dump(&storage),
            before,
            "merge {keep} ← {other}: database changed"
        );
    }
}

/// Bad pictures for a brochure (a text file, a cut PNG, a folder, a file
/// that is not there): refused in Russian naming the file; the database
/// and the pictures' folder stay as they were.
#[test]
fn every_bad_picture_is_refused_and_nothing_changes() {
    let (dir, storage) = open();
    let text = dir.path().join("заметки.png");
    std::fs::write(&text, "не картинка").expect("write");
    let cut = dir.path().join("обрез.png");
    std::fs::write(&cut, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let jpeg = dir.path().join("jpeg.jpg");
    std::fs::write(&jpeg, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).expect("write");
    let before = dump(&storage);
    for path in [
        text,
        cut,
        jpeg,
        dir.path().join("нет.png"),
        dir.path().to_path_buf(),
    ] {
        let what = path.display().to_string();
        let err = partnernet::brochures::images::add_image(&storage, &path).unwrap_err();
        common::russian::assert_russian(&what, &err.to_string());
        assert_eq!(dump(&storage), before, "{what}: database changed");
    }
    assert!(!dir.path().join("images").exists(), "no picture copied");
}

/// Her own fields (issue 14 §3): bad definitions (no name, a name taken, a
/// list without options, a kind changed or an option removed while in use)
/// and bad values on a partner's update are refused in Russian on their
/// field; the database stays as it was.
#[test]
fn every_bad_own_field_is_refused_and_nothing_changes() {
    use partnernet::partners::own_fields;
    let (_dir, mut storage) = open();
    let field = |name: &str, kind, options: &[&str]| OwnFieldInput {
        name: name.into(),
        kind,
        options: options.iter().map(|o| o.to_string()).collect(),
    };
    let list = own_fields::add(
        &mut storage,
        field("Профиль", OwnFieldKind::Choice, &["Школа", "Музей"]),
        now(),
    )
    .expect("list field");
    let date = own_fields::add(
        &mut storage,
        field("Дата аккредитации", OwnFieldKind::Date, &[]),
        now(),
    )
    .expect("date field");
    let mut input = school(1);
    input.own_fields = vec![OwnFieldValue {
        field_id: list.id,
        value: "Школа".into(),
    }];
    let partner = partners::create(&mut storage, input, now()).expect("saved");

    let definitions: &[(&str, OwnFieldInput, Option<i64>, &str, &str)] = &[
        (
            "no name",
            field(" ", OwnFieldKind::Text, &[]),
            None,
            "name",
            "Укажите название",
        ),
        (
            "name taken",
            field("ПРОФИЛЬ", OwnFieldKind::Text, &[]),
            None,
            "name",
            "уже есть",
        ),
        (
            "long name",
            field(&"Я".repeat(101), OwnFieldKind::Text, &[]),
            None,
            "name",
            "не более 100",
        ),
        (
            "no options",
            field("Вид", OwnFieldKind::Choice, &["", " "]),
            None,
            "options",
            "Впишите варианты",
        ),
        (
            "kind in use",
            field("Профиль", OwnFieldKind::Text, &[]),
            Some(list.id),
            "kind",
            "менять нельзя",
        ),
        (
            "option in use",
            field("Профиль", OwnFieldKind::Choice, &["Музей"]),
            Some(list.id),
            "options",
            "выбран у 1 партнёра",
        ),
    ];
    for (what, input, id, at, fragment) in definitions {
        let before = dump(&storage);
        let err = match id {
            None => own_fields::add(&mut storage, input.clone(), now()).map(|_| ()),
            Some(id) => own_fields::update(&mut storage, *id, input.clone()).map(|_| ()),
        }
        .unwrap_err();
        let CoreError::Validation(fields) = &err else {
            panic!("{what}: expected a validation error, got {err:?}");
        };
        let hit = fields
            .iter()
            .find(|f| f.field == *at)
            .unwrap_or_else(|| panic!("{what}: no message on {at}; got {fields:?}"));
        assert!(hit.message.contains(fragment), "{what}: {}", hit.message);
        common::russian::assert_russian(what, &hit.message);
        assert_eq!(dump(&storage), before, "{what}: database changed");
    }
    let before = dump(&storage);
    for id in [999, date.id + 100] {
        let err = own_fields::remove(&mut storage, id, now()).unwrap_err();
        common::russian::assert_russian("remove a missing field", &err.to_string());
        let err = own_fields::reorder(&mut storage, &[id]).unwrap_err();
        common::russian::assert_russian("reorder a missing field", &err.to_string());
    }
    assert_eq!(dump(&storage), before, "missing fields: database changed");

    let values: &[(&str, i64, &str, &str)] = &[
        ("impossible date", date.id, "31.02.2026", "такой даты нет"),
        ("not a date", date.id, "завтра", "не дата"),
        (
            "year out of range",
            date.id,
            "01.01.1800",
            "год должен быть",
        ),
        ("option not in list", list.id, "Театр", "нет в списке"),
        ("removed field", 999, "x", "больше нет"),
    ];
    for (what, id, value, fragment) in values {
        let before = dump(&storage);
        let mut input = partner.data.clone();
        input.own_fields = vec![OwnFieldValue {
            field_id: *id,
            value: value.to_string(),
        }];
        let err = partners::update(&mut storage, partner.id, input, now()).unwrap_err();
        let CoreError::Validation(fields) = &err else {
            panic!("{what}: expected a validation error, got {err:?}");
        };
        let at = format!("own_fields.{id}");
        let hit = fields
            .iter()
            .find(|f| f.field == at)
            .unwrap_or_else(|| panic!("{what}: no message on {at}; got {fields:?}"));
        assert!(hit.message.contains(fragment), "{what}: {}", hit.message);
        common::russian::assert_russian(what, &hit.message);
        assert_eq!(dump(&storage), before, "{what}: database changed");
    }
}

#[test]
fn every_bad_agreement_template_is_refused_and_nothing_changes() {
    use partnernet::agreements::model::AgreementKind::Cooperation;
    use partnernet::agreements::variants;
    let (_dir, mut storage) = open();
    let mine = variants::create(&mut storage, Cooperation, "Для школ", "Текст.\n", now())
        .expect("a template of hers");
    let builtin = variants::list(storage.conn(), Cooperation).expect("list")[0].id;
    type Attempt = fn(&mut partnernet::Storage, i64, i64) -> Result<(), CoreError>;
    let cases: &[(&str, Attempt, &str)] = &[
        (
            "empty name",
            |s, _, _| variants::create(s, Cooperation, " ", "Т.\n", now()).map(drop),
            "Укажите название шаблона",
        ),
        (
            "taken name",
            |s, _, _| variants::create(s, Cooperation, "ДЛЯ ШКОЛ", "Т.\n", now()).map(drop),
            "уже есть",
        ),
        (
            "renamed to empty",
            |s, id, _| variants::rename(s, id, "", now()).map(drop),
            "Укажите название шаблона",
        ),
        (
            "broken text",
            |s, id, _| variants::save(s, id, "{% if %}", now()).map(drop),
            "Строка 1",
        ),
        (
            "built-in deleted",
            |s, _, b| variants::delete(s, b).map(drop),
            "удалить нельзя",
        ),
        (
            "built-in renamed",
            |s, _, b| variants::rename(s, b, "Мой", now()).map(drop),
            "переименовать нельзя",
        ),
    ];
    for (what, attempt, fragment) in cases {
        let before = dump(&storage);
        let err = attempt(&mut storage, mine.id, builtin)
            .expect_err(what)
            .to_string();
        assert!(err.contains(fragment), "{what}: {err}");
        common::russian::assert_russian(what, &err);
        assert_eq!(dump(&storage), before, "{what}: database changed");
    }
}
