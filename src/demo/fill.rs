//! Loading the demo into an empty database (first start, `partnernet demo`).

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::error::{CoreError, Result};
use crate::storage::Storage;
use crate::{brochures, documents, institution, partners};

/// Writes the demo institution, partners, agreements, brochure and the
/// events of the current school year in one transaction; refuses a
/// database that already has data, so nothing of the user's is mixed with
/// the demo. Returns the number of partners written.
pub fn fill(storage: &mut Storage, now: NaiveDateTime) -> Result<usize> {
    if !storage.info()?.is_empty {
        return Err(CoreError::Conflict(
            "В базе уже есть данные: демонстрационные данные загружаются только в пустую базу. \
             Укажите другую папку данных (--data-dir)."
                .to_string(),
        ));
    }
    let inst = institution::normalize(super::institution(), now).map_err(CoreError::Validation)?;
    let demo = super::partners_as_of(now.date())
        .into_iter()
        .map(|p| partners::prepare_new(storage, p, now))
        .collect::<Result<Vec<_>>>()?;
    let title = brochures::title_of(documents::DEMO_BROCHURE);
    storage.write(|tx| {
        institution::queries::save(tx, &inst, now)?;
        let mut ids = HashMap::new();
        // The network is older than the demo's year: the partners were
        // entered two years ago, so the quiet ones show as dormant.
        let entered = now - chrono::Duration::days(730);
        for input in &demo {
            let partner = partners::insert_prepared(tx, input, entered)?;
            ids.insert(partner.data.short_name, partner.id);
        }
        let agreements = super::agreements::load(tx, &ids, now)?;
        brochures::queries::insert(tx, &title, documents::DEMO_BROCHURE, now)?;
        super::events::load(tx, &ids, &agreements, now)?;
        Ok(demo.len())
    })
}
