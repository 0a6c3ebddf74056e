//! Events (мероприятия, DOMAIN.md §4): single events and series, their
//! forms, conflicts, the school-year plan and iCalendar exchange.
//!
//! Every function takes the storage and, where it writes or depends on the
//! day, the current time (`now`): the caller decides, so tests are
//! deterministic. Times are local wall-clock times of the institution's
//! time zone (`settings.time_zone`).

pub mod conflicts;
pub mod export;
pub mod facts;
pub mod forms;
pub mod ical;
pub mod import;
pub mod model;
pub mod queries;
pub mod range;
pub mod recurrence;
pub mod school_year;
pub mod validate;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::error::{CoreError, FieldError, Result};
use crate::storage::Storage;
use model::{
    Conflict, Event, EventFilter, EventForm, EventFormInput, EventInput, EventSaved, EventStatus,
    EventsDigest, Occurrence, OccurrenceChange,
};

pub use facts::{occurrence_facts, OccurrenceFact};
pub use range::{calendar_range, CalendarRange, DayCount, RangeQuery};

/// How far a series without a window is expanded.
const DEFAULT_REACH_DAYS: i64 = 730;

/// The last day a series starting `start` is expanded to without a window.
fn reach(start: NaiveDate) -> NaiveDate {
    start
        .checked_add_days(chrono::Days::new(DEFAULT_REACH_DAYS.unsigned_abs()))
        .unwrap_or(NaiveDate::MAX)
}

/// The forms of network interaction, in their order.
pub fn forms(storage: &Storage) -> Result<Vec<EventForm>> {
    forms::list(storage)
}

/// Adds a user's form at the end of the list.
pub fn add_form(storage: &mut Storage, input: EventFormInput) -> Result<EventForm> {
    forms::add(storage, input)
}

/// Renames / recolours a form.
pub fn update_form(storage: &mut Storage, id: i64, input: EventFormInput) -> Result<EventForm> {
    forms::update(storage, id, input)
}

/// Deletes a user's form no event uses; built-in forms are refused.
pub fn delete_form(storage: &mut Storage, id: i64) -> Result<()> {
    forms::delete(storage, id)
}

/// Normalises the form and runs the checks that need the database (also
/// inside a caller's transaction, as the demo does).
pub fn prepare(conn: &Connection, mut input: EventInput) -> Result<EventInput> {
    let person = crate::persons::link_responsible(
        conn,
        input.responsible_person_id,
        &mut input.responsible,
    )?;
    crate::persons::with_problem(
        person,
        prepare_with(&validate::References::load(conn)?, input),
    )
}

/// [`prepare`] for one event of a batch, against references read once.
pub fn prepare_with(refs: &validate::References, input: EventInput) -> Result<EventInput> {
    let mut problems = validate::references(refs, &input);
    match validate::normalize(input) {
        Ok(input) if problems.is_empty() => Ok(input),
        Ok(_) => Err(CoreError::Validation(problems)),
        Err(mut fields) => {
            fields.append(&mut problems);
            Err(CoreError::Validation(fields))
        }
    }
}

/// Checks a form without saving: the problems it would be refused for.
pub fn check(storage: &Storage, input: &EventInput, id: Option<i64>) -> Result<Vec<FieldError>> {
    if let Some(id) = id {
        get(storage, id)?;
    }
    let mut input = input.clone();
    let person = crate::persons::link_responsible(
        storage.conn(),
        input.responsible_person_id,
        &mut input.responsible,
    )?;
    let mut fields = check_with(&validate::References::load(storage.conn())?, &input)?;
    fields.extend(person);
    Ok(fields)
}

/// [`check`] for one event of a batch, against references read once.
pub fn check_with(refs: &validate::References, input: &EventInput) -> Result<Vec<FieldError>> {
    match prepare_with(refs, input.clone()) {
        Ok(_) => Ok(Vec::new()),
        Err(CoreError::Validation(fields)) => Ok(fields),
        Err(other) => Err(other),
    }
}

/// The event and its conflicts, read inside the write transaction: were
/// they to fail, nothing is committed.
fn saved(conn: &Connection, id: i64) -> Result<EventSaved> {
    let event = queries::load(conn, id)?;
    let conflicts = conflicts_in(conn, &event)?;
    Ok(EventSaved { event, conflicts })
}

