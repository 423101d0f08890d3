//! The benchmark's large data set: five years of heavy use, built with the app's own types and
//! encoded exactly as the app stores it (`Db::encode`, one localStorage key per collection).
//!
//! * 300 interviews over the five years up to today, every one with a full reflection (every
//!   prompt filled with a few realistic sentences, one to three mistakes with fixes, a mood and a
//!   vent); rejections carry their reasons.
//! * The question bank in use: every starter question answered, plus questions of the user's own
//!   (one from every eighth interview), free text or STAR, with earlier revisions.
//! * Five years of practice, four evenings a week, scheduled by the app's own FSRS code
//!   (`practice::due_queue`, `rate`, `apply_rating`): the cards and the whole review log.
//!
//! Deterministic: the same seed gives the same text (dates are relative to today).

use chrono::{Days, NaiveDate};
use rebound::core::model::{
    new_id, Interview, MistakeNote, Mood, Outcome, Reflection, RejectionReason, Stage,
    COMMON_MISTAKES, COMMON_REJECTION_REASONS,
};
use rebound::core::practice::{self, CardState, Grade, PracticeSettings, ReviewEntry};
use rebound::core::questions::{Answer, Category, Question, Revision, STARTER};
use rebound::core::schema::{Collection, Db, SCHEMA_KEY, SCHEMA_VERSION};

/// How many interviews the data set has.
pub const INTERVIEWS: usize = 300;
/// Over how many days they are spread (five years).
const SPAN_DAYS: u64 = 5 * 365;
const DAY_MS: i64 = 86_400_000;

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

/// Days since 1970-01-01 for the current time (the data set always ends today).
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("system clock before 1970")
        .as_secs();
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(secs / 86_400)))
        .expect("today's date")
}

fn day_ms(d: NaiveDate) -> i64 {
    d.and_hms_opt(10, 0, 0)
        .expect("10:00 is a valid time")
        .and_utc()
        .timestamp_millis()
}

