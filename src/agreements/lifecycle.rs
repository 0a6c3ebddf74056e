//! The lifecycle of an agreement: черновик → на согласовании → подписан →
//! действует → истёк / продлён / расторгнут, with the allowed transitions
//! only, each kept in the history with its date; and the check that an
//! agreement may be signed at all.

use chrono::{Months, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::agreements::model::{Agreement, AgreementKind, AgreementStatus};
use crate::agreements::queries;
use crate::agreements::validate::fmt_date;
use crate::error::{CoreError, FieldError, Result};
use crate::partners::model::{Head, PartnerType, Requisites};
use crate::storage::Storage;

use AgreementStatus::*;

const MAX_NOTE: usize = 2_000;

/// The statuses an agreement may move to from `from`.
pub fn allowed_next(from: AgreementStatus) -> &'static [AgreementStatus] {
    match from {
        Draft => &[OnApproval],
        // Back to the draft: returned for edits.
        OnApproval => &[Signed, Draft],
        Signed => &[Active, Terminated],
        Active => &[Expired, Prolonged, Terminated],
        Prolonged => &[Expired, Terminated, Prolonged],
        Expired => &[Prolonged],
        Terminated => &[],
    }
}

fn quoted(list: &[AgreementStatus]) -> String {
    list.iter()
        .map(|s| format!("«{}»", s.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// «договор № 3/2026», «соглашение № 4/2026».
pub fn title(a: &Agreement) -> String {
    let noun = a.data.kind.noun().to_lowercase();
    if a.data.number.is_empty() {
        noun
    } else {
        format!("{noun} № {}", a.data.number)
    }
}

pub fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `Err` with a Russian message naming both statuses and the allowed next ones.
pub fn check_transition(a: &Agreement, to: AgreementStatus) -> std::result::Result<(), String> {
    let from = a.status;
    let next = allowed_next(from);
    if next.contains(&to) {
        return Ok(());
    }
    let what = capitalized(&title(a));
    let head = format!(
        "Нельзя перевести {} из статуса «{}» в статус «{}».",
        title(a),
        from.label(),
        to.label()
    );
    Err(if next.is_empty() {
        let ended = match a.data.kind {
            AgreementKind::NetworkProgram => "расторгнут",
            AgreementKind::Cooperation => "расторгнуто",
        };
        format!("{head} {what} {ended}: дальнейшие изменения статуса невозможны.")
    } else if from == to {
        format!(
            "{head} {what} уже в этом статусе; из статуса «{}» можно перейти только в: {}.",
            from.label(),
            quoted(next)
        )
    } else {
        format!(
            "{head} Из статуса «{}» можно перейти только в: {}.",
            from.label(),
            quoted(next)
        )
    })
}

/// One thing that keeps an agreement from being signed.
struct Missing {
    field: String,
    /// The phrase in the summary: «вид, уровень и направленность программы».
    item: String,
    /// The sentence next to the form field.
    message: String,
}

/// Art. 15 items: the field, the phrase after «Не заполнено:».
pub const ART15_ITEMS: [(&str, &str); 5] = [
    ("art15.programme", "вид, уровень и направленность программы"),
    (
        "art15.learners",
        "статус обучающихся, правила приёма и порядок академической мобильности",
    ),
    (
        "art15.duties",
        "условия и порядок реализации программы, распределение обязанностей и ресурсы сторон",
    ),
    (
        "art15.documents",
        "выдаваемые документы об обучении и кто их выдаёт",
    ),
    (
        "art15.term",
        "срок действия договора, порядок его изменения и прекращения",
    ),
];

/// What the text of a signed agreement needs of each party, in the genitive.
fn lacking(r: &Requisites, h: &Head) -> Vec<&'static str> {
    [
        (r.inn.trim().is_empty(), "ИНН"),
        (r.ogrn.trim().is_empty(), "ОГРН"),
        (r.legal_address.trim().is_empty(), "юридического адреса"),
        (h.surname.trim().is_empty(), "фамилии руководителя"),
        (h.name.trim().is_empty(), "имени руководителя"),
        (h.position.trim().is_empty(), "должности руководителя"),
    ]
    .into_iter()
    .filter_map(|(empty, label)| empty.then_some(label))
    .collect()
}

fn missing(conn: &Connection, a: &Agreement) -> Result<Vec<Missing>> {
    let d = &a.data;
    let mut out = Vec::new();
    let mut add = |field: String, item: String, message: String| {
        out.push(Missing {
            field,
            item,
            message,
        })
    };
    if d.parties.is_empty() {
        add(
            "parties".into(),
            "стороны-партнёры".into(),
            "Добавьте хотя бы одного партнёра — сторону договора.".into(),
        );
    }
    match d.kind {
        AgreementKind::Cooperation => {
            if d.subject.trim().is_empty() {
                add(
                    "subject".into(),
                    "предмет соглашения".into(),
                    "Не заполнен предмет соглашения.".into(),
                );
            }
        }
        AgreementKind::NetworkProgram => {
            let art = &d.art15;
            let values = [
                &art.programme,
                &art.learners,
                &art.duties,
                &art.documents,
                &art.term,
            ];
            for ((field, item), value) in ART15_ITEMS.iter().zip(values) {
                if value.trim().is_empty() {
                    add(
                        field.to_string(),
                        item.to_string(),
                        format!("Не заполнен пункт статьи 15: {item}."),
                    );
                }
            }
            let inst = crate::institution::queries::load(conn)?.unwrap_or_default();
            let gaps = lacking(&inst.requisites, &inst.head);
            if inst.full_name.trim().is_empty() {
                add(
                    "own".into(),
                    "профиль своего учреждения (наименование, реквизиты, руководитель)".into(),
                    "Заполните профиль своего учреждения: наименование, реквизиты и руководителя."
                        .into(),
                );
            } else if !gaps.is_empty() {
                let item = format!("у своего учреждения нет {}", gaps.join(", "));
                add(
                    "own".into(),
                    item.clone(),
                    format!("{} (профиль учреждения).", capitalized(&item)),
                );
            }
            for (i, party) in d.parties.iter().enumerate() {
                let field = format!("parties.{i}.partner_id");
                let Ok(partner) = crate::partners::queries::load(conn, party.partner_id) else {
                    add(
                        field,
                        format!("партнёр № {} не найден", party.partner_id),
                        "Партнёр не найден в реестре: выберите другого.".into(),
                    );
                    continue;
                };
                let name = &partner.data.short_name;
                if partner.deleted_at.is_some() {
                    let item = format!("партнёр «{name}» в корзине");
                    add(
                        field,
                        item.clone(),
                        format!(
                            "{}: восстановите его или выберите другого.",
                            capitalized(&item)
                        ),
                    );
                    continue;
                }
                if partner.data.partner_type == PartnerType::ParentCommunity {
                    let item = format!(
                        "«{name}» — родительская общественность, не юридическое лицо, \
                         и не может быть стороной договора о сетевой форме"
                    );
                    add(field, item.clone(), format!("{item}: уберите эту сторону."));
                    continue;
                }
                let gaps = lacking(&partner.data.requisites, &partner.data.head);
                if !gaps.is_empty() {
                    let item = format!("у партнёра «{name}» нет {}", gaps.join(", "));
                    add(
                        field,
                        item.clone(),
                        format!("{}: дополните карточку партнёра.", capitalized(&item)),
                    );
                }
            }
        }
    }
    Ok(out)
}

/// What keeps the agreement from being signed, per form field (empty when
/// it can be signed): for the editor to highlight before the user tries.
pub fn signing_problems(storage: &Storage, id: i64) -> Result<Vec<FieldError>> {
    let a = queries::load(storage.conn(), id)?;
    Ok(missing(storage.conn(), &a)?
        .into_iter()
        .map(|m| FieldError::new(m.field, m.message))
        .collect())
}

fn check_signing(conn: &Connection, a: &Agreement) -> Result<()> {
    let missing = missing(conn, a)?;
    if missing.is_empty() {
        return Ok(());
    }
    let items: Vec<String> = missing.into_iter().map(|m| m.item).collect();
    Err(CoreError::Conflict(format!(
        "{} нельзя перевести в статус «{}». Не заполнено: {}.",
        capitalized(&title(a)),
        Signed.label(),
        items.join("; ")
    )))
}

/// Moves the agreement to `to` as of the date `on`, keeping the change in
/// the history. On signing, an agreement without a date gets `on` as its
/// date; on prolongation with automatic prolongation set, the end date moves
/// by `prolong_months` (otherwise the user edits the end date, which stays
/// editable after signing).
pub fn set_status(
    storage: &mut Storage,
    id: i64,
    to: AgreementStatus,
    on: NaiveDate,
    note: &str,
    now: NaiveDateTime,
) -> Result<Agreement> {
    let mut a = queries::load(storage.conn(), id)?;
    if a.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "{} в корзине: сначала восстановите его, потом меняйте статус.",
            capitalized(&title(&a))
        )));
    }
    check_transition(&a, to).map_err(CoreError::Conflict)?;
    if on > now.date() {
        return Err(CoreError::invalid(
            "on",
            format!(
                "Дата {} ещё не наступила: статус отмечают, когда событие уже произошло.",
                fmt_date(on)
            ),
        ));
    }
    // The creation entry (from no status) does not count: an old agreement
    // entered today may be signed on a past date.
    let last = queries::history(storage.conn(), id)?
        .iter()
        .filter(|change| change.from.is_some())
        .map(|change| change.on)
        .max();
    if let Some(last) = last.filter(|last| on < *last) {
        return Err(CoreError::invalid(
            "on",
            format!(
                "Дата {} раньше предыдущего изменения статуса ({}): проверьте дату.",
                fmt_date(on),
                fmt_date(last)
            ),
        ));
    }
    let mut note = note.trim().to_string();
    if note.chars().count() > MAX_NOTE {
        return Err(CoreError::invalid(
            "note",
            format!("Комментарий слишком длинный: не более {MAX_NOTE} знаков."),
        ));
    }
    if to == Signed {
        check_signing(storage.conn(), &a)?;
        if a.data.date.is_none() {
            a.data.date = Some(on);
        }
    }
    if to == Prolonged && a.data.auto_prolong {
        let months = a.data.prolong_months.unwrap_or(12);
        if let Some(end) = a.data.end_date {
            if let Some(new_end) = end.checked_add_months(Months::new(months)) {
                a.data.end_date = Some(new_end);
                if note.is_empty() {
                    note = format!("продлён до {}", fmt_date(new_end));
                }
            }
        }
    }
    let from = a.status;
    storage.write(|tx| {
        queries::update(tx, id, &a.data, now)?;
        queries::set_status(tx, id, Some(from), to, on, &note, now)?;
        queries::load(tx, id)
    })
}
