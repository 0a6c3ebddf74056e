//! Agreements: the status transitions (allowed and refused), the Art. 15
//! check before signing, and what can be edited after signing.

mod common;

use common::{at, day, dump, now, open, parties, school, two_schools};
use partnernet::agreements::{
    self,
    model::{AgreementInput, AgreementKind, AgreementParty, AgreementStatus, Art15Items},
};
use partnernet::partners::model::{PartnerInput, PartnerType};
use partnernet::{institution, partners, CoreError, Storage};

use AgreementStatus::*;

fn full_art15() -> Art15Items {
    Art15Items {
        programme: "ДООП «Юный конструктор», техническая направленность, базовый уровень".into(),
        learners: "Учащиеся школы, зачисление по заявлению родителей".into(),
        duties: "Школа — кабинет, ДДТ — педагог и конструкторы".into(),
        documents: "Сертификат об обучении выдаёт ДДТ".into(),
        term: "Один учебный год; изменения — дополнительным соглашением".into(),
    }
}

fn network(partner_ids: &[i64]) -> AgreementInput {
    AgreementInput {
        kind: AgreementKind::NetworkProgram,
        subject: "Сетевая реализация программы «Юный конструктор»".into(),
        art15: full_art15(),
        parties: parties(partner_ids),
        start_date: Some(day(2026, 9, 1)),
        end_date: Some(day(2027, 5, 31)),
        ..AgreementInput::default()
    }
}

/// The path from «черновик» to each status through allowed transitions.
fn path_to(status: AgreementStatus) -> Vec<AgreementStatus> {
    let mut path = match status {
        Draft => vec![],
        OnApproval => vec![OnApproval],
        Signed => vec![OnApproval, Signed],
        Active | Expired | Prolonged | Terminated => vec![OnApproval, Signed, Active],
    };
    if matches!(status, Expired | Prolonged | Terminated) {
        path.push(status);
    }
    path
}

fn walk(storage: &mut Storage, id: i64, path: &[AgreementStatus]) {
    for (i, to) in path.iter().enumerate() {
        agreements::set_status(storage, id, *to, day(2026, 9, 1 + i as u32), "", now())
            .unwrap_or_else(|e| panic!("{to:?}: {e}"));
    }
}

const ALLOWED: &[(AgreementStatus, AgreementStatus)] = &[
    (Draft, OnApproval),
    (OnApproval, Signed),
    (OnApproval, Draft),
    (Signed, Active),
    (Signed, Terminated),
    (Active, Expired),
    (Active, Prolonged),
    (Active, Terminated),
    (Prolonged, Expired),
    (Prolonged, Terminated),
    (Prolonged, Prolonged),
    (Expired, Prolonged),
];

#[test]
fn every_transition_is_allowed_or_refused_as_the_table_says() {
    let (_dir, mut storage, a, _) = two_schools();
    for from in AgreementStatus::ALL {
        for to in AgreementStatus::ALL {
            let id = agreements::create(&mut storage, network(&[a]), now())
                .expect("create")
                .id;
            walk(&mut storage, id, &path_to(from));
            let before = dump(&storage);
            let result = agreements::set_status(&mut storage, id, to, day(2026, 10, 1), "", now());
            let expected = ALLOWED.contains(&(from, to));
            assert_eq!(expected, result.is_ok(), "{from:?} → {to:?}: {result:?}");
            assert_eq!(
                expected,
                agreements::allowed_next(from).contains(&to),
                "{from:?} → {to:?}"
            );
            match result {
                Ok(agreement) => {
                    assert_eq!(agreement.status, to);
                    let history = agreements::history(&storage, id).expect("history");
                    let last = history.last().expect("a change");
                    assert_eq!(
                        (last.from, last.to, last.on),
                        (Some(from), to, day(2026, 10, 1))
                    );
                }
                Err(CoreError::Conflict(message)) => {
                    assert_eq!(before, dump(&storage), "refused {from:?} → {to:?} wrote");
                    assert!(
                        message.contains(&format!("«{}»", from.label())),
                        "{message}"
                    );
                    assert!(message.contains(&format!("«{}»", to.label())), "{message}");
                    for next in agreements::allowed_next(from) {
                        assert!(
                            message.contains(&format!("«{}»", next.label())),
                            "{message}"
                        );
                    }
                    if from == Terminated {
                        assert!(message.contains("невозможны"), "{message}");
                    }
                }
                Err(other) => panic!("{from:?} → {to:?}: {other}"),
            }
        }
    }
}

