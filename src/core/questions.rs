//! The question bank: tough questions met in interviews, a starter set of common hard ones, and
//! the user's prepared answers (free text or STAR) with their dated revision history.

use serde::{Deserialize, Serialize};

use super::model::{Extra, Id, Millis, Versioned, MAX_FIELD_CHARS};

crate::choice! {
    /// What kind of question it is, for browsing and practising by theme.
    #[derive(Default)]
    pub enum Category {
        #[default]
        Behavioural = "behavioural", "Behavioural";
        Situational = "situational", "Situational";
        Technical = "technical", "Technical";
        Motivation = "motivation", "Why us, why this role";
        Weaknesses = "weaknesses", "Weaknesses and failures";
        Salary = "salary", "Salary and terms";
        CareerStory = "career_story", "Career story";
        AskThem = "ask_them", "Questions to ask them";
    }
}

/// A question from the built-in starter set, with a tip on what the interviewer is really asking.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StarterQuestion {
    pub id: &'static str,
    pub category: Category,
    pub text: &'static str,
    pub tip: &'static str,
}

const fn sq(
    id: &'static str,
    category: Category,
    text: &'static str,
    tip: &'static str,
) -> StarterQuestion {
    StarterQuestion {
        id,
        category,
        text,
        tip,
    }
}

use Category::{
    AskThem, Behavioural, CareerStory, Motivation, Salary, Situational, Technical, Weaknesses,
};

