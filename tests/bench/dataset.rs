//! The benchmark's large data set: five years of heavy use, built with the app's own types and
//! core functions and encoded exactly as the app stores it (`Db::stored_texts`: one localStorage
//! key per collection, the review log one key a month), so its shapes cannot drift from the
//! app's.
//!
//! * 300 interviews over the five years up to today, every one with a full reflection (every
//!   prompt filled with a few realistic sentences, one to three mistakes with fixes, a mood and a
//!   vent) and feedback (asked for, and received with what they said; the six still open are
//!   waiting for it, with follow-ups), and the letters taken for it; rejections carry their
//!   reasons.
//! * 1,500 questions, every one answered (free text or STAR, with earlier revisions): the 64
//!   starters and the user's own questions from the interviews.
//! * 20 ratings of every question (30,000 in the review log), scheduled by the app's own FSRS
//!   code (`practice::rate`, `apply_rating`): each question is practised when it comes due, or
//!   earlier (a drill) when waiting for the due date would not leave room for its 20 ratings
//!   before this week. The cards are the result of exactly those ratings.
//! * 100 development plan items made from the interviews' lessons (`plan::lessons`,
//!   `item_from_lesson`), with extra sources (questions, insights) and two to five actions,
//!   ticked through `PlanItem::set_action_done`.
//! * Six versions of what the user is looking for.
//!
//! Deterministic: the same seed gives the same text (dates are relative to today).

use chrono::{Days, NaiveDate};
use rebound::core::choice::Choice;
use rebound::core::model::{
    new_id, Feedback, FeedbackStatus, Interview, LetterKind, LetterUse, LetterVia, MistakeNote,
    Mood, Outcome, Reflection, RejectionReason, Settings, Stage, COMMON_MISTAKES,
    COMMON_REJECTION_REASONS,
};
use rebound::core::packing;
use rebound::core::plan::{self, Action, ActionKind, PlanItem, PlanStatus, Source};
use rebound::core::practice::{self, CardState, Grade, PracticeSettings, ReviewEntry};
use rebound::core::questions::{Answer, Category, Question, Revision, STARTER};
use rebound::core::schema::{Collection, Db, SCHEMA_KEY, SCHEMA_VERSION};
use rebound::core::search::{SearchProfile, SearchVersion};

/// How many interviews the data set has.
pub const INTERVIEWS: usize = 300;
/// How many questions (starters included), every one answered.
pub const QUESTIONS: usize = 1_500;
/// Ratings of every question.
pub const REVIEWS_PER_QUESTION: usize = 20;
/// Development plan items.
pub const PLAN_ITEMS: usize = 100;
/// Versions of what the user is looking for.
pub const SEARCH_VERSIONS: usize = 6;
/// Over how many days the interviews are spread (five years).
const SPAN_DAYS: u64 = 5 * 365;
const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