#[test]
fn history_keeps_every_change_with_its_date_and_note() {
    let (_dir, mut storage, a, _) = two_schools();
    let id = agreements::create(&mut storage, network(&[a]), at(2026, 8, 20, 9))
        .expect("create")
        .id;
    agreements::set_status(&mut storage, id, OnApproval, day(2026, 8, 21), "", now()).expect("1");
    agreements::set_status(&mut storage, id, Draft, day(2026, 8, 22), "вернули", now()).expect("2");
    agreements::set_status(&mut storage, id, OnApproval, day(2026, 8, 23), "", now()).expect("3");
    let signed =
        agreements::set_status(&mut storage, id, Signed, day(2026, 8, 25), "", now()).expect("4");
    assert_eq!(
        signed.data.date,
        Some(day(2026, 8, 25)),
        "the signing date is the date"
    );
    let history = agreements::history(&storage, id).expect("history");
    let steps: Vec<_> = history.iter().map(|h| (h.from, h.to, h.on)).collect();
    assert_eq!(
        steps,
        vec![
            (None, Draft, day(2026, 8, 20)),
            (Some(Draft), OnApproval, day(2026, 8, 21)),
            (Some(OnApproval), Draft, day(2026, 8, 22)),
            (Some(Draft), OnApproval, day(2026, 8, 23)),
            (Some(OnApproval), Signed, day(2026, 8, 25)),
        ]
    );
    assert_eq!(history[2].note, "вернули");

    // Dates: not before the previous change, not in the future.
    let before = dump(&storage);
    for on in [day(2026, 8, 24), day(2026, 11, 23)] {
        let err =
            agreements::set_status(&mut storage, id, Active, on, "", now()).expect_err("date");
        let CoreError::Validation(fields) = err else {
            panic!("{err}")
        };
        assert_eq!(fields[0].field, "on");
    }
    assert_eq!(before, dump(&storage));
}

#[test]
fn prolongation_moves_the_end_date_when_automatic() {
    let (_dir, mut storage, a, _) = two_schools();
    let input = AgreementInput {
        auto_prolong: true,
        prolong_months: Some(12),
        ..network(&[a])
    };
    let id = agreements::create(&mut storage, input, now())
        .expect("create")
        .id;
    walk(&mut storage, id, &[OnApproval, Signed, Active]);
    let prolonged =
        agreements::set_status(&mut storage, id, Prolonged, day(2026, 10, 1), "", now())
            .expect("prolong");
    assert_eq!(prolonged.data.end_date, Some(day(2028, 5, 31)));
    let history = agreements::history(&storage, id).expect("history");
    assert!(history.last().expect("last").note.contains("31.05.2028"));
}

#[test]
fn art15_agreement_is_signed_only_when_everything_is_filled() {
    let (_dir, mut storage) = open();
    let bare = PartnerInput {
        requisites: Default::default(),
        ..school(2)
    };
    let a = partners::create(&mut storage, school(1), now())
        .expect("a")
        .id;
    let b = partners::create(&mut storage, bare, now()).expect("b").id;
    let input = AgreementInput {
        art15: Art15Items {
            programme: "ДООП «Юный конструктор»".into(),
            ..Art15Items::default()
        },
        ..network(&[a, b])
    };
    let id = agreements::create(&mut storage, input, now())
        .expect("a draft may be incomplete")
        .id;
    agreements::set_status(&mut storage, id, OnApproval, day(2026, 9, 1), "", now()).expect("ok");

    let before = dump(&storage);
    let err = agreements::set_status(&mut storage, id, Signed, day(2026, 9, 2), "", now())
        .expect_err("incomplete");
    let message = err.to_string();
    for fragment in [
        "Не заполнено:",
        "статус обучающихся",
        "распределение обязанностей",
        "выдаваемые документы",
        "срок действия договора",
        "профиль своего учреждения",
        "у партнёра «МБОУ СОШ № 2» нет ИНН, ОГРН, юридического адреса",
    ] {
        assert!(message.contains(fragment), "{fragment}: {message}");
    }
    assert!(
        !message.contains("вид, уровень"),
        "the programme is filled: {message}"
    );
    assert!(!message.contains("МБОУ СОШ № 1"), "{message}");
    assert_eq!(before, dump(&storage), "a refused signing writes nothing");
    let fields: Vec<String> = agreements::signing_problems(&storage, id)
        .expect("problems")
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(
        fields,
        [
            "art15.learners",
            "art15.duties",
            "art15.documents",
            "art15.term",
            "own",
            "parties.1.partner_id"
        ]
    );

    // The institution's head without a position is still missing.
    let mut inst = partnernet::demo::institution();
    inst.head.position = String::new();
    institution::save(&mut storage, inst, now()).expect("institution");
    let message = agreements::set_status(&mut storage, id, Signed, day(2026, 9, 2), "", now())
        .expect_err("still incomplete")
        .to_string();
    assert!(
        message.contains("у своего учреждения нет должности руководителя"),
        "{message}"
    );

    // A position no rule declines («CEO») without its genitive written by
    // hand is flagged, never printed in the nominative silently.
    let mut inst = partnernet::demo::institution();
    inst.head.position = "CEO".into();
    institution::save(&mut storage, inst.clone(), now()).expect("institution");
    let problems = agreements::signing_problems(&storage, id).expect("problems");
    let own = problems
        .iter()
        .find(|f| f.field == "own")
        .expect("own flagged");
    assert!(
        own.message
            .contains("должности руководителя в родительном падеже"),
        "{}",
        own.message
    );
    inst.head.position_genitive = "CEO (генерального директора)".into();
    institution::save(&mut storage, inst, now()).expect("institution");
    let problems = agreements::signing_problems(&storage, id).expect("problems");
    assert!(
        problems.iter().all(|f| !f.message.contains("родительном")),
        "the genitive by hand is enough: {problems:?}"
    );

    // Fill everything in: now it signs.
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("inst");
    partners::update(&mut storage, b, school(2), now()).expect("partner requisites");
    let mut form = agreements::get(&storage, id).expect("get").data;
    form.art15 = full_art15();
    agreements::update(&mut storage, id, form, now()).expect("edit on approval");
    assert!(agreements::signing_problems(&storage, id)
        .expect("p")
        .is_empty());
    let signed = agreements::set_status(&mut storage, id, Signed, day(2026, 9, 2), "", now())
        .expect("complete");
    assert_eq!(signed.status, Signed);
}

