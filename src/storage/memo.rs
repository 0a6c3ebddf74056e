//! Read models kept while the database has not changed. The network's
//! health over 10 000 partners takes half a second, and «Главная»,
//! «Партнёры» and the map ask for it at every visit; between two visits
//! nothing usually changed. The stamp of the data is SQLite's
//! `data_version` (a commit by another connection or process) and this
//! connection's `total_changes` (its own writes): a result is given back
//! only while both are what they were when it was computed. The memo lives
//! in the `Storage`, so a restored or reopened database starts empty.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use super::Storage;
use crate::error::Result;

/// What the data was when a result was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    data_version: i64,
    total_changes: u64,
}

type Entry = (Stamp, Arc<dyn Any + Send + Sync>);

/// The kept results by key (a read model and its parameters).
#[derive(Default)]
pub(crate) struct Memo {
    entries: RefCell<HashMap<String, Entry>>,
}

impl Storage {
    fn stamp(&self) -> Result<Stamp> {
        let conn = self.conn();
        Ok(Stamp {
            data_version: conn.query_row("PRAGMA data_version", [], |r| r.get(0))?,
            total_changes: conn.total_changes(),
        })
    }

    /// The result of `compute` for `key`, computed again only when the
    /// database changed since it was last kept. `key` names the read model
    /// and every parameter it depends on besides the data («today»…).
    pub fn memo<T: Clone + Send + Sync + 'static>(
        &self,
        key: &str,
        compute: impl FnOnce(&Storage) -> Result<T>,
    ) -> Result<T> {
        let stamp = self.stamp()?;
        let kept = self
            .memo
            .entries
            .borrow()
            .get(key)
            .filter(|(at, _)| *at == stamp)
            .and_then(|(_, value)| value.downcast_ref::<T>().cloned());
        if let Some(value) = kept {
            return Ok(value);
        }
        let value = compute(self)?;
        let mut entries = self.memo.entries.borrow_mut();
        // What was kept for older data is of no use any more.
        entries.retain(|_, (at, _)| *at == stamp);
        entries.insert(key.to_string(), (stamp, Arc::new(value.clone())));
        Ok(value)
    }
}
