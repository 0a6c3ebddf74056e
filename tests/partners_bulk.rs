//! `partners::all` loads every live partner in a handful of queries: the
//! same records, in the list's order, as loading each one by id.

mod common;

use common::{now, open, school};
use partnernet::partners::{self, model::PartnerFilter};

#[test]
fn all_partners_at_once_are_each_partner_by_id() {
    let (_dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let extra = partners::create(&mut storage, school(7), now())
        .expect("school")
        .id;
    let gone = partners::create(&mut storage, school(8), now())
        .expect("school")
        .id;
    partners::trash(&mut storage, gone, now()).expect("trash");
    let all = partners::all(&storage).expect("all");
    let by_id: Vec<_> = partners::list(&storage, &PartnerFilter::default())
        .expect("list")
        .iter()
        .map(|s| partners::get(&storage, s.id).expect("get"))
        .collect();
    assert_eq!(all, by_id);
    assert!(all.iter().any(|p| p.id == extra));
    assert!(all.iter().all(|p| p.id != gone), "the trash is left out");
    assert!(all.iter().any(|p| !p.data.contacts.is_empty()));
    assert!(all.iter().any(|p| !p.data.resources.is_empty()));
    assert!(all.iter().any(|p| !p.data.requests.is_empty()));
    assert!(all.iter().any(|p| !p.data.readiness.is_empty()));
}