#[test]
fn parent_community_and_trashed_partners_cannot_sign_art15() {
    let (_dir, mut storage, a, _) = two_schools();
    let parents = PartnerInput {
        partner_type: PartnerType::ParentCommunity,
        full_name: "Родительский совет".into(),
        short_name: "Родительский совет".into(),
        ..PartnerInput::default()
    };
    let p = partners::create(&mut storage, parents, now())
        .expect("parents")
        .id;
    let id = agreements::create(&mut storage, network(&[a, p]), now())
        .expect("create")
        .id;
    walk(&mut storage, id, &[OnApproval]);
    partners::trash(&mut storage, a, now()).expect("trash");
    let message = agreements::set_status(&mut storage, id, Signed, day(2026, 9, 5), "", now())
        .expect_err("refused")
        .to_string();
    assert!(
        message.contains("«Родительский совет» — родительская общественность"),
        "{message}"
    );
    assert!(
        message.contains("партнёр «МБОУ СОШ № 1» в корзине"),
        "{message}"
    );
}

#[test]
fn cooperation_needs_a_subject_to_be_signed() {
    let (_dir, mut storage, a, _) = two_schools();
    let input = AgreementInput {
        kind: AgreementKind::Cooperation,
        subject: String::new(),
        art15: Art15Items::default(),
        ..network(&[a])
    };
    let id = agreements::create(&mut storage, input, now())
        .expect("create")
        .id;
    walk(&mut storage, id, &[OnApproval]);
    let message = agreements::set_status(&mut storage, id, Signed, day(2026, 9, 5), "", now())
        .expect_err("no subject")
        .to_string();
    assert!(message.contains("предмет соглашения"), "{message}");
    assert!(message.starts_with("Соглашение №"), "{message}");
    let mut form = agreements::get(&storage, id).expect("get").data;
    form.subject = "Совместные мероприятия".into();
    agreements::update(&mut storage, id, form, now()).expect("edit");
    agreements::set_status(&mut storage, id, Signed, day(2026, 9, 5), "", now())
        .expect("a cooperation agreement needs no Art. 15 items");
}

#[test]
fn after_signing_only_notes_responsible_and_end_date_change() {
    let (_dir, mut storage, a, b) = two_schools();
    let id = agreements::create(&mut storage, network(&[a]), now())
        .expect("create")
        .id;
    walk(&mut storage, id, &[OnApproval, Signed, Active]);
    let signed = agreements::get(&storage, id).expect("get");

    let mut allowed = signed.data.clone();
    allowed.notes = "Продлён допсоглашением № 1".into();
    allowed.responsible = "Петрова А.А.".into();
    allowed.end_date = Some(day(2028, 5, 31));
    let saved = agreements::update(&mut storage, id, allowed.clone(), now()).expect("allowed");
    assert_eq!(saved.data, allowed);

    let before = dump(&storage);
    let mut changed = allowed.clone();
    changed.subject = "Другой предмет".into();
    changed.parties.push(AgreementParty {
        partner_id: b,
        role: "Ещё участник".into(),
    });
    let err = agreements::update(&mut storage, id, changed, now()).expect_err("locked");
    let message = err.to_string();
    assert!(matches!(err, CoreError::Conflict(_)));
    assert!(message.contains("статус «действует»"), "{message}");
    assert!(message.contains("Изменено: стороны, предмет"), "{message}");
    assert_eq!(before, dump(&storage));

    // A trashed agreement is not edited, nor is its status changed.
    agreements::trash(&mut storage, id, now()).expect("trash");
    assert!(agreements::update(&mut storage, id, allowed, now()).is_err());
    assert!(
        agreements::set_status(&mut storage, id, Expired, day(2026, 10, 1), "", now()).is_err()
    );
}