/// The starter set: common hard questions, eight or more per category. Ids are stable forever
/// (answers are stored under them); wording and tips may be improved in later versions.
pub const STARTER: &[StarterQuestion] = &[
    // Behavioural: "tell me about a time…"
    sq(
        "s-behavioural-01",
        Behavioural,
        "Tell me about a time you disagreed with a colleague or your manager.",
        "Can you disagree with respect and still get the work done? End with where the relationship stood afterwards.",
    ),
    sq(
        "s-behavioural-02",
        Behavioural,
        "Describe a time you had to deliver under a tight deadline.",
        "How you prioritise when time runs short. Name what you dropped, what you kept, and how it turned out.",
    ),
    sq(
        "s-behavioural-03",
        Behavioural,
        "Tell me about a time you led something without being in charge.",
        "Influence without authority: how you got people on board. One concrete step you took beats a general claim.",
    ),
    sq(
        "s-behavioural-04",
        Behavioural,
        "Give an example of dealing with a difficult customer or stakeholder.",
        "Calm and empathy under pressure. Say what you heard, what you did, and what changed for them.",
    ),
    sq(
        "s-behavioural-05",
        Behavioural,
        "Tell me about something you're proud of achieving at work.",
        "Pick a result that matters for this role. Say what you did yourself, and put a number on it if you can.",
    ),
    sq(
        "s-behavioural-06",
        Behavioural,
        "Describe a time you had to learn something new very quickly.",
        "How well you pick things up. Say how you learned, not just that you did, and what you used it for.",
    ),
    sq(
        "s-behavioural-07",
        Behavioural,
        "Tell me about a time you went beyond what was asked of you.",
        "Initiative and judgement. Choose a time the extra effort clearly helped someone, not just a late night.",
    ),
    sq(
        "s-behavioural-08",
        Behavioural,
        "Tell me about a time you changed someone's mind.",
        "Persuasion with evidence and patience. Show that you understood their view before making your case.",
    ),
    // Situational: "what would you do if…"
    sq(
        "s-situational-01",
        Situational,
        "What would you do if you realised you couldn't meet a deadline?",
        "Raising problems early beats heroics. Say who you'd tell, when, and which options you'd bring them.",
    ),
    sq(
        "s-situational-02",
        Situational,
        "What would you do if a colleague wasn't pulling their weight?",
        "Do you talk before you escalate? Start with a private, curious chat; say when you'd involve a manager.",
    ),
    sq(
        "s-situational-03",
        Situational,
        "How would you handle two urgent requests from two managers at once?",
        "Prioritising in the open. Show you'd get them to agree, or ask who decides, rather than quietly pick one.",
    ),
    sq(
        "s-situational-04",
        Situational,
        "What would you do if you disagreed with a decision your manager made?",
        "Candour and loyalty together: raise it once, in private, with reasons; then commit if it stands.",
    ),
    sq(
        "s-situational-05",
        Situational,
        "What would you do in your first 90 days here?",
        "Is your plan realistic? Listen and learn first, find a quick win, then build. Tie it to what they told you.",
    ),
    sq(
        "s-situational-06",
        Situational,
        "What would you do if a customer asked for something against policy?",
        "Judgement and tact. Say no to the request, not to the person, and offer what you can do instead.",
    ),
    sq(
        "s-situational-07",
        Situational,
        "What would you do if you found a serious mistake in work already sent out?",
        "Honesty and ownership. Flag it fast, limit the damage, fix it, then stop it happening the same way again.",
    ),
    sq(
        "s-situational-08",
        Situational,
        "What would you do if you were given a task with unclear instructions?",
        "Do you ask or guess? Show how you'd clarify the goal, check in early, and state your assumptions.",
    ),
    // Technical, across fields: method, clarity, quality, tools.
    sq(
        "s-technical-01",
        Technical,
        "Walk me through how you approach a problem you've never seen before.",
        "They want your method, not a flash of genius: understand it, break it down, try something small, check.",
    ),
    sq(
        "s-technical-02",
        Technical,
        "Explain something complex from your field as if I were new to it.",
        "Can you make hard things clear? Use one everyday comparison, skip the jargon, check they're following.",
    ),
    sq(
        "s-technical-03",
        Technical,
        "How do you make sure your work is of good quality?",
        "Name your habits: checklists, reviews, tests, asking for feedback. A mistake you caught early makes it real.",
    ),
    sq(
        "s-technical-04",
        Technical,
        "Which tools do you use day to day, and why those?",
        "Reasons, not a list. Say what each tool helps you do, and how you'd pick up the ones they use.",
    ),
    sq(
        "s-technical-05",
        Technical,
        "What's the most technically demanding thing you've worked on?",
        "Depth and honesty. Explain why it was hard, which part was yours, and what you'd do differently now.",
    ),
    sq(
        "s-technical-06",
        Technical,
        "How do you keep your skills up to date?",
        "Curiosity that follows through. Name something you learned recently and where you've already used it.",
    ),
    sq(
        "s-technical-07",
        Technical,
        "How do you decide between a quick fix and doing it properly?",
        "Trade-offs. Show you weigh risk, time and cost, and that a quick fix comes with a plan to go back to it.",
    ),
    sq(
        "s-technical-08",
        Technical,
        "What do you do when you get stuck?",
        "Resourcefulness, and knowing when to ask. Say how long you'd try alone, where you'd look, who you'd ask.",
    ),
    // Motivation: why us, why this role, why leave.
    sq(
        "s-motivation-01",
        Motivation,
        "Why do you want to work here?",
        "Have you done your homework? Name something specific about them and link it to what you care about.",
    ),
    sq(
        "s-motivation-02",
        Motivation,
        "Why this role?",
        "Does the work itself suit you? Match two or three parts of the job to things you enjoy and do well.",
    ),
    sq(
        "s-motivation-03",
        Motivation,
        "Why are you looking to leave your current job?",
        "Looking forward, not back. Talk about what you're moving towards, and never run down your employer.",
    ),
    sq(
        "s-motivation-04",
        Motivation,
        "What do you know about us?",
        "A chance to show your research: what they do, for whom, something recent, and why it interests you.",
    ),
    sq(
        "s-motivation-05",
        Motivation,
        "Where do you see yourself in five years?",
        "Will you stay and grow? Describe the skills and responsibility you want, in a direction this role leads.",
    ),
    sq(
        "s-motivation-06",
        Motivation,
        "What motivates you at work?",
        "Be honest and specific: something true that this role offers, and a moment when you felt it.",
    ),
    sq(
        "s-motivation-07",
        Motivation,
        "Why should we hire you?",
        "Your pitch in under a minute: what they need, proof you can do it, and one thing extra you'd bring.",
    ),
    sq(
        "s-motivation-08",
        Motivation,
        "What kind of team and manager do you work best with?",
        "Fit and self-knowledge. Say what helps you thrive, and show you can work well with other styles too.",
    ),
    // Weaknesses and failures.
    sq(
        "s-weaknesses-01",
        Weaknesses,
        "What is your greatest weakness?",
        "Self-awareness. Choose a real one that isn't central to the job, and show what you're doing about it.",
    ),
    sq(
        "s-weaknesses-02",
        Weaknesses,
        "Tell me about a time you failed.",
        "Can you own a setback? Keep the failure brief and spend most of your answer on what you changed.",
    ),
    sq(
        "s-weaknesses-03",
        Weaknesses,
        "Tell me about a mistake you made and how you handled it.",
        "Honesty first, then repair: who you told, what you fixed, and the habit you built afterwards.",
    ),
    sq(
        "s-weaknesses-04",
        Weaknesses,
        "What feedback have you had that was hard to hear?",
        "Are you coachable? Show you listened rather than defended, then one concrete change you made.",
    ),
    sq(
        "s-weaknesses-05",
        Weaknesses,
        "Tell me about a project that didn't go to plan.",
        "How you respond when things slip: what you noticed, how you adapted, what you'd spot sooner next time.",
    ),
    sq(
        "s-weaknesses-06",
        Weaknesses,
        "What would your last manager say you could do better?",
        "Say something true they'd recognise, and what you're already doing about it. Honesty beats polish.",
    ),
    sq(
        "s-weaknesses-07",
        Weaknesses,
        "Tell me about a goal you didn't reach.",
        "Ambition with realism. Show what you tried, why it fell short, and what it taught you about goals.",
    ),
    sq(
        "s-weaknesses-08",
        Weaknesses,
        "What do you find hardest about your work?",
        "Name a real challenge and how you manage it. Pick one that isn't the heart of this job.",
    ),
    // Salary and terms.
    sq(
        "s-salary-01",
        Salary,
        "What are your salary expectations?",
        "Are you within budget? Know the going rate, give a range you'd be glad with, stay open on the package.",
    ),
    sq(
        "s-salary-02",
        Salary,
        "What are you earning at the moment?",
        "They're setting an anchor. You can steer to what this role is worth and what you're looking for.",
    ),
    sq(
        "s-salary-03",
        Salary,
        "What is your notice period?",
        "When can you start? Know your contract, give a clear date, and mention any real flexibility.",
    ),
    sq(
        "s-salary-04",
        Salary,
        "Are you interviewing anywhere else?",
        "How keen, and how in demand? Be honest and brief, no names needed, and say why this one stands out.",
    ),
    sq(
        "s-salary-05",
        Salary,
        "If we offered you the job today, would you accept?",
        "Are you serious about them? Show real enthusiasm, and say you'd like to see the full offer first.",
    ),
    sq(
        "s-salary-06",
        Salary,
        "Would you accept less than you asked for?",
        "They're testing your floor. Know it before you go in, and weigh the whole package, not just the pay.",
    ),
    sq(
        "s-salary-07",
        Salary,
        "Are you open to relocating or travelling?",
        "Practical fit. Be clear about what works for you now; a vague yes you can't keep helps nobody.",
    ),
    sq(
        "s-salary-08",
        Salary,
        "How do you feel about long hours, on-call or weekend work?",
        "Expectations on both sides. Ask what's typical before you answer, then be honest about what you can do.",
    ),
    // Career story: the CV, gaps, moves, changes of field.
    sq(
        "s-career-story-01",
        CareerStory,
        "Walk me through your CV.",
        "A two-minute story, not a list: where you started, the thread through your moves, why this role is next.",
    ),
    sq(
        "s-career-story-02",
        CareerStory,
        "Tell me about yourself.",
        "Their warm-up, your first impression: who you are at work now, one highlight, and why you're here.",
    ),
    sq(
        "s-career-story-03",
        CareerStory,
        "Can you explain this gap in your CV?",
        "They want reassurance, not a confession. Say briefly what you did, and what you're ready for now.",
    ),
    sq(
        "s-career-story-04",
        CareerStory,
        "Why did you leave your last job?",
        "Short, true and forward-looking, even after a redundancy: what you learned and what you want next.",
    ),
    sq(
        "s-career-story-05",
        CareerStory,
        "Why are you changing field?",
        "Is it a considered move? Show what draws you, the steps you've already taken, and the skills you bring.",
    ),
    sq(
        "s-career-story-06",
        CareerStory,
        "You've changed jobs quite often. Why is that?",
        "Will you stay? Give the honest reasons briefly, find the common thread, and say what you want now.",
    ),
    sq(
        "s-career-story-07",
        CareerStory,
        "Aren't you overqualified for this role?",
        "Will you get bored and leave? Explain why this role fits where you want to be, and what you'd gain.",
    ),
    sq(
        "s-career-story-08",
        CareerStory,
        "What has been the biggest turning point in your career?",
        "Your values, told as a story. Pick a moment that changed your direction and link it to this role.",
    ),
    // Questions to ask them: the tip says why it is worth asking.
    sq(
        "s-ask-them-01",
        AskThem,
        "What would a great first six months look like in this role?",
        "Shows you're already thinking about doing well, and tells you what they'll really judge you on.",
    ),
    sq(
        "s-ask-them-02",
        AskThem,
        "What are the biggest challenges facing the team right now?",
        "Shows you want to help, and reveals the real work behind the job description.",
    ),
    sq(
        "s-ask-them-03",
        AskThem,
        "How would you describe the way this team works together?",
        "Tells you what a normal day feels like. Listen for concrete examples rather than slogans.",
    ),
    sq(
        "s-ask-them-04",
        AskThem,
        "What do you enjoy most about working here?",
        "People light up or hesitate, and either tells you a lot. It also ends things on a warm, personal note.",
    ),
    sq(
        "s-ask-them-05",
        AskThem,
        "How do you help people here learn and grow?",
        "Shows you mean to grow with them, and tells you whether training and progression really happen.",
    ),
    sq(
        "s-ask-them-06",
        AskThem,
        "Is this a new role, or what made it open up?",
        "Tells you whether it's growth or turnover, and what they hope will be different this time.",
    ),
    sq(
        "s-ask-them-07",
        AskThem,
        "Is there anything in my background that gives you pause?",
        "Brave but useful: you get to answer a doubt now, while you're still in the room.",
    ),
    sq(
        "s-ask-them-08",
        AskThem,
        "What are the next steps, and when might I hear back?",
        "Shows you're keen and spares you days of wondering. Note the date so you know when to follow up.",
    ),
];