/// A small deterministic generator (SplitMix64): no extra crates, same data every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }
    /// `n` distinct sentences from `pool`, joined into one paragraph.
    fn sentences(&mut self, pool: &[&str], lo: usize, hi: usize) -> String {
        let n = self.range(lo, hi).min(pool.len());
        let mut chosen: Vec<usize> = Vec::with_capacity(n);
        while chosen.len() < n {
            let i = self.range(0, pool.len() - 1);
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen
            .iter()
            .map(|&i| pool[i])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const COMPANIES: &[&str] = &[
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Tailspin Toys",
    "Adventure Works",
    "Wide World Importers",
    "Litware",
    "Proseware",
    "Fourth Coffee",
    "Alpine Ski House",
    "Blue Yonder Airlines",
    "Coho Winery",
    "Graphic Design Institute",
    "Humongous Insurance",
    "Lamna Healthcare",
    "Margie's Travel",
    "Relecloud",
    "Southridge Video",
    "Trey Research",
    "VanArsdel",
    "Woodgrove Bank",
    "Wingtip Toys",
    "Bellows College",
    "Munson's Pickles",
    "Lucerne Publishing",
    "Datum Corporation",
    "Consolidated Messenger",
    "Best For You Organics",
    "Nod Publishers",
    "Olympia Robotics",
    "Kestrel Analytics",
    "Harbor & Finch",
    "Meridian Health",
    "Quillstone",
];

const ROLES: &[&str] = &[
    "Product Designer",
    "Senior Product Designer",
    "UX Researcher",
    "Design Lead",
    "Frontend Engineer",
    "Senior Software Engineer",
    "Staff Engineer",
    "Engineering Manager",
    "Product Manager",
    "Data Analyst",
    "Content Designer",
    "Design Systems Lead",
    "Customer Success Manager",
    "Technical Writer",
    "Platform Engineer",
];

const PEOPLE: &[&str] = &[
    "Priya (hiring manager)",
    "Tom from HR",
    "Alex, senior designer",
    "Maria, VP Product",
    "Jonas (tech lead)",
    "Sam, recruiter",
    "Dana and Lee from the team",
    "Chen, head of design",
    "Fatima, engineering director",
    "Ole (future peer)",
    "Grace, CTO",
];

const NOTES: &[&str] = &[
    "Recruiter reached out on LinkedIn after seeing the case study.",
    "Applied through the careers page; referral from a former colleague.",
    "Three rounds planned: screening call, portfolio review, then a panel with the team.",
    "Hybrid, two days a week in the office, forty minutes by train.",
    "Salary band was shared up front and is within what I asked for.",
    "They are rebuilding the onboarding flow and want someone to own research end to end.",
    "Team of six, reporting to the head of product; they ship every two weeks.",
    "Take-home exercise of about four hours, due within a week.",
    "Asked me to bring one project I am proud of and one that failed.",
    "Follow-up email sent the same evening, thanked everyone by name.",
    "They mentioned a reorganisation is under way, which might slow things down.",
    "Second interview moved twice because of their schedule.",
];

const WENT_WELL: &[&str] = &[
    "The portfolio walkthrough flowed and I kept to the time they gave me.",
    "I built real rapport with the hiring manager; we laughed about the legacy dashboard.",
    "My story about the checkout redesign landed, with the numbers to back it up.",
    "I asked for clarification before diving into the whiteboard problem, which they liked.",
    "Answering the conflict question with the launch-delay story felt honest and clear.",
    "I stayed calm when the panel pushed back on my prioritisation.",
    "The research plan I sketched matched what they had in mind almost exactly.",
    "I explained the trade-offs of the architecture without getting lost in the details.",
    "They said my questions about the roadmap were the best they had heard that week.",
    "I was on time, prepared, and had notes on every person in the panel.",
    "I admitted what I did not know and explained how I would find out, and it went down well.",
    "The pairing exercise felt like working together rather than being tested.",
];

const FELL_SHORT: &[&str] = &[
    "I rambled on the first question and never really got to the result.",
    "I could not give a concrete example of leading without authority.",
    "My answer on metrics was vague; I should have named the conversion numbers.",
    "I ran out of time on the system design and never got to scaling.",
    "I talked too much about the team and too little about what I personally did.",
    "When they asked about my weaknesses I gave a rehearsed, hollow answer.",
    "I got defensive when they questioned the research sample size.",
    "I forgot to ask about the team's biggest challenge this year.",
    "The salary question caught me off guard and I named a number too low.",
    "I skipped testing edge cases in the live coding part.",
    "My energy dropped in the last interview of the day and it showed.",
];

const SAID: &[&str] = &[
    "\"I measure a design by what people stop having to think about.\"",
    "The line about shipping small and learning fast, with the onboarding example.",
    "That I left my last job because I wanted to work closer to customers, said without bitterness.",
    "My three-step way of running a research synthesis, which they wrote down.",
    "\"I would rather be the person who finds the problem than the one who hides it.\"",
    "How I turned the failed launch into the checklist the whole team now uses.",
    "That I mentor two juniors and what I have learned from them.",
    "The explanation of accessibility as a quality bar, not a feature.",
    "My honest answer about why I want to move from agency work to product.",
];

const DID_NOT_SAY: &[&str] = &[
    "I should have mentioned the accessibility audit I led last spring.",
    "I never brought up the mentoring work, which was exactly what they wanted.",
    "I wish I had asked how they measure success in the first ninety days.",
    "I forgot to mention that I already know their design system tooling.",
    "I did not explain why the migration project took six months instead of three.",
    "I should have said plainly that I want this role, not just any role.",
    "The story about calming down the angry enterprise client would have fit perfectly.",
    "I could have asked what happened to the person who had the job before.",
    "I did not share the numbers from the retention experiment.",
];

const NOT_PREPARED: &[&str] = &[
    "A live critique of their own app, with the product lead watching.",
    "Detailed questions about data privacy regulations in healthcare.",
    "A SQL exercise that was not mentioned in the invitation.",
    "Being asked to present to five people instead of two.",
    "Questions about budget ownership and hiring plans.",
    "How much they cared about experience with their specific industry.",
    "A request for references on the same day.",
    "The case study being about a product I had never used.",
    "A question about where I see the company's strategy going wrong.",
];

const FIXES: &[&str] = &[
    "Plan the route the night before and aim to arrive fifteen minutes early.",
    "Ask the recruiter about the dress code when the interview is confirmed.",
    "Write down three questions about the team and the work, and bring the list.",
    "Spend an hour on their product, latest announcements and job posts beforehand.",
    "Answer in STAR order and stop after the result; pause and let them ask more.",
    "Keep five concrete stories with numbers ready, rehearsed out loud.",
    "Do a ten-minute mock answer with a friend the day before, and breathe before answering.",
    "Research the range on two salary sites and practise saying my number out loud.",
];

const VENT: &[&str] = &[
    "Honestly, I am tired. Every rejection makes the next application harder to start.",
    "I felt small when the director checked his phone through my whole presentation.",
    "I am proud of myself for showing up after the week I had.",
    "It stings, because I really wanted this one and I let myself imagine working there.",
    "Relieved it is over. Whatever they decide, I did my best with what I knew.",
    "I keep replaying the salary moment. It is just one moment, and I am allowed to let it go.",
    "The team seemed kind and that makes the no hurt more, but also gives me hope.",
    "I want to remember that two years ago I could not have done an interview like this at all.",
    "Long walk afterwards; it helped. Tomorrow I will send two more applications.",
    "Angry at the ghosting. Three rounds deserve at least an email.",
];

const CUSTOM_REASONS: &[(&str, bool)] = &[
    ("They wanted someone who could start next month", false),
    ("My portfolio had no B2B work", true),
    ("Their budget was cut during the process", false),
    ("The take-home was weaker than it should have been", true),
];

const FEEDBACK_SAID: &[&str] = &[
    "They liked the structure of my case study but wanted more on how I measured success.",
    "The panel felt I was strong on research and weaker on working with engineering constraints.",
    "Another candidate had led a team through a similar migration, and that tipped it.",
    "My answers were thoughtful but often ran long; they suggested getting to the point sooner.",
    "They would have liked to hear more about decisions I made myself rather than as a team.",
    "The take-home was solid; the trade-offs section was the weakest part.",
    "The hiring manager said I was their second choice and to apply again next year.",
    "They wanted more evidence of working with data: numbers, experiments, what changed.",
    "My questions at the end were the best they heard, and they noticed I had used the product.",
    "The system design was fine until scaling, where I ran out of time.",
    "They felt I undersold my leadership; the mentoring story only came out at the very end.",
    "The salary I named was above their band, and they could not move on it this year.",
    "Nothing was wrong: the role was filled internally before the final decision.",
    "I came across as calm and well prepared; they only wanted someone more senior.",
];

const OWN_QUESTIONS: &[&str] = &[
    "How would you redesign our onboarding in your first month?",
    "Walk me through a project that failed and what you would do differently.",
    "How do you decide what not to build?",
    "Tell me about a time you had to deliver bad news to a stakeholder.",
    "What would your last manager say you need to work on?",
    "How do you work with engineers who disagree with your design?",
    "Why are you leaving after only eighteen months?",
    "How do you measure whether a feature was worth building?",
    "Describe how you would run research with no budget.",
    "What is the hardest feedback you have received, and what did you do with it?",
    "How would you explain our product to someone who has never used it?",
    "Tell me about a decision you made with incomplete data.",
    "What would you do if the roadmap changed halfway through your project?",
    "How do you keep a remote team aligned without more meetings?",
    "Which metric would you watch first in this role, and why?",
    "Tell me about a time you changed your mind because of evidence.",
    "How do you handle a stakeholder who keeps adding scope?",
    "What does good documentation look like to you?",
    "How would you onboard yourself if nobody had time for you?",
    "Tell me about the most complex thing you have shipped.",
    "What is something you taught yourself in the last year?",
    "How would you prioritise three urgent requests from three directors?",
    "Describe a time you made a mistake that reached customers.",
    "How do you give feedback to someone more senior than you?",
    "What would make you leave this job after a year?",
    "How do you balance speed against quality on a deadline?",
    "Tell me about a time you had to learn a domain quickly.",
    "How would you approach our accessibility backlog?",
    "What kind of manager brings out your best work?",
    "How do you know when a project should be stopped?",
];

const PLAN_WHY: &[&str] = &[
    "It came up in three interviews in a row, and it is the thing I can most easily fix.",
    "The feedback was specific, and I want the next panel to see that I listened.",
    "Senior roles all ask for it, and right now I only have one weak example.",
    "I freeze on this every time; a little practice each week should take the fear out of it.",
    "It is what separates the offers I got from the rejections.",
    "My last two rejections pointed here, and it is in my control.",
    "I want to walk into the next final round with a story I am proud of.",
];

const ACTIONS: &[(ActionKind, &str)] = &[
    (
        ActionKind::Practice,
        "Rehearse the answer out loud three times this week, timed",
    ),
    (
        ActionKind::Practice,
        "Record a mock interview and watch it back for rambling",
    ),
    (
        ActionKind::Practice,
        "Write three STAR stories with numbers and practise them",
    ),
    (
        ActionKind::Course,
        "Finish the online course on product analytics (modules 1-4)",
    ),
    (
        ActionKind::Course,
        "Take the evening workshop on negotiation",
    ),
    (
        ActionKind::Reading,
        "Read two chapters of the book on system design interviews",
    ),
    (
        ActionKind::Reading,
        "Read the company engineering blogs of the next three applications",
    ),
    (
        ActionKind::Responsibility,
        "Offer to lead the next sprint review at work",
    ),
    (
        ActionKind::Responsibility,
        "Mentor the new junior for a quarter and note what I learn",
    ),
    (
        ActionKind::General,
        "Ask a former colleague for an honest mock panel",
    ),
    (
        ActionKind::General,
        "Update the portfolio with the retention experiment",
    ),
];

const INSIGHTS: &[&str] = &[
    "Three of the last five rejections mention the salary conversation.",
    "Examples were vague in most final rounds this year.",
    "Interviews that went well all started with a clear portfolio story.",
    "Scaling questions come up in nearly every technical round.",
];

const SEARCH_ROLES: &[&str] = &[
    "Product Designer",
    "Senior Product Designer",
    "UX Researcher",
    "Design Lead",
    "Design Systems Lead",
    "Product Manager",
];

const SEARCH_MUST: &[&str] = &[
    "Remote at least two days a week",
    "A team that talks to its users",
    "Salary at or above my current one",
    "Under an hour's commute",
    "Room to grow into a lead role",
    "A manager who gives regular feedback",
];

const SEARCH_NICE: &[&str] = &[
    "A design system to work on",
    "Budget for courses and conferences",
    "A mentor on the team",
    "Four-day week",
    "Work in health or education",
];

const SEARCH_NO: &[&str] = &[
    "On call every week",
    "Unpaid take-home exercises over a day",
    "No research budget at all",
    "Office five days a week",
];

const SEARCH_KINDS: &[&str] = &[
    "Small product companies",
    "Scale-ups after series B",
    "Public sector digital teams",
    "Non-profits with a product team",
];

const SENIORITY: &[&str] = &["Mid-level", "Senior", "Senior or lead", "Lead"];

/// Milliseconds since the Unix epoch, now.
fn now_ms() -> i64 {
    // In the browser (a wasm test measuring with this data set), the page's clock.
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now() as i64;
    #[cfg(not(target_arch = "wasm32"))]
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .expect("system clock before 1970")
}

/// The current day, UTC (the data set always ends today).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new((now_ms() / DAY_MS) as u64)))
        .expect("today's date")
}

fn day_ms(d: NaiveDate) -> i64 {
    d.and_hms_opt(10, 0, 0)
        .expect("10:00 is a valid time")
        .and_utc()
        .timestamp_millis()
}

fn add_days(d: NaiveDate, n: usize) -> NaiveDate {
    d.checked_add_days(Days::new(n as u64))
        .expect("a date in range")
}

/// The data set as the app holds it in memory.
pub fn build() -> Db {
    let mut rng = Rng(0x5EED_2024);
    let now = now_ms();
    let end = today();
    let start = end
        .checked_sub_days(Days::new(SPAN_DAYS))
        .expect("five years ago");
    let mut interviews = Vec::with_capacity(INTERVIEWS);
    let mut reflections = Vec::with_capacity(INTERVIEWS);
    for n in 0..INTERVIEWS {
        // Spread evenly over five years, with a little jitter; the last few are this fortnight.
        let offset = (n as u64 * SPAN_DAYS) / INTERVIEWS as u64 + rng.range(0, 4) as u64;
        let date = start
            .checked_add_days(Days::new(offset.min(SPAN_DAYS)))
            .expect("a date in range");
        let recent = n >= INTERVIEWS - 6;
        let outcome = if recent {
            Outcome::Pending
        } else {
            match rng.range(0, 99) {
                0..=54 => Outcome::Rejected,
                55..=74 => Outcome::Ghosted,
                75..=89 => Outcome::Withdrawn,
                _ => Outcome::Offer,
            }
        };
        let stage = rng
            .pick(&[
                Stage::Screening,
                Stage::Interview,
                Stage::Interview,
                Stage::FinalRound,
            ])
            .clone();
        let rejection_reasons = if outcome == Outcome::Rejected {
            let mut reasons: Vec<RejectionReason> = Vec::new();
            for _ in 0..rng.range(1, 3) {
                let (text, in_my_control) = *rng.pick(&COMMON_REJECTION_REASONS);
                if !reasons.iter().any(|r| r.text == text) {
                    reasons.push(RejectionReason {
                        extra: Default::default(),
                        text: text.to_string(),
                        in_my_control,
                    });
                }
            }
            if rng.range(0, 3) == 0 {
                let (text, in_my_control) = *rng.pick(CUSTOM_REASONS);
                reasons.push(RejectionReason {
                    extra: Default::default(),
                    text: text.to_string(),
                    in_my_control,
                });
            }
            reasons
        } else {
            Vec::new()
        };

        // Feedback, through the app's own status changes (they fill the dates): asked for after
        // every interview; received, with what they said, for every decided one; the open ones
        // are waiting for it (their follow-ups come due).
        let mut feedback = Feedback::default();
        let asked_on = add_days(date, rng.range(0, 2)).min(end);
        feedback.set_status(FeedbackStatus::Asked, asked_on);
        let mut last_day = asked_on;
        if !recent {
            let received_on = add_days(asked_on, rng.range(2, 14)).min(end);
            feedback.set_status(FeedbackStatus::Received, received_on);
            feedback.said = rng.sentences(FEEDBACK_SAID, 2, 4);
            last_day = received_on;
        }
        // The letters taken for it: thanks, the request for feedback, and after a rejection a
        // note that keeps the door open; sometimes a follow-up.
        let mut via = || rng.pick(&[LetterVia::Copied, LetterVia::MailApp]).clone();
        let mut letters = vec![
            LetterUse {
                extra: Default::default(),
                kind: LetterKind::ThanksAfterInterview,
                on: date,
                via: via(),
            },
            LetterUse {
                extra: Default::default(),
                kind: LetterKind::AskFeedback,
                on: asked_on,
                via: via(),
            },
        ];
        if outcome == Outcome::Rejected {
            letters.push(LetterUse {
                extra: Default::default(),
                kind: LetterKind::ThanksAfterRejection,
                on: last_day,
                via: via(),
            });
        }
        if n % 3 == 0 {
            letters.push(LetterUse {
                extra: Default::default(),
                kind: LetterKind::FollowUp,
                on: add_days(asked_on, 7).min(end),
                via: via(),
            });
        }

        let created = day_ms(date) - rng.range(3, 20) as i64 * DAY_MS;
        let updated = (day_ms(date) + rng.range(0, 10) as i64 * DAY_MS)
            .max(day_ms(last_day))
            .min(now);
        let id = new_id(created, rng.next());
        let interviewers = (0..rng.range(1, 3))
            .map(|_| *rng.pick(PEOPLE))
            .collect::<Vec<_>>()
            .join(", ");
        interviews.push(Interview {
            extra: Default::default(),
            id: id.clone(),
            company: rng.pick(COMPANIES).to_string(),
            role: rng.pick(ROLES).to_string(),
            date: Some(date),
            time: None,
            format: None,
            format_words: String::new(),
            interviewers,
            stages: Vec::new(),
            stage,
            outcome,
            notes: rng.sentences(NOTES, 2, 4),
            rejection_reasons,
            feedback,
            letters,
            created,
            updated,
        });

        let mut mistakes: Vec<MistakeNote> = Vec::new();
        for _ in 0..rng.range(1, 3) {
            let m = rng.range(0, COMMON_MISTAKES.len() - 1);
            let kind = COMMON_MISTAKES[m].0;
            if !mistakes.iter().any(|x| x.kind == kind) {
                mistakes.push(MistakeNote {
                    extra: Default::default(),
                    kind: kind.to_string(),
                    fix: FIXES[m].to_string(),
                });
            }
        }
        let reflected = (day_ms(date) + rng.range(0, 2) as i64 * DAY_MS + HOUR_MS).min(now);
        reflections.push(Reflection {
            extra: Default::default(),
            id,
            went_well: rng.sentences(WENT_WELL, 2, 4),
            fell_short: rng.sentences(FELL_SHORT, 2, 3),
            said: rng.sentences(SAID, 1, 3),
            did_not_say: rng.sentences(DID_NOT_SAY, 1, 3),
            not_prepared: rng.sentences(NOT_PREPARED, 1, 2),
            mistakes,
            mood: Some(rng.pick(Mood::ALL).clone()),
            vent: rng.sentences(VENT, 2, 4),
            created: reflected,
            updated: (reflected + rng.range(0, 3) as i64 * DAY_MS).min(now),
        });
    }
    let questions = questions(&mut rng, &interviews, now);
    let (cards, reviews) = practise(&mut rng, &questions, now);
    let plan = plan_items(&mut rng, &interviews, &reflections, &questions, now);
    let search = search_versions(&mut rng, &interviews, now);
    Db {
        interviews,
        reflections,
        settings: Settings {
            your_name: "Sam Rivera".to_string(),
            ..Settings::default()
        },
        questions,
        cards,
        reviews: reviews.into(),
        plan,
        search,
        preps: Vec::new(),
    }
}

const ANSWER: &[&str] = &[
    "At my last company the checkout flow was losing a third of mobile users at the payment step.",
    "I owned the research and the design, working with two engineers and a product manager.",
    "I ran five quick interviews, found that people did not trust the new payment form, and tested two fixes in a week.",
    "We shipped the simpler form behind a flag and watched the numbers daily.",
    "Conversion on mobile went up by eleven percent in a month, and support tickets about payment halved.",
    "What I learned is to show the smallest thing that could work before arguing about the big plan.",
    "I would start by listening: one-to-ones with everyone on the team in the first two weeks.",
    "Then I would pick one painful problem that we can solve together in the first month, to build trust.",
    "I am careful to separate what I know from what I assume, and I say which is which.",
    "My range is based on three salary surveys and what similar roles pay in this city.",
    "The honest weakness is that I used to say yes to everything; now I write down what I will drop first.",
    "I left because the product was being wound down, and I wanted to build something that lasts.",
    "I ask the team what they wish they had known in their first week, and I write it down for the next person.",
    "When we disagreed, I asked for one week to test both ideas with five users each, and we let the results decide.",
];

fn answer(rng: &mut Rng, star: bool) -> Answer {
    if star {
        Answer {
            star: true,
            situation: rng.sentences(&ANSWER[0..2], 1, 2),
            task: rng.sentences(&ANSWER[1..3], 1, 2),
            action: rng.sentences(&ANSWER[2..7], 2, 3),
            result: rng.sentences(&ANSWER[4..6], 1, 2),
            ..Answer::default()
        }
    } else {
        Answer {
            text: rng.sentences(ANSWER, 3, 6),
            ..Answer::default()
        }
    }
}

/// [`QUESTIONS`] questions, every one answered: all the starters, then the user's own, four or
/// five from each interview older than a few days (the questions that caught them out there);
/// each answer with zero to three earlier revisions.
fn questions(rng: &mut Rng, interviews: &[Interview], now: i64) -> Vec<Question> {
    let mut out = Vec::with_capacity(QUESTIONS);
    let first = interviews.first().map(|i| i.created).unwrap_or(0);
    for (n, s) in STARTER.iter().enumerate() {
        let created = first + n as i64 * 3 * DAY_MS;
        let mut q = Question {
            id: s.id.to_string(),
            text: s.text.to_string(),
            category: s.category.clone(),
            tip: s.tip.to_string(),
            starter: true,
            created,
            updated: created,
            ..Question::default()
        };
        fill_answer(rng, &mut q, now);
        out.push(q);
    }
    // Own questions come from interviews at least four days old, so that each has room for its
    // ratings before the last two days (see `practise`).
    let latest = now - 4 * DAY_MS;
    let sources: Vec<&Interview> = interviews
        .iter()
        .filter(|i| i.date.is_some_and(|d| day_ms(d) <= latest))
        .collect();
    let own = QUESTIONS.saturating_sub(out.len());
    for (n, i) in sources.iter().enumerate() {
        // Spread `own` over the interviews as evenly as whole numbers allow.
        let count = (n + 1) * own / sources.len() - n * own / sources.len();
        for k in 0..count {
            let created = (i.date.map(day_ms).unwrap_or(i.created) + (k as i64 + 8) * HOUR_MS)
                .min(now - 3 * DAY_MS);
            let template = OWN_QUESTIONS[(n * 7 + k) % OWN_QUESTIONS.len()];
            let text = format!("{template} ({}, {})", i.role, i.company);
            let category = rng.pick(Category::ALL).clone();
            let mut q = Question::new(new_id(created, rng.next()), text, category, created);
            q.interview_id = Some(i.id.clone());
            fill_answer(rng, &mut q, now);
            out.push(q);
        }
    }
    out
}

fn fill_answer(rng: &mut Rng, q: &mut Question, now: i64) {
    let star = matches!(q.category, Category::Behavioural | Category::Situational);
    let mut at = q.created + DAY_MS;
    for _ in 0..rng.range(0, 3) {
        if at > now {
            break;
        }
        q.revisions.push(Revision {
            extra: Default::default(),
            at,
            answer: answer(rng, star),
        });
        at += rng.range(20, 200) as i64 * DAY_MS;
    }
    q.answer = answer(rng, star);
    q.updated = at.min(now).max(q.created);
}

/// [`REVIEWS_PER_QUESTION`] ratings of every question, from an hour after it was added until two
/// days ago, scheduled by the app's own code: each rating is given when the card comes due (a
/// few hours late at most), or earlier, as a drill, when waiting for the due date would not leave
/// room for the ratings still to come. Grades are mostly Good, sometimes Again, Hard or Easy.
/// Returns the cards (each the result of exactly its ratings) and the whole log, oldest first.
fn practise(rng: &mut Rng, questions: &[Question], now: i64) -> (Vec<CardState>, Vec<ReviewEntry>) {
    let settings = PracticeSettings::default();
    let last = now - 2 * DAY_MS;
    let min_gap = 10 * MINUTE_MS;
    let mut cards = Vec::with_capacity(questions.len());
    let mut log = Vec::with_capacity(questions.len() * REVIEWS_PER_QUESTION);
    for q in questions {
        // This question's card and ratings (one card: `apply_rating` stays cheap).
        let mut card: Vec<CardState> = Vec::with_capacity(1);
        let mut at = q.created + HOUR_MS;
        for k in 0..REVIEWS_PER_QUESTION {
            if let Some(c) = card.first() {
                // Ratings still to give, this one included: the latest step that leaves room for
                // all of them at even spacing.
                let remaining = (REVIEWS_PER_QUESTION - k) as i64;
                let room = ((last - at) / remaining).max(min_gap);
                let late = rng.range(0, 6) as i64 * HOUR_MS;
                let wait = (c.due - at).max(min_gap) + late;
                at += wait.min(room);
            }
            let grade = match rng.range(0, 19) {
                0..=1 => Grade::Again,
                2..=4 => Grade::Hard,
                5..=16 => Grade::Good,
                _ => Grade::Easy,
            };
            let (next, entry) = practice::rate(card.first(), &q.id, grade, at, &settings);
            practice::apply_rating(&mut card, &mut log, next, entry);
        }
        cards.extend(card);
    }
    // The log as the app keeps it: every rating, oldest first.
    log.sort_by_key(|e| e.at);
    (cards, log)
}

/// [`PLAN_ITEMS`] development plan items, one from a lesson of every third interview (what the
/// shell's "add to plan" does), with a question or an insight as further sources, two to five
/// actions, and progress ticked through the app's own `set_action_done`: older items further
/// along, a few done and archived.
fn plan_items(
    rng: &mut Rng,
    interviews: &[Interview],
    reflections: &[Reflection],
    questions: &[Question],
    now: i64,
) -> Vec<PlanItem> {
    let step = (interviews.len() / PLAN_ITEMS).max(1);
    let today = today();
    let mut items: Vec<PlanItem> = Vec::with_capacity(PLAN_ITEMS);
    for (n, (i, r)) in interviews
        .iter()
        .zip(reflections)
        .step_by(step)
        .take(PLAN_ITEMS)
        .enumerate()
    {
        let lessons = plan::lessons(i, Some(r));
        let Some(lesson) = lessons.get(rng.range(0, lessons.len().saturating_sub(1))) else {
            continue;
        };
        let created = (i.updated + DAY_MS).min(now);
        let created_day = NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new((created / DAY_MS) as u64)))
            .expect("a date in range");
        let mut item = plan::item_from_lesson(&i.id, lesson);
        item.id = new_id(created, rng.next());
        item.why = rng.sentences(PLAN_WHY, 1, 2);
        if let Some(q) = questions
            .iter()
            .find(|q| q.interview_id.as_deref() == Some(i.id.as_str()))
        {
            item.sources.push(Source {
                extra: Default::default(),
                interview_id: None,
                question_id: Some(q.id.clone()),
                part: "question".to_string(),
                text: q.text.clone(),
            });
        }
        if n % 4 == 0 {
            item.sources.push(Source {
                part: "insight".to_string(),
                text: rng.pick(INSIGHTS).to_string(),
                ..Source::default()
            });
        }
        for _ in 0..rng.range(2, 5) {
            let (kind, text) = rng.pick(ACTIONS).clone();
            item.actions.push(Action {
                extra: Default::default(),
                id: new_id(created, rng.next()),
                kind,
                text: text.to_string(),
                done: false,
                done_on: None,
            });
        }
        item.target = Some(add_days(created_day, rng.range(30, 120)));
        item.created = created;
        // Older items are further along: tick a share of the actions, a week or so apart.
        let age = n as f64 / PLAN_ITEMS as f64;
        let total = item.actions.len();
        let ticked = (((1.0 - age) * total as f64).round() as usize).min(total);
        let mut day = created_day;
        for a in 0..ticked {
            day = add_days(day, rng.range(3, 14)).min(today);
            let id = item.actions[a].id.clone();
            item.set_action_done(&id, true, day);
        }
        if item.status == PlanStatus::NotStarted && rng.range(0, 2) == 0 {
            item.set_status(PlanStatus::InProgress, day);
        }
        item.archived = item.status == PlanStatus::Done && rng.range(0, 2) == 0;
        item.updated = day_ms(day).clamp(created, now);
        items.push(item);
    }
    // The order the list shows: active items numbered in turn, archived ones apart.
    for (order, item) in items.iter_mut().filter(|i| !i.archived).enumerate() {
        item.order = order as i64;
    }
    items
}

