//! One file a screen. Pages read state from context (`state::use_app`), never from storage.

pub mod interview_detail;
pub mod interview_list;
pub mod interview_new;
pub mod journey;
pub mod more;
pub mod not_found;
pub mod plan;
pub mod practice;
pub mod prep_sheet;
pub mod question_detail;
pub mod questions;
pub mod search;
pub mod settings;
pub mod today;
pub mod unlock;
pub mod write_answers;