/// Creates an event (single or series) with a new UID.
pub fn create(storage: &mut Storage, input: EventInput, now: NaiveDateTime) -> Result<EventSaved> {
    let input = prepare(storage.conn(), input)?;
    storage.write(|tx| {
        let id = insert_new(tx, &input, now)?;
        saved(tx, id)
    })
}

/// Inserts a prepared event with a new UID («20261122T101500-12@partnernet»)
/// inside the caller's transaction.
pub fn insert_new(conn: &Connection, input: &EventInput, now: NaiveDateTime) -> Result<i64> {
    let next: i64 = conn.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM events", [], |r| {
        r.get(0)
    })?;
    let base = format!("{}-{next}", now.format("%Y%m%dT%H%M%S"));
    let mut uid = format!("{base}@partnernet");
    let mut n = 1;
    while queries::id_by_uid(conn, &uid)?.is_some() {
        n += 1;
        uid = format!("{base}-{n}@partnernet");
    }
    queries::insert(conn, input, &uid, now)
}

/// Creates an event with a given UID (an import).
pub fn create_with_uid(
    storage: &mut Storage,
    input: EventInput,
    uid: &str,
    now: NaiveDateTime,
) -> Result<EventSaved> {
    let uid = uid.trim();
    if uid.is_empty() {
        return Err(CoreError::BadInput(
            "У мероприятия нет идентификатора (UID).".to_string(),
        ));
    }
    if let Some(other) = queries::id_by_uid(storage.conn(), uid)? {
        return Err(CoreError::Conflict(format!(
            "Мероприятие с идентификатором «{uid}» уже есть (№ {other}): его можно только обновить."
        )));
    }
    let input = prepare(storage.conn(), input)?;
    storage.write(|tx| {
        let id = queries::insert(tx, &input, uid, now)?;
        saved(tx, id)
    })
}

fn editable(event: &Event) -> Result<()> {
    if event.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "Мероприятие «{}» в корзине: сначала восстановите его, потом изменяйте.",
            event.data.title
        )));
    }
    Ok(())
}

pub fn update(
    storage: &mut Storage,
    id: i64,
    input: EventInput,
    now: NaiveDateTime,
) -> Result<EventSaved> {
    let old = get(storage, id)?;
    editable(&old)?;
    let input = prepare(storage.conn(), input)?;
    // Changes stay with the dates the new rule still gives; the others go.
    let keep: Vec<NaiveDate> = match &input.recurrence {
        None => Vec::new(),
        Some(rule) => {
            let reach = old
                .changes
                .iter()
                .map(|c| c.date)
                .max()
                .unwrap_or(input.start.date());
            recurrence::rule_dates(input.start.date(), rule, reach)
        }
    };
    storage.write(|tx| {
        queries::update(tx, id, &input, now)?;
        for c in &old.changes {
            if !keep.contains(&c.date) {
                queries::remove_change(tx, id, c.date)?;
            }
        }
        saved(tx, id)
    })
}

/// The event `id` (in the trash too); a stored value of it that does not
/// read is [`CoreError::Damaged`].
pub fn get(storage: &Storage, id: i64) -> Result<Event> {
    crate::error::rows::named(queries::load(storage.conn(), id), "мероприятия", id)
}

/// The event (in the trash too) with this UID.
pub fn find_by_uid(storage: &Storage, uid: &str) -> Result<Option<Event>> {
    match queries::id_by_uid(storage.conn(), uid)? {
        Some(id) => Ok(Some(get(storage, id)?)),
        None => Ok(None),
    }
}

/// All events not in the trash, by start.
pub fn all(storage: &Storage) -> Result<Vec<Event>> {
    queries::load_all(storage.conn(), false)
}

/// The stored events the lists, the plan and the calendar leave out
/// because a date is outside the allowed years or a row does not read,
/// each as a Russian sentence: what a check of the data reports.
pub fn damaged(storage: &Storage) -> Result<Vec<String>> {
    Ok(queries::damaged(storage.conn())?
        .into_iter()
        .map(|(id, title, why)| {
            format!(
                "Мероприятие № {id} «{title}» не показывается в списках и плане: {why}. \
                 Исправьте даты или удалите мероприятие."
            )
        })
        .collect())
}

/// The occurrences between `filter.from` and `filter.to` (both inclusive;
/// without them a series is expanded for at most two years from its
/// start), sorted by start.
pub fn occurrences(storage: &Storage, filter: &EventFilter) -> Result<Vec<Occurrence>> {
    range::occurrences(storage.conn(), filter)
}

