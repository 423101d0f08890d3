//! The functional core: plain Rust with no browser, no Leptos, no storage access. Everything
//! here is tested natively with `cargo test --lib`.

pub mod backup;
pub mod balance;
pub mod calendar;
pub mod charts;
pub mod choice;
pub mod collections;
pub mod countdown;
pub mod display;
pub mod encouragement;
pub mod insights;
pub mod interview_parts;
pub mod journey;
pub mod letters;
pub mod lock;
pub mod model;
pub mod order;
pub mod packing;
pub mod paging;
pub mod pipeline;
pub mod plan;
pub mod practice;
pub mod questions;
pub mod schema;
pub mod search;
pub mod session;
pub mod sync;
#[cfg(test)]
pub(crate) mod test_days;
pub mod transfer;
