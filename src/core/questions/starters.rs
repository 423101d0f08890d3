//! The starter set: common hard questions, eight or more per category, each with a tip on
//! what the interviewer is really asking. Data only; [`super::bank`] puts it in the bank.

use super::{Category, StarterQuestion};

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