fn series(event: &Event) -> Result<&model::Recurrence> {
    event.data.recurrence.as_ref().ok_or_else(|| {
        CoreError::Conflict(format!(
            "«{}» — не повторяющееся мероприятие: измените само мероприятие.",
            event.data.title
        ))
    })
}

fn occurrence_exists(event: &Event, date: NaiveDate) -> Result<bool> {
    let rule = series(event)?;
    Ok(recurrence::rule_dates(event.data.start.date(), rule, date)
        .last()
        .is_some_and(|d| *d == date))
}

/// Sets the change of one occurrence of a series (moved, cancelled, held
/// with results). Returns the conflicts of the event after it.
pub fn change_occurrence(
    storage: &mut Storage,
    id: i64,
    change: OccurrenceChange,
    now: NaiveDateTime,
) -> Result<EventSaved> {
    let event = get(storage, id)?;
    editable(&event)?;
    if !occurrence_exists(&event, change.date)? {
        return Err(CoreError::invalid(
            "date",
            format!(
                "{} у серии «{}» занятия нет: выберите дату из расписания серии.",
                change.date.format("%d.%m.%Y"),
                event.data.title
            ),
        ));
    }
    let change = validate::change(change).map_err(CoreError::Validation)?;
    let nothing = change.status == event.data.status
        && change.start.is_none()
        && change.actual_count.is_none()
        && change.results.is_empty();
    storage.write(|tx| {
        if nothing {
            queries::remove_change(tx, id, change.date)?;
        } else {
            queries::put_change(tx, id, &change)?;
        }
        queries::touch(tx, id, now)?;
        saved(tx, id)
    })
}

/// Undoes the change of one occurrence: it is again as the rule gives it.
pub fn reset_occurrence(
    storage: &mut Storage,
    id: i64,
    date: NaiveDate,
    now: NaiveDateTime,
) -> Result<Event> {
    let event = get(storage, id)?;
    editable(&event)?;
    series(&event)?;
    storage.write(|tx| {
        queries::remove_change(tx, id, date)?;
        queries::touch(tx, id, now)
    })?;
    get(storage, id)
}

/// Replaces all occurrence changes of a series at once (an import).
pub fn set_changes(
    storage: &mut Storage,
    id: i64,
    changes: Vec<OccurrenceChange>,
    now: NaiveDateTime,
) -> Result<Event> {
    let event = get(storage, id)?;
    if changes.is_empty() && event.changes.is_empty() {
        return Ok(event);
    }
    storage.write(|tx| replace_changes(tx, id, &event.data, changes, now))?;
    get(storage, id)
}

/// [`set_changes`] inside the caller's transaction, for the event as
/// `data` describes it: changes of dates the rule does not give are
/// dropped, the others checked.
pub fn replace_changes(
    conn: &Connection,
    id: i64,
    data: &EventInput,
    changes: Vec<OccurrenceChange>,
    now: NaiveDateTime,
) -> Result<()> {
    let Some(rule) = &data.recurrence else {
        if changes.is_empty() {
            return Ok(());
        }
        return Err(CoreError::Conflict(format!(
            "«{}» — не повторяющееся мероприятие: измените само мероприятие.",
            data.title
        )));
    };
    queries::clear_changes(conn, id)?;
    for c in changes {
        let given = recurrence::rule_dates(data.start.date(), rule, c.date);
        if given.last() != Some(&c.date) {
            continue;
        }
        let c = validate::change(c).map_err(CoreError::Validation)?;
        queries::put_change(conn, id, &c)?;
    }
    queries::touch(conn, id, now)
}

