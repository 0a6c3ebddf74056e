//! The user's own institution and the deficit ↔ resource matching
//! («С чего начать?»: which deficits can which partners compensate).

pub mod model;
pub mod queries;

use chrono::NaiveDateTime;

use crate::error::{CoreError, FieldError, Result};
use crate::organisation::validate::{head, requisites, Problems};
use crate::storage::Storage;
use crate::text::{clean_tags, words};
use model::{DeficitMatch, Institution, MatchedPartner};

/// The profile, or an empty one before the first save.
pub fn get(storage: &Storage) -> Result<Institution> {
    Ok(queries::load(storage.conn())?.unwrap_or_default())
}

pub fn normalize(
    mut inst: Institution,
    now: NaiveDateTime,
) -> Result<Institution, Vec<FieldError>> {
    let mut p = Problems::default();
    for s in [
        &mut inst.full_name,
        &mut inst.short_name,
        &mut inst.unit,
        &mut inst.city,
        &mut inst.region,
    ] {
        *s = s.trim().to_string();
    }
    if inst.full_name.is_empty() {
        p.add(
            "full_name",
            "Укажите полное наименование своего учреждения.",
        );
    }
    if inst.short_name.is_empty() {
        inst.short_name = inst.full_name.clone();
    }
    requisites(&mut p, "requisites", &mut inst.requisites, now.date());
    head(&mut p, "head", &mut inst.head);
    inst.strengths = clean_tags(&inst.strengths);
    inst.deficits = clean_tags(&inst.deficits);
    p.into_result(inst)
}

pub fn check(inst: &Institution, now: NaiveDateTime) -> Vec<FieldError> {
    normalize(inst.clone(), now).err().unwrap_or_default()
}

pub fn save(storage: &mut Storage, inst: Institution, now: NaiveDateTime) -> Result<Institution> {
    let inst = normalize(inst, now).map_err(CoreError::Validation)?;
    storage.write(|tx| queries::save(tx, &inst, now))?;
    get(storage)
}

/// Word stems long enough to carry meaning: «спортивного» and «спортивный»
/// share «спорти». Short words («для», «и») are ignored.
fn stems(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.chars().take(6).collect())
        .collect()
}

/// A resource matches a deficit when they share a meaningful word stem.
pub fn matches_deficit(deficit: &str, resource: &str) -> bool {
    Stemmed::new(deficit).matches(&Stemmed::new(resource))
}

/// A deficit or a resource folded and cut into stems once, for matching
/// many of them (the network's health matches every partner's resources).
pub struct Stemmed {
    folded: String,
    stems: Vec<String>,
}

impl Stemmed {
    pub fn new(text: &str) -> Self {
        Stemmed {
            folded: crate::text::fold(text.trim()),
            stems: stems(text),
        }
    }

    /// [`matches_deficit`] of this deficit and `resource`.
    pub fn matches(&self, resource: &Stemmed) -> bool {
        self.folded == resource.folded || self.stems.iter().any(|s| resource.stems.contains(s))
    }
}

/// For each deficit of the institution, the partners offering a matching resource.
pub fn deficit_matches(storage: &Storage) -> Result<Vec<DeficitMatch>> {
    let inst = get(storage)?;
    let offered = queries::offered_resources(storage.conn())?;
    Ok(inst
        .deficits
        .iter()
        .map(|deficit| DeficitMatch {
            deficit: deficit.clone(),
            partners: offered
                .iter()
                .filter(|(_, _, resource)| matches_deficit(deficit, resource))
                .map(|(id, name, resource)| MatchedPartner {
                    partner_id: *id,
                    short_name: name.clone(),
                    resource: resource.clone(),
                })
                .collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_by_stems() {
        assert!(matches_deficit(
            "Спортивный зал",
            "Спортивный зал и стадион"
        ));
        assert!(matches_deficit(
            "Информационное освещение",
            "Освещение мероприятий в газете"
        ));
        assert!(!matches_deficit("Спортивный зал", "Музейные фонды"));
        assert!(matches_deficit("Зал", "зал"));
        assert!(
            !matches_deficit("Зал для занятий", "Зал"),
            "short words alone carry no meaning"
        );
    }
}
