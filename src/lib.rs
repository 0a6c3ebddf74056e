//! PartnerNet core: the domain, storage, validation and documents of the
//! «Сетевое взаимодействие» app. It knows nothing of Tauri: the desktop
//! shell and the `partnernet` CLI are thin layers over these functions.

pub mod agreements;
pub mod backups;
pub mod brochures;
pub mod cli;
pub mod damaged;
pub mod demo;
pub mod documents;
pub mod error;
pub mod events;
pub mod exchange;
pub mod exports;
pub mod grammar;
pub mod imports;
pub mod institution;
pub mod network;
pub mod notifications;
pub mod organisation;
pub mod partners;
pub mod persons;
pub mod reports;
pub mod search;
pub mod settings;
pub mod start_over;
pub mod storage;
pub mod text;
pub mod trash;
pub mod validation;
pub mod vocabulary;

pub use error::{ApiError, CoreError, ErrorCode, FieldError, Result};
pub use storage::Storage;
