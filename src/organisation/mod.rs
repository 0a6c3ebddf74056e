//! An organisation as the documents see it: its requisites and its head,
//! their checks and their columns. Partners, the user's own institution and
//! the parties of an agreement are all organisations, so this sits below
//! them and knows none of them.

pub mod columns;
pub mod model;
pub mod validate;
