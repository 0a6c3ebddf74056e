//! The lifecycle of an agreement: черновик → на согласовании → подписан →
//! действует → истёк / продлён / расторгнут, with the allowed transitions
//! only, each kept in the history with its date; and the check that an
//! agreement may be signed at all.

use chrono::{Months, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::agreements::model::{
    Agreement, AgreementKind, AgreementParty, AgreementStatus, Art15Items,
};
use crate::agreements::queries;
use crate::agreements::validate::fmt_date;
use crate::error::{CoreError, FieldError, Refusal, Result};
use crate::organisation::model::{Head, Requisites};
use crate::partners::model::PartnerType;
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
pub fn check_transition(a: &Agreement, to: AgreementStatus) -> std::result::Result<(), Refusal> {
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
    Err(Refusal(if next.is_empty() {
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
    }))
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
        // The preamble prints it in the genitive: never the nominative silently.
        (
            !crate::grammar::position_declines(&h.position)
                && h.position_genitive.trim().is_empty(),
            "должности руководителя в родительном падеже (правила её не склоняют)",
        ),
    ]
    .into_iter()
    .filter_map(|(empty, label)| empty.then_some(label))
    .collect()
}

impl Missing {
    fn new(field: impl Into<String>, item: impl Into<String>, message: impl Into<String>) -> Self {
        Missing {
            field: field.into(),
            item: item.into(),
            message: message.into(),
        }
    }
}

/// Everything that keeps `a` from being signed. A network programme
/// agreement (art. 15 of the law on education) needs more than a subject:
/// its five items and complete requisites of every party, the own included.
fn missing(conn: &Connection, a: &Agreement) -> Result<Vec<Missing>> {
    let d = &a.data;
    let mut out = Vec::new();
    if d.parties.is_empty() {
        out.push(Missing::new(
            "parties",
            "стороны-партнёры",
            "Добавьте хотя бы одного партнёра — сторону договора.",
        ));
    }
    for (i, party) in d.parties.iter().enumerate() {
        out.extend(damaged_gap(conn, i, party)?);
    }
    match d.kind {
        AgreementKind::Cooperation => {
            if d.subject.trim().is_empty() {
                out.push(Missing::new(
                    "subject",
                    "предмет соглашения",
                    "Не заполнен предмет соглашения.",
                ));
            }
        }
        AgreementKind::NetworkProgram => {
            out.extend(art15_gaps(&d.art15));
            out.extend(own_gaps(conn)?);
            for (i, party) in d.parties.iter().enumerate() {
                out.extend(party_gap(conn, i, party));
            }
        }
    }
    Ok(out)
}

/// The art. 15 items left empty.
fn art15_gaps(art: &Art15Items) -> Vec<Missing> {
    let values = [
        &art.programme,
        &art.learners,
        &art.duties,
        &art.documents,
        &art.term,
    ];
    ART15_ITEMS
        .iter()
        .zip(values)
        .filter(|(_, value)| value.trim().is_empty())
        .map(|((field, item), _)| {
            Missing::new(
                *field,
                *item,
                format!("Не заполнен пункт статьи 15: {item}."),
            )
        })
        .collect()
}

/// The own institution is a party too: its profile must name it and give
/// what the text of the agreement prints.
fn own_gaps(conn: &Connection) -> Result<Option<Missing>> {
    let inst = crate::institution::queries::load(conn)?.unwrap_or_default();
    let gaps = lacking(&inst.requisites, &inst.head);
    Ok(if inst.full_name.trim().is_empty() {
        Some(Missing::new(
            "own",
            "профиль своего учреждения (наименование, реквизиты, руководитель)",
            "Заполните профиль своего учреждения: наименование, реквизиты и руководителя.",
        ))
    } else if !gaps.is_empty() {
        let item = format!("у своего учреждения нет {}", gaps.join(", "));
        let message = format!("{} (профиль учреждения).", capitalized(&item));
        Some(Missing::new("own", item, message))
    } else {
        None
    })
}

/// The `i`-th party, whatever the kind, when its partner's stored row does
/// not read: nothing is known of it, so nothing may be signed with it.
fn damaged_gap(conn: &Connection, i: usize, party: &AgreementParty) -> Result<Option<Missing>> {
    let (id, name) = match super::parties::partner(conn, party.partner_id) {
        Err(CoreError::DamagedParty { id, name }) => (id, name),
        Err(e) => return Err(e),
        Ok(_) => return Ok(None),
    };
    let item = format!(
        "сторона {} не читается: запись партнёра повреждена",
        crate::error::party(&name, id)
    );
    let message = CoreError::DamagedParty { id, name }.to_string();
    Ok(Some(Missing::new(
        format!("parties.{i}.partner_id"),
        item,
        message,
    )))
}

/// Why the `i`-th party cannot sign, if it cannot: it is gone, in the
/// trash, not a legal entity, or its card lacks requisites (a party that
/// does not read is [`damaged_gap`]'s).
fn party_gap(conn: &Connection, i: usize, party: &AgreementParty) -> Option<Missing> {
    let field = format!("parties.{i}.partner_id");
    let partner = match crate::partners::queries::load(conn, party.partner_id) {
        Ok(partner) => partner,
        Err(e) if crate::error::rows::is_damaged(&e) => return None,
        Err(_) => {
            return Some(Missing::new(
                field,
                format!("партнёр № {} не найден", party.partner_id),
                "Партнёр не найден в реестре: выберите другого.",
            ))
        }
    };
    let name = &partner.data.short_name;
    if partner.deleted_at.is_some() {
        let item = format!("партнёр «{name}» в корзине");
        let message = format!(
            "{}: восстановите его или выберите другого.",
            capitalized(&item)
        );
        return Some(Missing::new(field, item, message));
    }
    if partner.data.partner_type == PartnerType::ParentCommunity {
        let item = format!(
            "«{name}» — родительская общественность, не юридическое лицо, \
             и не может быть стороной договора о сетевой форме"
        );
        let message = format!("{item}: уберите эту сторону.");
        return Some(Missing::new(field, item, message));
    }
    let gaps = lacking(&partner.data.requisites, &partner.data.head);
    if gaps.is_empty() {
        return None;
    }
    let item = format!("у партнёра «{name}» нет {}", gaps.join(", "));
    let message = format!("{}: дополните карточку партнёра.", capitalized(&item));
    Some(Missing::new(field, item, message))
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
    check_transition(&a, to).map_err(|r| CoreError::Conflict(r.0))?;
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
