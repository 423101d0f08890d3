//! Pieces shared by several pages.

pub mod answer_view;
pub mod before_interview;
pub mod category_select;
pub mod feedback;
pub mod form;
pub mod hands_free;
pub mod insight_card;
pub mod install_nudge;
pub mod interview_fields;
pub mod interview_questions;
pub mod interview_when;
pub mod lessons;
pub mod letters;
pub mod lock_settings;
pub mod nav;
pub mod notices;
pub mod number_setting;
pub mod practice_hooks;
pub mod quote;
pub mod reflection_form;
pub mod rejection;
pub mod show_more;
pub mod today;
pub mod upcoming;
pub mod your_data;