/// [`SEARCH_VERSIONS`] versions of what the user is looking for, spread over the five years,
/// each a small change of the one before, most prompted by an interview.
fn search_versions(rng: &mut Rng, interviews: &[Interview], now: i64) -> Vec<SearchVersion> {
    let mut out = Vec::with_capacity(SEARCH_VERSIONS);
    let mut profile = SearchProfile {
        extra: Default::default(),
        target_roles: SEARCH_ROLES[..2].iter().map(|s| s.to_string()).collect(),
        seniority: SENIORITY[0].to_string(),
        must_haves: SEARCH_MUST[..3].iter().map(|s| s.to_string()).collect(),
        nice_to_haves: SEARCH_NICE[..2].iter().map(|s| s.to_string()).collect(),
        deal_breakers: SEARCH_NO[..1].iter().map(|s| s.to_string()).collect(),
        company_kinds: SEARCH_KINDS[..2].iter().map(|s| s.to_string()).collect(),
        notes: "Looking for a place where research shapes the roadmap, not the other way round."
            .to_string(),
    };
    for v in 0..SEARCH_VERSIONS {
        let i = &interviews[(v * interviews.len()) / SEARCH_VERSIONS];
        if v > 0 {
            let add = |list: &mut Vec<String>, pool: &[&str], rng: &mut Rng| {
                let item = rng.pick(pool).to_string();
                if !list.contains(&item) {
                    list.push(item);
                }
            };
            add(&mut profile.target_roles, SEARCH_ROLES, rng);
            add(&mut profile.must_haves, SEARCH_MUST, rng);
            add(&mut profile.deal_breakers, SEARCH_NO, rng);
            if profile.nice_to_haves.len() > 1 && v % 2 == 0 {
                profile.nice_to_haves.remove(0);
            }
            add(&mut profile.nice_to_haves, SEARCH_NICE, rng);
            add(&mut profile.company_kinds, SEARCH_KINDS, rng);
            profile.seniority = SENIORITY[v.min(SENIORITY.len() - 1)].to_string();
            profile.notes = format!(
                "{} After {} I care more about how the team works than about the title.",
                profile.notes.split(" After ").next().unwrap_or_default(),
                i.company
            );
        }
        let created = (i.updated + DAY_MS).min(now);
        out.push(SearchVersion {
            extra: Default::default(),
            id: new_id(created, rng.next()),
            profile: profile.clone().tidied(),
            interview_id: (v > 0).then(|| i.id.clone()),
            created,
            updated: created,
        });
    }
    out
}

/// How many cards the practice screen offers now (due cards plus today's new ones).
pub fn due_now(db: &Db) -> usize {
    let now = now_ms();
    let candidates: Vec<String> = db
        .questions
        .iter()
        .filter(|q| !q.hidden)
        .map(|q| q.id.clone())
        .collect();
    let midnight = now - now.rem_euclid(DAY_MS);
    practice::due_queue(
        &candidates,
        &db.cards,
        &db.reviews,
        now,
        midnight,
        &PracticeSettings::default(),
    )
    .len()
}

/// The exact localStorage entries the app would have written for `db`: the schema key and the
/// keys of every collection (every collection this build knows, empty ones included; the review
/// log one key a month), large ones packed as the app's storage module packs them
/// (`core::packing`, from `Collection::pack_from`).
pub fn storage_entries(db: &Db) -> Vec<(String, String)> {
    let mut out = vec![(SCHEMA_KEY.to_string(), SCHEMA_VERSION.to_string())];
    for c in Collection::all() {
        let texts = db
            .stored_texts(c)
            .unwrap_or_else(|e| panic!("encoding the data set failed: {e}"));
        for (key, text) in texts {
            out.push((key, packing::pack_from(&text, c.pack_from()).into_owned()));
        }
    }
    out
}
