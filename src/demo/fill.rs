//! Loading the demo into an empty database (first start, `partnernet demo`).

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::error::{CoreError, Result};
use crate::storage::Storage;
use crate::{brochures, documents, institution, partners};

/// Writes the demo institution, partners, agreements, brochure, the
/// events of the current and the last school year, and the network's ties,
/// notes and stage changes in one transaction; refuses a
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
    let moves = super::network::stage_moves(now.date());
    let demo = super::partners_as_of(now.date())
        .into_iter()
        .map(|mut p| {
            // The stage reached when the history says it moved up.
            if let Some((_, _, _, on)) = moves.iter().find(|m| m.0 == p.short_name) {
                p.stage_reached_on = Some(*on);
            }
            p
        })
        .map(|p| partners::prepare_new(storage, p, now))
        .collect::<Result<Vec<_>>>()?;
    let source = brochure();
    let title = brochures::title_of(&source);
    storage.write(|tx| {
        institution::queries::save(tx, &inst, now)?;
        let mut ids = HashMap::new();
        let mut written = Vec::new();
        // The network is older than the demo's year: the partners were
        // entered two years ago, so the quiet ones show as dormant.
        let entered = now - chrono::Duration::days(730);
        for input in &demo {
            let partner = partners::insert_prepared(tx, input, entered)?;
            ids.insert(partner.data.short_name.clone(), partner.id);
            written.push(partner);
        }
        let agreements = super::agreements::load(tx, &ids, now)?;
        brochures::queries::insert(tx, &title, &source, now)?;
        super::events::load(tx, &ids, &agreements, now)?;
        super::network::load(tx, &written, &ids, now)?;
        Ok(demo.len())
    })
}

/// The section of the demo brochure taken from the data: it shows the
/// directives off (`reports::directives` fills them in).
const FROM_DATA: &str = "# Наша сеть сегодня\n\n\
Учреждения культуры и спорта среди партнёров опорного центра и то, что каждое \
из них может предложить (этот раздел программа собирает из реестра партнёров):\n\n\
[[партнёры тип=Учреждения культуры и спорта]]\n\n\
Формы сетевого взаимодействия текущего учебного года и число мероприятий \
каждой формы — по плану и календарю мероприятий:\n\n\
[[формы]]\n\n---\n\n\
Карта сети текущего учебного года: опорный центр, его партнёры и связи между ними \
(размер кружка — число совместных мероприятий и договоров):\n\n\
[[карта]]\n\n";

/// The demo brochure: the engine's demo text with a section from the data
/// before its conclusion.
pub fn brochure() -> String {
    let text = documents::DEMO_BROCHURE;
    match text.find("# Вывод") {
        Some(at) => format!("{}{FROM_DATA}{}", &text[..at], &text[at..]),
        None => format!("{text}\n{FROM_DATA}"),
    }
}