/// The data set as the app holds it in memory.
pub fn build() -> Db {
    let mut rng = Rng(0x5EED_2024);
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
        let stage = *rng.pick(&[
            Stage::Screening,
            Stage::Interview,
            Stage::Interview,
            Stage::FinalRound,
        ]);
        let rejection_reasons = if outcome == Outcome::Rejected {
            let mut reasons: Vec<RejectionReason> = Vec::new();
            for _ in 0..rng.range(1, 3) {
                let (text, in_my_control) = *rng.pick(&COMMON_REJECTION_REASONS);
                if !reasons.iter().any(|r| r.text == text) {
                    reasons.push(RejectionReason {
                        text: text.to_string(),
                        in_my_control,
                    });
                }
            }
            if rng.range(0, 3) == 0 {
                let (text, in_my_control) = *rng.pick(CUSTOM_REASONS);
                reasons.push(RejectionReason {
                    text: text.to_string(),
                    in_my_control,
                });
            }
            reasons
        } else {
            Vec::new()
        };
        let created = day_ms(date) - rng.range(3, 20) as i64 * DAY_MS;
        let updated = day_ms(date) + rng.range(0, 10) as i64 * DAY_MS;
        let id = new_id(created, rng.next());
        let interviewers = (0..rng.range(1, 3))
            .map(|_| *rng.pick(PEOPLE))
            .collect::<Vec<_>>()
            .join(", ");
        interviews.push(Interview {
            id: id.clone(),
            company: rng.pick(COMPANIES).to_string(),
            role: rng.pick(ROLES).to_string(),
            date: Some(date),
            interviewers,
            stage,
            outcome,
            notes: rng.sentences(NOTES, 2, 4),
            rejection_reasons,
            created,
            updated,
            ..Interview::default()
        });

        let mut mistakes: Vec<MistakeNote> = Vec::new();
        for _ in 0..rng.range(1, 3) {
            let m = rng.range(0, COMMON_MISTAKES.len() - 1);
            let kind = COMMON_MISTAKES[m].0;
            if !mistakes.iter().any(|x| x.kind == kind) {
                mistakes.push(MistakeNote {
                    kind: kind.to_string(),
                    fix: FIXES[m].to_string(),
                });
            }
        }
        let reflected = day_ms(date) + rng.range(0, 2) as i64 * DAY_MS + 3_600_000;
        reflections.push(Reflection {
            id,
            went_well: rng.sentences(WENT_WELL, 2, 4),
            fell_short: rng.sentences(FELL_SHORT, 2, 3),
            said: rng.sentences(SAID, 1, 3),
            did_not_say: rng.sentences(DID_NOT_SAY, 1, 3),
            not_prepared: rng.sentences(NOT_PREPARED, 1, 2),
            mistakes,
            mood: Some(*rng.pick(&Mood::ALL)),
            vent: rng.sentences(VENT, 2, 4),
            created: reflected,
            updated: reflected + rng.range(0, 3) as i64 * DAY_MS,
        });
    }
    let questions = questions(&mut rng, &interviews, day_ms(end));
    let (cards, reviews) = practise(&mut rng, &questions, start, end);
    // Default settings; collections added later start empty here.
    Db {
        interviews,
        reflections,
        questions,
        cards,
        reviews,
        ..Db::default()
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

/// Every starter question answered, plus the user's own questions from some interviews; each
/// answer with zero to three earlier revisions.
fn questions(rng: &mut Rng, interviews: &[Interview], end_ms: i64) -> Vec<Question> {
    let mut out = Vec::new();
    let first = interviews.first().map(|i| i.created).unwrap_or(0);
    for (n, s) in STARTER.iter().enumerate() {
        let created = first + n as i64 * 3 * DAY_MS;
        let mut q = Question {
            id: s.id.to_string(),
            text: s.text.to_string(),
            category: s.category,
            tip: s.tip.to_string(),
            starter: true,
            created,
            updated: created,
            ..Question::default()
        };
        fill_answer(rng, &mut q, end_ms);
        out.push(q);
    }
    for (n, i) in interviews.iter().enumerate().filter(|(n, _)| n % 8 == 3) {
        let created = i.updated;
        let text = format!("{} ({})", OWN_QUESTIONS[n % OWN_QUESTIONS.len()], i.company);
        let category = *rng.pick(&Category::ALL);
        let mut q = Question::new(new_id(created, rng.next()), text, category, created);
        q.interview_id = Some(i.id.clone());
        fill_answer(rng, &mut q, end_ms);
        out.push(q);
    }
    out
}

fn fill_answer(rng: &mut Rng, q: &mut Question, end_ms: i64) {
    let star = matches!(q.category, Category::Behavioural | Category::Situational);
    let mut at = q.created + DAY_MS;
    for _ in 0..rng.range(0, 3) {
        if at > end_ms {
            break;
        }
        q.revisions.push(Revision {
            at,
            answer: answer(rng, star),
        });
        at += rng.range(20, 200) as i64 * DAY_MS;
    }
    q.answer = answer(rng, star);
    q.updated = at.min(end_ms);
}

/// Practice from `start` to a month ago (a break: so that cards are due today, and the newest
/// questions are still new), four evenings a week: each session rates the due queue as the app computes it, mostly Good, sometimes Again,
/// Hard or Easy.
fn practise(
    rng: &mut Rng,
    questions: &[Question],
    start: NaiveDate,
    end: NaiveDate,
) -> (Vec<CardState>, Vec<ReviewEntry>) {
    let settings = PracticeSettings::default();
    let mut cards = Vec::new();
    let mut log = Vec::new();
    let mut day = start;
    let last = end.checked_sub_days(Days::new(30)).expect("a month ago");
    while day <= last {
        if rng.range(0, 6) < 4 {
            let midnight = day_ms(day) - 10 * 3_600_000;
            let mut now = midnight + 20 * 3_600_000;
            let candidates: Vec<String> = questions
                .iter()
                .filter(|q| q.created <= now)
                .map(|q| q.id.clone())
                .collect();
            let queue = practice::due_queue(&candidates, &cards, &log, now, midnight, &settings);
            for id in queue.iter().take(25) {
                let grade = match rng.range(0, 19) {
                    0..=1 => Grade::Again,
                    2..=4 => Grade::Hard,
                    5..=16 => Grade::Good,
                    _ => Grade::Easy,
                };
                let before = cards.iter().find(|c: &&CardState| &c.id == id).cloned();
                let (card, entry) = practice::rate(before.as_ref(), id, grade, now, &settings);
                practice::apply_rating(&mut cards, &mut log, card, entry);
                now += rng.range(30, 120) as i64 * 1000;
            }
        }
        day = day.checked_add_days(Days::new(1)).expect("next day");
    }
    (cards, log)
}

/// How many cards the practice screen offers now (due cards plus today's new ones).
pub fn due_now(db: &Db) -> usize {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
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

/// The exact localStorage entries the app would have written for `db`: the schema key and one
/// key per collection (every collection this build knows, empty ones included).
pub fn storage_entries(db: &Db) -> Vec<(String, String)> {
    let mut out = vec![(SCHEMA_KEY.to_string(), SCHEMA_VERSION.to_string())];
    for c in Collection::ALL {
        let text = db
            .encode(c)
            .unwrap_or_else(|e| panic!("encoding the data set failed: {e}"));
        out.push((c.key(), text));
    }
    out
}
