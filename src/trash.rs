//! Deleting for good what other domains may still refer to. A partner is a
//! party of agreements and a participant of events; the registry knows
//! neither, so the decision is made here, above all three.

use crate::error::{CoreError, Result};
use crate::storage::Storage;
use crate::{agreements, events, partners};

/// Deletes a partner from the trash for good, unless an agreement or an
/// event still names it.
pub fn purge_partner(storage: &mut Storage, id: i64) -> Result<()> {
    partners::purge(storage, id, |storage, partner| {
        // Agreements keep their parties: a partner who signed one stays.
        let numbers = agreements::numbers_of_partner(storage, id)?;
        if !numbers.is_empty() {
            return Err(CoreError::Conflict(format!(
                "«{}» — сторона договоров № {}: удалить навсегда нельзя, партнёр останется в корзине. \
                 Сначала удалите эти договоры навсегда.",
                partner.data.short_name,
                numbers.join(", № ")
            )));
        }
        // Events keep their participants, held ones are a record of the year.
        let titles = events::queries::titles_of_partner(storage.conn(), id)?;
        if !titles.is_empty() {
            let shown: Vec<String> = titles.iter().take(3).map(|t| format!("«{t}»")).collect();
            let more = if titles.len() > 3 {
                format!(" и ещё {}", titles.len() - 3)
            } else {
                String::new()
            };
            return Err(CoreError::Conflict(format!(
                "«{}» — участник мероприятий {}{more}: удалить навсегда нельзя, партнёр останется \
                 в корзине. Сначала уберите его из этих мероприятий.",
                partner.data.short_name,
                shown.join(", ")
            )));
        }
        Ok(())
    })
}