/// Moves or resizes one occurrence (drag in the calendar): a single event
/// gets the new times; an occurrence of a series becomes a moved occurrence.
pub fn reschedule(
    storage: &mut Storage,
    id: i64,
    date: NaiveDate,
    start: NaiveDateTime,
    end: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<EventSaved> {
    let event = get(storage, id)?;
    editable(&event)?;
    if event.data.recurrence.is_none() {
        let input = EventInput {
            start,
            end,
            ..event.data
        };
        return update(storage, id, input, now);
    }
    let mut change = event
        .changes
        .iter()
        .find(|c| c.date == date)
        .cloned()
        .unwrap_or(OccurrenceChange {
            date,
            status: event.data.status,
            ..OccurrenceChange::default()
        });
    change.start = Some(start);
    change.end = Some(end);
    change_occurrence(storage, id, change, now)
}

fn conflicts_in(conn: &Connection, event: &Event) -> Result<Vec<Conflict>> {
    if event.deleted_at.is_some() {
        return Ok(Vec::new());
    }
    let tz = crate::settings::time_zone(conn)?;
    let others = queries::load_all(conn, false)?;
    Ok(conflicts::find(event, &others, tz))
}

/// The conflicts of a stored event with the others.
pub fn conflicts(storage: &Storage, id: i64) -> Result<Vec<Conflict>> {
    let event = get(storage, id)?;
    conflicts_in(storage.conn(), &event)
}

pub fn trash(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<()> {
    let event = get(storage, id)?;
    if event.deleted_at.is_some() {
        return Ok(());
    }
    storage.write(|tx| queries::set_deleted(tx, id, Some(now)))
}

pub fn restore(storage: &mut Storage, id: i64) -> Result<()> {
    let event = get(storage, id)?;
    if event.deleted_at.is_none() {
        return Ok(());
    }
    storage.write(|tx| queries::set_deleted(tx, id, None))
}

/// Deletes an event from the trash for good.
pub fn purge(storage: &mut Storage, id: i64) -> Result<()> {
    let event = get(storage, id)?;
    if event.deleted_at.is_none() {
        return Err(CoreError::Conflict(format!(
            "Мероприятие «{}» не в корзине: навсегда удалить можно только из корзины.",
            event.data.title
        )));
    }
    storage.write(|tx| queries::purge(tx, id))
}

/// Events in the trash, newest deletion first.
pub fn trash_list(storage: &Storage) -> Result<Vec<Event>> {
    let mut list = queries::load_all(storage.conn(), true)?;
    list.sort_by_key(|e| std::cmp::Reverse(e.deleted_at));
    Ok(list)
}

/// The occurrences a partner takes part in (the partner card), by start:
/// from the start of the previous school year to the end of the next one.
pub fn events_of_partner(
    storage: &Storage,
    partner_id: i64,
    now: NaiveDateTime,
) -> Result<Vec<Occurrence>> {
    let today = now.date();
    let year = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    let filter = EventFilter {
        from: NaiveDate::from_ymd_opt(year - 1, 9, 1),
        to: NaiveDate::from_ymd_opt(year + 2, 8, 31),
        partner_id: Some(partner_id),
        ..EventFilter::default()
    };
    occurrences(storage, &filter)
}

/// How many occurrences of each list the start screen shows at first.
pub const DIGEST_LIMIT: usize = 10;

/// The start-screen block: this week's occurrences (not cancelled), and
/// past ones (planned or held) still without results, newest first.
pub fn digest(storage: &Storage, now: NaiveDateTime) -> Result<EventsDigest> {
    digest_with(storage, now, DIGEST_LIMIT)
}

/// The same with each list cut to `limit` occurrences («показать ещё»);
/// the totals are counted before the cut, so they are always true.
pub fn digest_with(storage: &Storage, now: NaiveDateTime, limit: usize) -> Result<EventsDigest> {
    let today = now.date();
    let week_from = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let week_to = week_from + Duration::days(6);
    let mut this_week: Vec<Occurrence> = occurrences(
        storage,
        &EventFilter {
            from: Some(week_from),
            to: Some(week_to),
            ..EventFilter::default()
        },
    )?
    .into_iter()
    .filter(|o| o.status != EventStatus::Cancelled)
    .collect();
    let mut awaiting: Vec<Occurrence> = occurrences(
        storage,
        &EventFilter {
            from: Some(today - Duration::days(366)),
            to: Some(today),
            statuses: vec![EventStatus::Planned, EventStatus::Held],
            ..EventFilter::default()
        },
    )?
    .into_iter()
    .filter(|o| recurrence::span(o.all_day, o.start, o.end).1 <= now && o.results.is_empty())
    .collect();
    awaiting.reverse();
    let total = |v: &Vec<Occurrence>| u32::try_from(v.len()).unwrap_or(u32::MAX);
    let (this_week_total, awaiting_total) = (total(&this_week), total(&awaiting));
    this_week.truncate(limit);
    awaiting.truncate(limit);
    Ok(EventsDigest {
        week_from,
        week_to,
        this_week,
        this_week_total,
        awaiting_results: awaiting,
        awaiting_total,
    })
}

/// The institution's time zone (settings).
pub fn time_zone(storage: &Storage) -> Result<chrono_tz::Tz> {
    crate::settings::time_zone(storage.conn())
}