/// The starter question with this id, if there is one.
pub fn starter(id: &str) -> Option<&'static StarterQuestion> {
    STARTER.iter().find(|s| s.id == id)
}

/// About how many words a minute people speak in an interview.
pub const WORDS_PER_MINUTE: u32 = 140;

/// A prepared answer: free text, or the four parts of STAR when `star` is set. Both are kept,
/// so switching modes never loses what was written in the other.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct Answer {
    pub star: bool,
    pub text: String,
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Answer {
    /// The STAR parts with their labels, in order.
    fn star_parts(&self) -> [(&'static str, &str); 4] {
        [
            ("Situation", &self.situation),
            ("Task", &self.task),
            ("Action", &self.action),
            ("Result", &self.result),
        ]
    }

    /// Nothing written in the mode in use (whitespace counts as nothing).
    pub fn is_empty(&self) -> bool {
        if self.star {
            self.star_parts().iter().all(|(_, s)| s.trim().is_empty())
        } else {
            self.text.trim().is_empty()
        }
    }

    /// Words in the mode in use (for STAR, all four parts together).
    pub fn word_count(&self) -> usize {
        if self.star {
            self.star_parts()
                .iter()
                .map(|(_, s)| s.split_whitespace().count())
                .sum()
        } else {
            self.text.split_whitespace().count()
        }
    }

    /// How long the answer takes to say, at about [`WORDS_PER_MINUTE`], rounded to the second.
    pub fn speaking_seconds(&self) -> u32 {
        let words = u64::try_from(self.word_count()).unwrap_or(u64::MAX);
        let wpm = u64::from(WORDS_PER_MINUTE);
        let secs = words.saturating_mul(60).saturating_add(wpm / 2) / wpm;
        u32::try_from(secs).unwrap_or(u32::MAX)
    }

    /// A friendly estimate: "about 40 seconds", "about a minute and a half", "about 2 minutes";
    /// "" when there is nothing to say yet.
    pub fn speaking_label(&self) -> String {
        if self.is_empty() {
            return String::new();
        }
        speaking_label(self.speaking_seconds())
    }

    /// The answer as one text, for reading back in practice: the free text, or
    /// "Situation: …\nTask: …\nAction: …\nResult: …" without the parts left empty.
    pub fn as_text(&self) -> String {
        if self.star {
            self.star_parts()
                .iter()
                .filter(|(_, s)| !s.trim().is_empty())
                .map(|(label, s)| format!("{label}: {}", s.trim()))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            self.text.trim().to_string()
        }
    }

    /// The same answer with every field cut to [`MAX_FIELD_CHARS`].
    fn clamped(mut self) -> Answer {
        for field in [
            &mut self.text,
            &mut self.situation,
            &mut self.task,
            &mut self.action,
            &mut self.result,
        ] {
            clamp_chars(field);
        }
        self
    }
}

fn clamp_chars(s: &mut String) {
    if let Some((cut, _)) = s.char_indices().nth(MAX_FIELD_CHARS) {
        s.truncate(cut);
    }
}

fn speaking_label(secs: u32) -> String {
    // Under a minute: to the nearest 5 seconds (never "0 seconds").
    let fives = (secs.saturating_add(2) / 5 * 5).max(5);
    if fives < 60 {
        return format!("about {fives} seconds");
    }
    // Up to three minutes, halves are worth saying; beyond that, whole minutes.
    let halves = secs.saturating_add(15) / 30;
    match halves {
        0..=2 => "about a minute".to_string(),
        3 => "about a minute and a half".to_string(),
        5 => "about 2 and a half minutes".to_string(),
        _ => format!("about {} minutes", secs.saturating_add(30) / 60),
    }
}

/// An earlier answer and when it was last written.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
#[serde(default)]
pub struct Revision {
    pub at: Millis,
    pub answer: Answer,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A question in the bank, with the user's answer and its history.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(default)]
pub struct Question {
    pub id: Id,
    pub text: String,
    pub category: Category,
    pub tip: String,
    /// True when `id` is a [`STARTER`] id: text, tip and category then come from [`STARTER`].
    pub starter: bool,
    /// Hidden questions never come up in practice.
    pub hidden: bool,
    pub answer: Answer,
    /// Earlier answers, oldest first.
    pub revisions: Vec<Revision>,
    /// The interview where this question caught the user out, if any.
    pub interview_id: Option<Id>,
    pub created: Millis,
    pub updated: Millis,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Versioned for Question {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> Millis {
        self.updated
    }
}

/// A pause in editing at least this long starts a new revision.
pub const REVISION_GAP_MS: Millis = 30 * 60 * 1000;

impl Question {
    /// A question of the user's own, not yet answered.
    pub fn new(id: Id, text: String, category: Category, now: Millis) -> Question {
        let mut text = text;
        clamp_chars(&mut text);
        Question {
            id,
            text,
            category,
            created: now,
            updated: now,
            ..Question::default()
        }
    }

    /// The question as built from a starter, not yet stored.
    fn from_starter(s: &StarterQuestion) -> Question {
        Question {
            id: s.id.to_string(),
            text: s.text.to_string(),
            category: s.category.clone(),
            tip: s.tip.to_string(),
            starter: true,
            ..Question::default()
        }
    }

    /// Keep the current answer as a revision dated `self.updated`, unless it is empty, equal to
    /// `next`, or already in the history (so switching back and forth adds nothing).
    fn keep_current(&mut self, next: &Answer) -> bool {
        if self.answer.is_empty() || self.answer == *next {
            return false;
        }
        if self.revisions.iter().any(|r| r.answer == self.answer) {
            return false;
        }
        self.revisions.push(Revision {
            at: self.updated,
            answer: self.answer.clone(),
            extra: Extra::new(),
        });
        true
    }

    /// Replace the answer as the user types (each field cut to [`MAX_FIELD_CHARS`]).
    ///
    /// Dated history without a revision per keystroke: when the user comes back to a non-empty
    /// answer after a pause of at least [`REVISION_GAP_MS`], the answer as it stood is pushed as
    /// a [`Revision`] dated `self.updated` (when it was last written) before being replaced. So
    /// each editing session leaves one revision, and two revisions are never pushed less than
    /// the gap apart. Sets `updated = now` when the answer changes (an identical answer changes
    /// nothing). Returns whether a revision was pushed.
    pub fn edit_answer(&mut self, answer: Answer, now: Millis) -> bool {
        let answer = answer.clamped();
        if answer == self.answer {
            return false;
        }
        let paused = now.saturating_sub(self.updated) >= REVISION_GAP_MS;
        let pushed = paused && self.keep_current(&answer);
        self.answer = answer;
        self.updated = now;
        pushed
    }

    /// Bring back revision `index` as the current answer. The current answer (if non-empty and
    /// different) becomes the newest revision first, so nothing is lost; the restored revision
    /// stays in the history too. Returns false for a bad index.
    pub fn restore_revision(&mut self, index: usize, now: Millis) -> bool {
        let Some(restored) = self.revisions.get(index).map(|r| r.answer.clone()) else {
            return false;
        };
        if restored == self.answer {
            return true;
        }
        self.keep_current(&restored);
        self.answer = restored;
        self.updated = now;
        true
    }
}

/// The whole bank: every stored question, plus every [`STARTER`] question not stored yet (built
/// with `starter: true`, created/updated 0). A stored question whose id is a starter id takes its
/// text, tip and category from [`STARTER`] (so wording fixes reach users), keeping the user's
/// answer, history and hidden flag. A stored starter whose id has left [`STARTER`] is kept as a
/// question of the user's own (nothing is lost).
///
/// Order: the user's own questions first (newest `created` first), then the starters in
/// [`STARTER`] order.
/// The ids of the bank's questions that may come up in practice (not hidden), in the bank's
/// order, without copying any question: what the practice queue starts from. Same as
/// `bank(stored)` filtered on `!hidden` and mapped to ids.
pub fn visible_ids(stored: &[Question]) -> Vec<Id> {
    let mut own: Vec<&Question> = stored.iter().filter(|q| starter(&q.id).is_none()).collect();
    crate::core::order::sort_by_key(&mut own, |q| std::cmp::Reverse(q.created));
    let mut ids: Vec<Id> = own
        .into_iter()
        .filter(|q| !q.hidden)
        .map(|q| q.id.clone())
        .collect();
    for s in STARTER {
        let latest = stored.iter().filter(|q| q.id == s.id).reduce(|a, b| {
            if b.updated > a.updated {
                b
            } else {
                a
            }
        });
        if !latest.is_some_and(|q| q.hidden) {
            ids.push(s.id.to_string());
        }
    }
    ids
}

pub fn bank(stored: &[Question]) -> Vec<Question> {
    let mut own: Vec<Question> = stored
        .iter()
        .filter(|q| starter(&q.id).is_none())
        .cloned()
        .map(|mut q| {
            q.starter = false;
            q
        })
        .collect();
    crate::core::order::sort_by_key(&mut own, |q| std::cmp::Reverse(q.created));

    let starters = STARTER.iter().map(|s| {
        // Should the same starter be stored twice, the latest write wins.
        let stored = stored.iter().filter(|q| q.id == s.id).reduce(|a, b| {
            if b.updated > a.updated {
                b
            } else {
                a
            }
        });
        match stored {
            Some(q) => Question {
                text: s.text.to_string(),
                tip: s.tip.to_string(),
                category: s.category.clone(),
                starter: true,
                ..q.clone()
            },
            None => Question::from_starter(s),
        }
    });
    own.extend(starters);
    own
}

/// Case-insensitive search in the question, its tip and its answer (both modes), optionally
/// within one category. Every word of the query must appear; an empty query matches all. Keeps
/// the input order.
pub fn filter<'a>(
    questions: &'a [Question],
    category: Option<Category>,
    query: &str,
) -> Vec<&'a Question> {
    let query = query.to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    questions
        .iter()
        .filter(|q| category.as_ref().is_none_or(|c| q.category == *c))
        .filter(|q| {
            if words.is_empty() {
                return true;
            }
            let a = &q.answer;
            let haystack = [
                &q.text,
                &q.tip,
                &a.text,
                &a.situation,
                &a.task,
                &a.action,
                &a.result,
            ]
            .iter()
            .map(|s| s.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
            words.iter().all(|w| haystack.contains(w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn visible_ids_are_the_banks_visible_questions_in_order() {
        let mut own = Question::new("own-1".into(), "Mine".into(), Category::Technical, 5);
        own.hidden = false;
        let mut hidden = Question::new("own-2".into(), "Hidden".into(), Category::Technical, 9);
        hidden.hidden = true;
        let mut starter_hidden = Question::from_starter(&STARTER[3]);
        starter_hidden.hidden = true;
        starter_hidden.updated = 3;
        let stored = vec![own, hidden, starter_hidden];
        let expected: Vec<Id> = bank(&stored)
            .into_iter()
            .filter(|q| !q.hidden)
            .map(|q| q.id)
            .collect();
        assert_eq!(visible_ids(&stored), expected);
        assert_eq!(visible_ids(&[]).len(), STARTER.len());
    }

    use super::*;
    use crate::core::choice::Choice;
    use std::collections::BTreeSet;

    const MIN: Millis = 60 * 1000;

    fn free(text: &str) -> Answer {
        Answer {
            text: text.into(),
            ..Answer::default()
        }
    }

    fn star(s: &str, t: &str, a: &str, r: &str) -> Answer {
        Answer {
            star: true,
            situation: s.into(),
            task: t.into(),
            action: a.into(),
            result: r.into(),
            ..Answer::default()
        }
    }

    fn words(n: usize) -> String {
        vec!["word"; n].join(" ")
    }

    #[test]
    fn category_keys_and_labels() {
        for c in Category::ALL {
            assert_eq!(Category::from_key(c.key()), Some(c.clone()));
            assert!(!c.label().is_empty());
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.key()), "serde name is the key");
        }
        assert_eq!(Category::from_key("nope"), None);
        assert_eq!(Category::CareerStory.key(), "career_story");
        assert_eq!(Category::AskThem.label(), "Questions to ask them");
        // A category from a newer version is kept as it was, and written back unchanged.
        let unknown: Category = serde_json::from_str("\"from_the_future\"").unwrap();
        assert_eq!(unknown, Category::Other("from_the_future".into()));
        assert_eq!(
            serde_json::to_string(&unknown).unwrap(),
            "\"from_the_future\""
        );
    }

    #[test]
    fn starter_set_is_sound() {
        assert!(STARTER.len() >= 64);
        let ids: BTreeSet<&str> = STARTER.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), STARTER.len(), "ids are unique");
        let texts: BTreeSet<&str> = STARTER.iter().map(|s| s.text).collect();
        assert_eq!(texts.len(), STARTER.len(), "no question twice");
        for c in Category::ALL.iter().cloned() {
            let n = STARTER.iter().filter(|s| s.category == c).count();
            assert!(n >= 8, "{} has only {n}", c.key());
        }
        for s in STARTER {
            let prefix = format!("s-{}-", s.category.key().replace('_', "-"));
            assert!(s.id.starts_with(&prefix), "{} should start {prefix}", s.id);
            assert!(!s.text.trim().is_empty(), "{} has no text", s.id);
            assert!(!s.tip.trim().is_empty(), "{} has no tip", s.id);
            assert!(s.text.ends_with('?') || s.text.ends_with('.'), "{}", s.id);
            assert!(
                s.tip.ends_with('.'),
                "{} tip should end with a full stop",
                s.id
            );
            let len = s.tip.chars().count();
            assert!(len <= 140, "{} tip is {len} chars", s.id);
            assert_eq!(starter(s.id), Some(s));
        }
        assert_eq!(
            starter("s-behavioural-01").map(|s| s.category.clone()),
            Some(Category::Behavioural)
        );
        assert_eq!(starter("nope"), None);
    }

    #[test]
    fn empty_and_word_count_follow_the_mode() {
        let mut a = free("  \n ");
        assert!(a.is_empty());
        assert_eq!(a.word_count(), 0);
        a.situation = "Busy team".into();
        assert!(a.is_empty(), "STAR fields don't count in free mode");
        a.star = true;
        assert!(!a.is_empty());
        assert_eq!(a.word_count(), 2);
        a.text = "one two three".into();
        assert_eq!(a.word_count(), 2, "free text doesn't count in STAR mode");
        let s = star("a b", "c", " d  e\nf ", "g");
        assert_eq!(s.word_count(), 7);
        assert!(star(" ", "", "\t", "").is_empty());
    }

    #[test]
    fn speaking_time() {
        assert_eq!(free("").speaking_seconds(), 0);
        assert_eq!(free("").speaking_label(), "");
        assert_eq!(free("   ").speaking_label(), "");
        assert_eq!(free("hi").speaking_seconds(), 0);
        assert_eq!(free("hi").speaking_label(), "about 5 seconds");
        assert_eq!(free(&words(140)).speaking_seconds(), 60);
        assert_eq!(free(&words(93)).speaking_seconds(), 40); // 39.86
        assert_eq!(free(&words(93)).speaking_label(), "about 40 seconds");
        assert_eq!(free(&words(140)).speaking_label(), "about a minute");
        assert_eq!(
            free(&words(210)).speaking_label(),
            "about a minute and a half"
        );
        assert_eq!(free(&words(280)).speaking_seconds(), 120);
        assert_eq!(free(&words(280)).speaking_label(), "about 2 minutes");
        assert_eq!(
            free(&words(350)).speaking_label(),
            "about 2 and a half minutes"
        );
        assert_eq!(free(&words(700)).speaking_label(), "about 5 minutes");
        let s = star(&words(70), &words(70), &words(70), &words(70));
        assert_eq!(s.speaking_seconds(), 120);
        assert_eq!(s.speaking_label(), "about 2 minutes");
    }

    #[test]
    fn as_text_reads_back() {
        assert_eq!(free("  Hello there \n").as_text(), "Hello there");
        let s = star(" We were late ", "", "I replanned", "Shipped on time");
        assert_eq!(
            s.as_text(),
            "Situation: We were late\nAction: I replanned\nResult: Shipped on time"
        );
        assert_eq!(star("", "", "", "").as_text(), "");
    }

    #[test]
    fn typing_does_not_spam_revisions() {
        let mut q = Question::new("q1".into(), "Why us?".into(), Category::Motivation, 0);
        let t0 = 10 * MIN;
        let mut pushed = 0;
        let mut text = String::new();
        for (i, ch) in "Because I love what you build".chars().enumerate() {
            text.push(ch);
            if q.edit_answer(free(&text), t0 + i as Millis * 1000) {
                pushed += 1;
            }
        }
        assert_eq!(pushed, 0, "one session, no revisions");
        assert!(q.revisions.is_empty());
        assert_eq!(q.answer.text, "Because I love what you build");
        assert_eq!(q.updated, t0 + 28 * 1000);
        // The same answer again changes nothing.
        assert!(!q.edit_answer(q.answer.clone(), t0 + 2 * REVISION_GAP_MS));
        assert_eq!(q.updated, t0 + 28 * 1000);
    }

    #[test]
    fn a_new_session_keeps_the_old_answer() {
        let mut q = Question::new("q1".into(), "Why us?".into(), Category::Motivation, 0);
        assert!(
            !q.edit_answer(free("First take"), MIN),
            "empty answers aren't kept"
        );
        // Back 30 minutes later: the first take is kept, dated when it was written.
        let back = MIN + REVISION_GAP_MS;
        assert!(q.edit_answer(free("Second take"), back));
        assert_eq!(
            q.revisions,
            vec![Revision {
                extra: Default::default(),
                at: MIN,
                answer: free("First take")
            }]
        );
        // Carrying on in the same session adds nothing.
        assert!(!q.edit_answer(free("Second take, longer"), back + MIN));
        assert!(!q.edit_answer(free("Second take, longer still"), back + 29 * MIN));
        assert_eq!(q.revisions.len(), 1);
        // Next day.
        let next = back + 24 * 60 * MIN;
        assert!(q.edit_answer(star("S", "T", "A", "R"), next));
        assert_eq!(q.revisions.len(), 2);
        assert_eq!(q.revisions[1].at, back + 29 * MIN);
        assert_eq!(q.revisions[1].answer.text, "Second take, longer still");
        assert!(q.answer.star);
        assert_eq!(q.updated, next);
        // Clearing the answer after a pause keeps what was there.
        assert!(q.edit_answer(Answer::default(), next + REVISION_GAP_MS));
        assert_eq!(q.revisions.len(), 3);
        assert!(q.answer.is_empty());
    }

    #[test]
    fn answers_are_cut_to_the_field_limit() {
        let mut q = Question::new(
            "q".into(),
            "x".repeat(MAX_FIELD_CHARS + 5),
            Category::Technical,
            0,
        );
        assert_eq!(q.text.chars().count(), MAX_FIELD_CHARS);
        let long = "é".repeat(MAX_FIELD_CHARS + 5);
        q.edit_answer(star(&long, "", "", ""), 1);
        assert_eq!(q.answer.situation.chars().count(), MAX_FIELD_CHARS);
    }

    #[test]
    fn restore_keeps_the_current_answer() {
        let mut q = Question::new("q".into(), "Weakness?".into(), Category::Weaknesses, 0);
        q.edit_answer(free("v1"), MIN);
        q.edit_answer(free("v2"), MIN + REVISION_GAP_MS);
        assert_eq!(q.revisions.len(), 1);
        let now = 10 * REVISION_GAP_MS;
        assert!(!q.restore_revision(5, now), "bad index");
        assert_eq!(q.answer, free("v2"));
        assert_eq!(q.revisions.len(), 1);

        assert!(q.restore_revision(0, now));
        assert_eq!(q.answer, free("v1"));
        assert_eq!(q.updated, now);
        let kept: Vec<&str> = q.revisions.iter().map(|r| r.answer.text.as_str()).collect();
        assert_eq!(kept, vec!["v1", "v2"], "nothing lost");
        assert_eq!(q.revisions[1].at, MIN + REVISION_GAP_MS);

        // Going back and forth doesn't duplicate history.
        assert!(q.restore_revision(1, now + 1));
        assert_eq!(q.answer, free("v2"));
        assert!(
            q.restore_revision(1, now + 2),
            "restoring the current answer is fine"
        );
        assert_eq!(q.updated, now + 1, "and changes nothing");
        assert!(q.restore_revision(0, now + 3));
        assert_eq!(q.answer, free("v1"));
        assert_eq!(
            q.revisions.len(),
            2,
            "both versions are already in the history"
        );
        // An edited restored answer is kept after a pause, like any other.
        q.edit_answer(free("v1, improved"), now + 4);
        q.edit_answer(free("v3"), now + 4 + REVISION_GAP_MS);
        let kept: Vec<&str> = q.revisions.iter().map(|r| r.answer.text.as_str()).collect();
        assert_eq!(kept, vec!["v1", "v2", "v1, improved"]);

        // An empty current answer isn't kept as a revision.
        let mut q = Question::new("r".into(), "?".into(), Category::Salary, 0);
        q.revisions.push(Revision {
            extra: Default::default(),
            at: 5,
            answer: free("old"),
        });
        assert!(q.restore_revision(0, 9));
        assert_eq!(q.answer, free("old"));
        assert_eq!(q.revisions.len(), 1);
    }

    #[test]
    fn bank_merges_stored_and_starter_questions() {
        let first = &STARTER[0];
        let stored_starter = Question {
            id: first.id.into(),
            text: "old wording".into(),
            tip: "old tip".into(),
            category: Category::Salary,
            starter: true,
            hidden: true,
            answer: free("my answer"),
            created: 5,
            updated: 6,
            ..Question::default()
        };
        let old_custom = Question::new("c-old".into(), "Old one".into(), Category::Technical, 100);
        let new_custom = Question::new("c-new".into(), "New one".into(), Category::AskThem, 200);
        let retired = Question {
            id: "s-behavioural-99".into(),
            text: "A starter we removed".into(),
            starter: true,
            answer: free("still mine"),
            created: 150,
            updated: 150,
            ..Question::default()
        };
        let stored = vec![
            old_custom.clone(),
            stored_starter,
            retired,
            new_custom.clone(),
        ];
        let bank = bank(&stored);
        assert_eq!(bank.len(), STARTER.len() + 3);

        let ids: Vec<&str> = bank.iter().take(3).map(|q| q.id.as_str()).collect();
        assert_eq!(
            ids,
            vec!["c-new", "s-behavioural-99", "c-old"],
            "own questions, newest first"
        );
        assert_eq!(bank[0], new_custom);
        assert!(
            !bank[1].starter,
            "a retired starter is kept as the user's own"
        );
        assert_eq!(bank[1].text, "A starter we removed");
        assert_eq!(bank[1].answer, free("still mine"));

        let merged = &bank[3];
        assert_eq!(merged.id, first.id);
        assert_eq!(merged.text, first.text, "wording comes from STARTER");
        assert_eq!(merged.tip, first.tip);
        assert_eq!(merged.category, first.category);
        assert!(merged.starter && merged.hidden);
        assert_eq!(merged.answer, free("my answer"));
        assert_eq!((merged.created, merged.updated), (5, 6));

        for (q, s) in bank[3..].iter().zip(STARTER) {
            assert_eq!(q.id, s.id, "starters in STARTER order");
            assert!(q.starter);
        }
        let unstored = &bank[4];
        assert_eq!(unstored.text, STARTER[1].text);
        assert_eq!((unstored.created, unstored.updated), (0, 0));
        assert!(!unstored.hidden && unstored.answer.is_empty());

        let ids: BTreeSet<&str> = bank.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), bank.len(), "no id twice");
        assert_eq!(super::bank(&[]).len(), STARTER.len());
    }

    #[test]
    fn bank_takes_the_latest_copy_of_a_starter_stored_twice() {
        let mk = |text: &str, updated| Question {
            id: STARTER[2].id.into(),
            starter: true,
            answer: free(text),
            updated,
            ..Question::default()
        };
        let bank = bank(&[mk("newer", 9), mk("older", 3)]);
        assert_eq!(bank.len(), STARTER.len());
        assert_eq!(bank[2].answer, free("newer"));
    }

    #[test]
    fn filter_by_category_and_words() {
        let mut mine = Question::new("m".into(), "Why Rust?".into(), Category::Technical, 1);
        mine.edit_answer(star("", "", "I rewrote the PARSER", ""), 2);
        let mut all = vec![mine];
        all.extend(bank(&[]));

        assert_eq!(filter(&all, None, "").len(), all.len());
        assert_eq!(filter(&all, None, "   ").len(), all.len());
        let tech = filter(&all, Some(Category::Technical), "");
        assert_eq!(tech.len(), 9);
        assert!(tech.iter().all(|q| q.category == Category::Technical));

        let hits = filter(&all, None, "parser");
        assert_eq!(hits.len(), 1, "answer text is searched");
        assert_eq!(hits[0].id, "m");
        assert_eq!(filter(&all, Some(Category::Salary), "parser").len(), 0);
        assert_eq!(
            filter(&all, None, "why RUST").len(),
            1,
            "case and word order don't matter"
        );
        assert_eq!(filter(&all, None, "rust why").len(), 1);

        let weakness = filter(&all, None, "GREATEST WEAKNESS");
        assert_eq!(weakness.len(), 1);
        assert_eq!(weakness[0].id, "s-weaknesses-01");
        assert!(
            !filter(&all, None, "homework").is_empty(),
            "tips are searched"
        );

        let many = filter(&all, None, "tell me");
        let positions: Vec<usize> = many
            .iter()
            .map(|h| all.iter().position(|q| q.id == h.id).unwrap())
            .collect();
        assert!(positions.len() > 5);
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "input order kept"
        );
    }

    #[test]
    fn serde_round_trip_and_lenient_loading() {
        let mut q = Question::new(
            "q".into(),
            "Tell me about a gap".into(),
            Category::CareerStory,
            1,
        );
        q.edit_answer(star("S", "T", "A", "R"), 2);
        q.edit_answer(free("text"), 2 + REVISION_GAP_MS);
        q.interview_id = Some("iv-1".into());
        q.hidden = true;
        let json = serde_json::to_string(&q).unwrap();
        assert!(json.contains("\"category\":\"career_story\""));
        let back: Question = serde_json::from_str(&json).unwrap();
        assert_eq!(back, q);
        assert_eq!(back.revisions.len(), 1);

        let partial: Question = serde_json::from_str(
            r#"{"id":"x","text":"Hi","answer":{"star":true,"action":"Did it"},
                "revisions":[{"at":3},{}],"category":"new_kind","extra":[1,2]}"#,
        )
        .unwrap();
        assert_eq!(partial.id, "x");
        assert_eq!(partial.category, Category::Other("new_kind".into()));
        assert_eq!(partial.extra["extra"], serde_json::json!([1, 2]), "kept");
        assert_eq!(partial.answer.as_text(), "Action: Did it");
        assert_eq!(partial.revisions.len(), 2);
        assert_eq!(partial.revisions[0].at, 3);
        assert!(partial.revisions[1].answer.is_empty());
        assert_eq!(partial.interview_id, None);
        assert!(!partial.hidden && !partial.starter);

        let empty: Question = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, Question::default());
        let answer: Answer = serde_json::from_str(r#"{"text":"only"}"#).unwrap();
        assert_eq!(answer, free("only"));
    }
}
