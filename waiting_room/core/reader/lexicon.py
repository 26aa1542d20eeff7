"""The lexicon: synonym classes and the phrase patterns that are cues.

Patterns are written in a tiny language (compiled by :mod:`.patterns`): words
match their inflections, ``@CLASS`` names a synonym class, ``~N`` allows up to
N other words in between, ``( a | b c )`` are alternatives, ``?`` makes an item
optional and ``{!a|b}`` refuses a following word. An entry whose reasons are
empty is a decoy: it swallows what it covers ("left a voicemail").

Every weight is judgement, listed in docs/model.md.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- likelihood ratios (documented in docs/model.md: all judgement) ----------

STRONG = 8.0  # says it outright: "the hiring manager is on leave"
CLEAR = 5.0  # a specific phrase with one reasonable reading
FAIR = 3.0  # points one way, other readings possible
WEAK = 1.8  # a hint: a single common word

CLASSES: dict[str, list[str]] = {
    "ROLE": [
        "manager", "hiring manager", "boss", "recruiter", "director", "lead", "head",
        "vp", "svp", "evp", "ceo", "cto", "cfo", "coo", "cio", "founder", "cofounder",
        "co founder", "owner", "president", "interviewer", "supervisor", "contact",
        "point of contact", "sponsor", "decision maker", "executive", "chief", "she", "he",
        "=her", "=his", "=him", "talent partner", "coordinator", "hr person", "hr rep",
        "hr contact", "principal", "partner", "team leader", "dean", "chair",
        "the person", "person in charge", "editor", "agent", "hr lady", "hr guy", "rep",
    ],
    "HR": [
        "hr", "human resources", "people team", "people ops", "people operations",
        "talent acquisition", "talent team", "recruiting", "recruitment", "recruiter",
        "legal", "legal team", "recruiting team", "hr department", "personnel",
    ],
    "APPROVER": [
        "finance", "cfo", "ceo", "coo", "cto", "vp", "svp", "evp", "director", "board",
        "leadership", "executive", "executives", "c suite", "committee", "senior management",
        "upper management", "higher ups", "higher up", "head office", "headquarters", "hq",
        "corporate", "legal", "compensation", "comp team", "budget", "owner", "founder",
        "president", "partners", "regional", "dean", "council", "management", "payroll",
        "head of", "big boss", "grand boss", "skip level", "global", "parent company",
    ],
    "NEG": ["not", "no", "never", "=without", "nobody", "no one", "no longer", "none"],
    # a place where a negator may stand and still deny the cue ("has not changed")
    "NEGSLOT": ["not", "never", "no longer"],
    "COP": ["is", "are", "was", "were", "be", "been", "being", "am", "=went", "=gone",
            "=goes", "=going", "=go", "=get", "=got", "=getting", "=fell", "=falls"],
    "AWAYNOUN": [
        "vacation", "=vacations", "holiday", "=holidays", "pto", "sabbatical", "honeymoon",
        "out of office", "out of the office", "out of town", "out of the country",
        "jury duty", "business trip", "=trip", "=travel", "=travels", "=traveling",
        "=travelling", "=traveled", "=travelled", "conference", "offsite", "off site",
        "retreat", "annual leave", "medical leave", "sick leave", "maternity", "paternity",
        "parental leave", "pat leave", "family leave", "bereavement", "leave of absence",
        "hospital", "hospitalized", "hospitalised", "surgery", "illness", "out sick",
        "off sick", "sick", "covid", "flu", "family emergency", "medical emergency",
        "abroad", "overseas", "on the road", "time off", "day off", "days off",
        "week off", "weeks off", "away", "on leave", "holidaying", "vacationing",
        "summer break", "winter break", "christmas break", "spring break", "funeral",
    ],
    "LEAVEQ": [
        "medical", "maternity", "paternity", "parental", "sick", "annual", "family",
        "bereavement", "extended", "unexpected", "emergency", "personal", "compassionate",
        "stress", "long term", "short term", "disability", "unpaid", "adoption", "garden",
    ],
    "PERIOD": [
        "this week", "next week", "all week", "the week", "for a week", "for two weeks",
        "for the week", "until", "through", "today", "tomorrow", "the rest of",
        "for a while", "for a bit", "for the month", "for the summer", "this month",
        "monday", "tuesday", "wednesday", "thursday", "friday", "on", "for",
    ],
    "LEFTVERB": [
        "=left", "=leaving", "=leaves", "quit", "=quitting", "resigned", "=resigning",
        "=resigns", "fired", "let go", "laid off", "=terminated", "departed", "=moved on",
        "no longer with", "no longer at", "no longer works", "no longer working",
        "no longer employed", "not with the company", "retired", "=retiring", "poached",
        "stepped down", "step down", "stepping down", "transferred", "promoted",
        "moved to another", "moved to a different", "moved teams", "changed jobs",
        "changed roles", "changed companies", "switched jobs", "switched teams",
        "passed away", "=gone {!on|for|to|quiet|silent|dark|cold|out|away|home|through|over|by|with|into|ahead|back|missing}",
        "has been replaced", "was replaced", "got replaced", "reassigned", "let go of",
        "walked out", "jumped ship", "no longer there", "not there any more",
        "does not work there", "do not work there", "is not at the company",
        "ousted", "=pushed out", "=forced out", "sacked", "=dismissed", "axed", "canned",
    ],
    "CANDS": [
        "candidates", "=candidate", "applicants", "people", "finalists", "=finalist",
        "interviewees", "contenders", "folks", "options", "profiles",
    ],
    "PENDING": [
        "need", "needs", "has to", "have to", "had to", "waiting on", "waiting for",
        "wait on", "wait for", "pending", "awaiting", "require", "must", "still",
        "yet to", "goes to", "go to", "going to", "went to", "sent to", "is with", "are with",
        "=was with", "now with", "still with", "currently with", "sitting with",
        "up to", "sits with", "stuck with", "depends on", "depending on", "in the hands of",
        "run it by", "run by", "running it by", "check with", "checking with", "ask",
        "escalate", "escalated to", "over to", "passed to", "off to",
    ],
    "OKVERB": [
        "approve", "approval", "approvals", "sign off", "signs off", "signed off",
        "signing off", "signoff", "signoffs", "signature", "okay", "ok", "green light",
        "greenlight", "rubber stamp", "bless", "blessing", "authorize", "authorise",
        "authorization", "authorisation", "ratify", "review", "go ahead", "buy in",
        "final say", "final word", "agree", "consent", "release the budget", "nod",
    ],
    "RNOUN": [
        "role", "position", "job", "posting", "job description", "job posting",
        "requisition", "opening", "title", "level", "scope", "responsibilities",
        "headcount", "job spec", "spec", "description", "grade", "band", "vacancy",
        "seniority", "req", "post", "remit", "requirements", "qualifications", "duties",
        "criteria", "skill set", "job ad", "advert", "listing", "specification",
        "job specification", "requirement", "expectations", "hours",
    ],
    "RVERB": [
        "rethink", "reconsider", "re evaluate", "reevaluate", "reassess", "revisit",
        "redefine", "rework", "rewrite", "reshape", "rescope", "re scope", "relevel",
        "re level", "reclassify", "reclassification", "re classify", "refine", "revise",
        "redesign", "repurpose", "restructure", "redo", "split", "downgrade", "upgrade",
        "broaden", "narrow", "change", "changing", "tweak", "adjust", "update", "evolve",
        "merge", "combine", "expand", "shrink", "retitle", "rename", "re think",
        "reconfigure", "re imagine", "reimagine", "convert", "=rethought", "alter", "morph",
        "downgrade", "lower", "=lowered", "review", "=reviewed",
    ],
    "CHECKNOUN": [
        "reference", "references", "referee", "referees", "background", "criminal",
        "credit", "drug", "security", "dbs", "crb", "employment", "education", "degree",
        "credential", "credentials", "license", "licence", "right to work",
        "work authorization", "visa", "immigration", "clearance", "vetting", "medical",
        "psych", "polygraph", "social media", "former employer", "former employers",
        "previous employer", "previous employers", "past employer", "past employers",
        "old boss", "former boss", "former manager", "previous manager", "employment history",
        "work history", "qualifications", "i 9", "e verify", "fingerprint", "fingerprints",
    ],
    "CHECKVERB": [
        "check", "checks", "=checking", "=checked", "screen", "=screening", "test",
        "verification", "verify", "verifying", "verified", "call", "=calling", "=called",
        "contact", "=contacting", "=contacted", "reach out to", "reached out to",
        "reaching out to", "speak to", "spoke to", "speaking to", "spoken to", "talk to",
        "talked to", "talking to", "speak with", "spoke with", "talk with", "vet",
        "=vetted", "=vetting", "run", "running", "email", "=emailed", "=emailing", "phone",
        "=phoned", "=phoning", "confirm", "=confirming", "=confirmed",
    ],
    "ROUND": [
        "round", "interview", "panel", "onsite", "on site", "meeting", "call", "stage",
        "conversation", "chat", "presentation", "final", "next step", "next steps",
        "visit", "super day", "superday", "loop", "assessment",
    ],
    "NEXT": [
        "next", "final", "last", "second", "third", "fourth", "2nd", "3rd", "4th",
        "another", "one more", "follow up", "further", "additional", "extra",
    ],
    "TIMENOUN": [
        "time", "times", "date", "dates", "slot", "slots", "calendar", "calendars",
        "diary", "diaries", "availability", "availabilities", "schedule", "schedules",
        "window", "opening in", "day that works", "time that works", "appointment",
        "appointments", "appointment times",
    ],
}


#: (reasons -> weight, pattern, flips). ``reasons`` maps reason id to weight; an
#: empty mapping is a decoy. ``flips`` False: a negation does not deny it
#: ("no decision", "not approved" are about a pending step). ``polarity`` -1: the
#: pattern itself says the reason is over ("she is back", "references came back").
@dataclass(frozen=True, slots=True)
class _Entry:
    reasons: tuple[tuple[str, float], ...]
    pattern: str
    flips: bool = True
    polarity: int = 1
    negslot: bool = False  # a negator may stand inside the match ("@NEGSLOT")


def _e(spec: dict[str, float] | None, pattern: str, *, flips: bool = True, polarity: int = 1) -> _Entry:
    return _Entry(tuple((spec or {}).items()), pattern, flips, polarity, "@NEGSLOT" in pattern)


HR = "hr_gatekeeping"
AWAY = "key_person_away"
PRIO = "priority_project"
LEFT = "key_person_left"
REORG = "reorganization"
ROLE = "role_rethought"
SIGN = "sign_offs"
SCHED = "scheduling"
OTHER = "other_candidates"
CHECK = "checks_in_progress"

LEXICON: tuple[_Entry, ...] = (
    # -- decoys: old news and everyday phrases that look like a reason --------
    _e(None, "(schedule|set up|book|arrange|organize|organise|line up) ~3 (first|initial|phone|intro|introductory|screening) ~2 (call|screen|interview|chat|meeting)"),
    _e(None, "(=left|leave|=leaving) ~2 (voicemail|voice mail|message|msg|vm|note|comment|review|feedback|word|reply|response|thank you)"),
    _e(None, "(=left|=leaving) (early|the room|the building|the office|the interview|the meeting|the call|for the day|for lunch|feeling|happy|excited|confident|thinking)"),
    _e(None, "(right|straight) away"),
    _e(None, "(get|hear|write|call|come|circle|reach|respond|email|text|revert) back (to|from)? (me|you|us|them|him|her|within|soon|in|by|with|about)"),
    _e(None, "conference (call|room|line|bridge)"),
    _e(None, "(sick|tired) of"),
    _e(None, "(=i|=we) ~2 (take|had|have|need) ~2 (a|some)? (break|breather|walk|day off|time off|vacation|holiday)"),
    _e(None, "(moved|move|moving) (on|forward) (to|with)? (the|my)? (next question|next topic|the interview|the conversation)"),
    _e(None, "no (rush|pressure|hurry)"),
    # the holidays named as a time are no person away (the season is weighed from the dates)
    _e(None, "(over|after|during|around|before|until|till|through) the (holidays|holiday season|holiday period|christmas break|new year|break)"),
    # a round already held is history, not a calendar to find
    _e(None, "(=did|=had|after|=completed|=finished|=attended|=went to|through|=done with) ~2 (the|my|a|our)? @NEXT ~1 (=round|=interview|=panel|=onsite|=stage|=presentation)"),

    # -- hr_gatekeeping ---------------------------------------------------------
    _e({HR: STRONG}, "@HR ~5 (all|every|only|any) ~3 (contact|communication|communications|update|updates|news|correspondence|question|questions|message|messages|info|information|feedback|decisions|offers)"),
    _e({HR: STRONG}, "(all|every|only|any) ~3 (contact|communication|communications|update|updates|correspondence|question|questions|message|messages|news|feedback|information) ~5 (through|via|from|by|handle|handled|route|routed|channel|channeled|channelled|come|go) ~3 @HR"),
    _e({HR: STRONG}, "@HR ~3 (only|sole|single|main|one) ~2 (contact|point of contact|channel|person to talk to)"),
    _e({HR: CLEAR}, "(everything|anything|it|all) ~2 (goes|go|going|has to go|must go|routed|runs) (through|via) ~2 @HR"),
    _e({HR: CLEAR}, "(forward|forwarded|redirect|redirected|refer|referred|point|pointed|pass|passed|send|sent|direct|directed|bounce|bounced|route|routed) ~3 (me|my email|my message|my question|it|my note|my follow up)? ~2 (back )?(to|toward) ~2 @HR"),
    _e({HR: CLEAR}, "(not|never) ~3 (allowed|permitted|supposed|able|authorized|authorised|at liberty) ~3 (talk|speak|discuss|comment|share|respond|reply|contact|say|update|tell|communicate|give)"),
    _e({HR: CLEAR}, "(not|never) ~1 (let|allow|permit) ~4 (talk|speak|discuss|comment|share|respond|reply|contact|say|update|communicate)"),
    _e({HR: CLEAR}, "(tell|told|instruct|ask|advise|warn) ~2 not to (reply|respond|contact|talk|speak|discuss|comment|engage|communicate|answer)"),
    _e({HR: FAIR}, "(not|never) ~2 (share|discuss|comment|disclose|reveal|say|give) ~3 (anything|details|information|info|much|more|specifics|feedback|status|update|updates)"),
    _e({HR: CLEAR}, "(policy|protocol|rule|rules|legal reasons|compliance) ~5 (contact|communicate|communication|reply|respond|respond|feedback|update|updates|discuss|share|talk|speak)"),
    _e({HR: CLEAR}, "(contact|communicate|communication|reply|respond|feedback|update|updates|discuss|talk|speak) ~4 (policy|protocol|rules|for legal reasons|compliance)"),
    _e({HR: FAIR}, "@HR ~3 (handle|control|manage|own|run|coordinate|in charge of|gatekeep|gatekeeps|gatekeeping) ~3 (all|every|everything|communication|communications|contact|process|the process|updates)"),
    _e({HR: FAIR}, "(interviewer|interviewers|manager|managers|panel|team|boss|director|she|he) ~4 (not|never) ~2 (reply|respond|answer|write back|get back|return|acknowledge)"),
    _e({HR: CLEAR}, "(not|never|cannot) ~1 (contact|reply to|respond to|talk to|speak to|speak with|talk with|communicate with|email|call|engage with) ~2 (candidates|applicants|=candidate|=applicant|directly|you|me)"),
    _e({HR: FAIR}, "(automated|auto|generic|form|canned|template|templated|standard|blanket) (reply|response|email|letter|message|update)"),
    _e({HR: FAIR}, "(no reply|noreply|do not reply|candidate portal|applicant portal|the portal|ats|applicant tracking)"),
    _e({HR: CLEAR}, "(go|goes|going|come|comes|coming|hear|come back) ~2 (only )?(through|from|via) ~2 @HR ~2 (only|not|rather)"),
    _e({HR: FAIR}, "(only|just) (through|via|from) ~2 @HR"),
    _e({HR: FAIR}, "@HR ~2 (gatekeeper|gatekeepers|gatekeeping|bottleneck)"),
    _e({HR: CLEAR}, "(route|routed|routing|direct|directed|send|sent|channel|funnel|funneled|funnelled|run|keep|address|take) ~1 (everything|anything|all|any|all my|my) ~3 (through|via|to|with) ~2 @HR"),
    _e({HR: CLEAR}, "(deal|speak|talk|communicate|correspond|liaise|work) (only|just|directly)? (with|through) ~2 @HR (from now on|going forward|only|instead|directly)"),
    # HR as the step the wait sits on: nothing heard from them, or they must process it
    _e({HR: CLEAR}, "(not|never|nothing|no word|no news|no call|no email|no response|no reply) ~3 (=heard|=hear|=hearing|=gotten|=received|=got|=back) ~3 (from|back from|by) ~2 @HR"),
    _e({HR: CLEAR}, "(waiting|wait|=waited|still waiting) (on|for|to hear from) ~2 @HR"),
    _e({HR: FAIR}, "@HR ~3 (process|processing|=processed|paperwork|clear|clearing|=cleared|has to|needs to|need to|sitting on|slow|taking forever|taking its time|taking their time|dragging|=dragging|lost|never passed|has not passed|did not pass|backlog)"),
    _e({HR: FAIR}, "@HR ~2 (never|not|has not|have not|did not|stopped) ~3 (=called|=responded|=replied|=got back|=returned|=followed up|=answered|=contacted)"),
    _e({HR: FAIR}, "(talent acquisition|talent acquisition team|recruiting coordinator|recruitment team|hr department|human resources department)"),

    # -- key_person_away ----------------------------------------------------------
    _e({AWAY: STRONG}, "(on|out on|off on|away on|taking|take|start|starting|begin|begins) ~2 @LEAVEQ? leave {!a|me|you|of the|it|feedback|voicemail|message|the company|the team}"),
    _e({AWAY: STRONG}, "@LEAVEQ leave"),
    _e({AWAY: CLEAR}, "@AWAYNOUN {!call|room|line|bridge|party|card|cards|plans|of|from work}"),
    _e({AWAY: STRONG}, "@ROLE ~4 @AWAYNOUN {!call|room|line|bridge|party|of}"),
    _e({AWAY: STRONG}, "@ROLE ~4 (on|out on) ~2 leave"),
    _e({AWAY: CLEAR}, "@COP (away|out|off) (@PERIOD|sick|ill|on business|for business|at|in|of office|of the office|of town|the whole|all)"),
    _e({AWAY: CLEAR}, "@COP (=ill|=unwell|=hospitalized|=hospitalised|=unavailable|=indisposed|=recovering|=traveling|=travelling|=abroad)"),
    _e({AWAY: CLEAR}, "(fell|fall|falls|taken|got|gets|been) (ill|sick|unwell)"),
    _e({AWAY: FAIR}, "(called|pulled|whisked) away"),
    _e({AWAY: FAIR}, "(not|never) (been )?(in the office|at work|in office|around|reachable|contactable|available|in)(this|all|the|for|since|today|week|lately)"),
    _e({AWAY: FAIR}, "(emergency|emergencies) {!project|release|fix|fire}"),
    _e({AWAY: STRONG}, "@ROLE ~4 (is|was|'s|be|been|are) (out|off|away) {!of the running|of the process|of budget}"),
    _e({AWAY: FAIR}, "(team|everyone|they|people|panel) ~3 (onsite|on site|at an offsite|at a conference|off site|at the offsite|traveling|travelling|at an event|at a trade show|at a summit)"),
    _e({AWAY: FAIR}, "(onsite|on site) (for|this|all|the whole) (week|the week|week)"),
    _e({AWAY: CLEAR}, "(until|when|once|after|before) (she|he|they|the @ROLE|@ROLE|everyone|the team|people|=her|=his) ~2 (is|are|=gets|=get|=comes|=come|=returns|=return|be|=back) ~1 back"),
    _e({AWAY: CLEAR}, "(until|when|once|after|before) (she|he|they|the @ROLE|@ROLE|everyone|the team|people) ~2 (=returns|=return|=comes in|=gets in)"),
    _e({AWAY: CLEAR}, "(will|=would|should) be back (on|next|in|after|at|from|by|monday|tuesday|wednesday|thursday|friday|tomorrow|the|later|soon)"),
    _e({AWAY: CLEAR}, "(=returns|=returning|=back) (on|next|from|after|monday|tuesday|wednesday|thursday|friday|tomorrow|to the office|to work|in a week|in two weeks|later)"),
    _e({AWAY: CLEAR}, "(not|never) (be )?back (yet|until)"),
    _e({AWAY: STRONG}, "@ROLE ~3 (is|was|are|were) (on|in) (the )?(hospital|vacation|holiday|holidays|leave|a trip|the road|sabbatical|a retreat)"),
    _e({AWAY: STRONG}, "@ROLE ~4 (had|having|has) ~2 (surgery|a baby|an operation|an accident|a family emergency|covid|the flu|a death in the family)"),
    _e({AWAY: WEAK}, "(over|after|during|around|before) (the )?(holidays|christmas|xmas|new year|thanksgiving|summer|easter|eid|diwali|spring break|august|the break)"),
    _e({AWAY: CLEAR}, "(away|out of office|ooo) (message|reply|notice|auto reply|autoreply|responder|auto response)"),
    _e({AWAY: CLEAR}, "(auto|automatic) (reply|response|responder) ~3 (away|vacation|holiday|leave|out|office)"),
    _e({AWAY: CLEAR}, "(is|are|=was|=were|be|now) back (from|at|in the office|to work|in office)", polarity=-1),
    _e({AWAY: CLEAR}, "(she|he|they|@ROLE|=everyone|=team) ~3 (came|come|got|=returned|finally|=now) back (from|to|yesterday|today|last|this|on)?", polarity=-1),
    _e({AWAY: CLEAR}, "@ROLE ~1 (=returned|=has returned|=is back|=are back|=was back|=now back|=got back|=came back|=has been back)", polarity=-1),
    _e({AWAY: CLEAR}, "(not|never) ~1 be (in|at|around|reachable|available|in the office|at work|in office) ~2 (the office|office|work|this week|next week|until|today|tomorrow|for)"),
    _e({AWAY: CLEAR}, "(=at|=attending|=in) (a|the) (conference|trade show|trade fair|summit|offsite|off site|retreat|training|course|convention|expo|workshop) {!room|call}"),

    # -- priority_project ----------------------------------------------------------
    _e({PRIO: STRONG}, "(crunch|crunch mode|crunch time|firefighting|fire fighting|fire drill|all hands on deck|putting out fires|put out fires|war room)"),
    _e({PRIO: STRONG}, "(pull|pulled|pulling|drag|dragged|sucked|thrown|put|reassign|reassigned|move|moved|shift|shifted|divert|diverted|borrow|borrowed) ~2 (into|onto|on to|on|off onto|to) ~3 (project|projects|launch|release|deal|deals|initiative|priority|fire|crisis|audit|deadline|emergency|urgent|other work|client|customer|incident|outage|migration|rollout)"),
    _e({PRIO: CLEAR}, "(tie|tied|caught|bogged|consumed|swallowed|busy|occupied|buried|absorbed|focused|focussed|heads down|head down|stuck|distracted) ~3 (up )?(with|by|on|in) ~3 (project|projects|launch|release|deal|deals|initiative|priority|priorities|fire|crisis|audit|deadline|deadlines|emergency|urgent|incident|outage|migration|rollout|quarter|year end|month end|busy season|work|other things|client|clients|customer)"),
    _e({PRIO: CLEAR}, "(top|high|urgent|new|competing|shifting|shifted|other|bigger|pressing|changing|changed|conflicting|higher) (priority|priorities|project|projects|initiative|initiatives|fires)"),
    _e({PRIO: CLEAR}, "(priorities) ~2 (change|changed|shift|shifted|moved|elsewhere|lie elsewhere)"),
    _e({PRIO: STRONG}, "(back burner|backburner|back seat|backseat|on the shelf|deprioritize|deprioritise|deprioritized|deprioritised|de prioritized|de prioritised|lower priority|low priority|not a priority)"),
    _e({PRIO: FAIR}, "(before|until|after|during|ahead of|around|for) (the )?(release|launch|go live|go-live|deadline|product launch|audit|quarter end|year end|month end|end of quarter|end of the quarter|end of year|end of the year|busy season|peak season|big push|ship date|cutover|migration|rollout|conference season|board meeting|tax season|fiscal year end)"),
    _e({PRIO: CLEAR}, "(team|everyone|they|manager|managers|boss|director|department|she|he|lead|recruiter|people|hiring manager) ~3 (swamped|slammed|overloaded|snowed under|underwater|stretched thin|stretched|overwhelmed|flat out|overworked|drowning|buried|busy|hectic|crazy)"),
    _e({PRIO: WEAK}, "(swamped|slammed|overloaded|snowed under|underwater|stretched thin|overwhelmed|flat out|drowning|swamped with work|busy|hectic|crazy busy|super busy|chaotic)"),
    _e({PRIO: FAIR}, "(urgent|critical|major|big|huge|key) (project|deal|deadline|launch|release|client|customer|incident|issue|problem|initiative)"),
    _e({PRIO: FAIR}, "(outage|incident|crisis|emergency project|emergency release|production issue|hotfix|audit|tax season|busy season|peak season|quarter close|month end close|year end close)"),
    _e({PRIO: CLEAR}, "(hands full|hands are full|=stuck in meetings|=stuck in a meeting|back to back meetings|meetings all day|in meetings all|in a meeting|meeting ran over|meeting running over|=understaffed|short staffed|short handed|=shorthanded|too busy|so busy|very busy|extremely busy|a million other things|no time to|=find the time|put out a fire|putting out a fire|=putting out fires)"),
    _e({PRIO: CLEAR}, "(something|issue|emergency|problem|crisis|situation|fire|matter) ~2 (=came up|=come up|=coming up|=cropped up|=popped up)"),

    # -- key_person_left ------------------------------------------------------------
    _e({LEFT: STRONG}, "@ROLE ~4 @LEFTVERB {!me|a|an|you|us|him|her|them|my|message|voicemail|note|word|comment|feedback|for vacation|for holiday|for the holidays|on vacation|on leave|on holiday|for a conference|for a trip|early|the room|the building|the office|the interview|the meeting|the call|for the day|for lunch|in charge|to do|sick|of office|of the office|of town|this|next|for}"),
    _e({LEFT: STRONG}, "(=left|quit|resigned|departed|exited|walked out of|=leaving|=leaves|=is leaving) (from )?(the|her|his|their|this|our|that)? (company|team|firm|organization|organisation|org|business|department|agency|group|school|hospital|startup|employer)"),
    _e({LEFT: CLEAR}, "(new|replacement|interim|acting|temporary) (hiring manager|manager|recruiter|boss|lead|contact|point of contact|supervisor|team lead|hr person|hr contact|hr rep|interviewer)"),
    _e({LEFT: FAIR, REORG: FAIR}, "(new|replacement|interim|acting) (director|vp|head|department head|head of department|svp|evp|principal|editor|ceo|president|dean|chair|executive director|ed)"),
    _e({LEFT: FAIR}, "(=rotating|=rotated|=moving|=moved|=transferring|=transferred|=reassigned|=switching|=switched) (off|to|onto) (the|another|a different|a new) (project|team|department|role|office|location|branch|site|account)"),
    _e({LEFT: STRONG}, "(replace|replacing|replacement|backfill|backfilling|find a replacement for|find a successor|successor) ~3 (@ROLE|her|him|them|manager|the person|the recruiter)?"),
    _e({LEFT: CLEAR}, "(took over|take over|taking over|takes over|handed over|handed off|handing over|handed me off|handed me over|transferred me|passed me on|passed me over|inherited) ~3 (from|to|my|the|search|process|role|file|application|candidacy)?"),
    _e({LEFT: CLEAR}, "(no longer|not) ~2 (with the company|at the company|works there|working there|employed|on the team|part of the team|in the role|in that role|in the job|there)"),
    _e({LEFT: FAIR}, "(her|his|their|the @ROLE|@ROLE) (last day|leaving do|farewell|exit|resignation|notice period|departure|successor)"),
    _e({LEFT: CLEAR}, "(email|emails|mail|message|messages) ~3 (bounce|bounced|bouncing|undeliverable)"),
    _e({LEFT: CLEAR}, "(took|take|taking|accepted|accept|got|started|start|starting|found|landed|=left for) ~3 (job|position|role|offer|opportunity|post) ~3 (elsewhere|somewhere else|at another|at a different|with another|with a different|at a competitor|outside the company|across town)"),
    _e({LEFT: CLEAR}, "(went|gone|moved|left|=jumped) (to|for) ((another|a different|a new) (company|firm|employer|job|organization|organisation|competitor|agency|school|hospital)|a competitor|a rival)"),
    _e({LEFT: CLEAR}, "(let|=letting) (@ROLE|her|him) go"),

    # -- reorganization ---------------------------------------------------------------
    _e({REORG: STRONG}, "(reorganization|reorganize|reorganise|re org|re orgs|restructure|restructuring|restructured|re structure|re structuring|reshuffle|reshuffling|shake up|shakeup|shake ups|realignment|realign|realigning|reorganizing|reorganising|overhaul|org changes|org change|organizational changes|organisational changes|structural changes|new org chart|org chart)"),
    _e({REORG: STRONG}, "(merger|merge|merging|merged|acquired|acquisition|acquiring|bought out|bought by|taken over by|take over by|buyout|buy out|spun off|spin off|spinoff|being sold|was sold|sold to|takeover|integration|consolidation|consolidate|consolidating) {!with the team|my application}"),
    _e({REORG: STRONG}, "(layoffs|layoff|laid off|lay off|lay offs|redundancies|redundancy|downsizing|downsize|downsized|rif|reduction in force|job cuts|budget cuts|cost cutting|cost cuts|headcount cuts|cutbacks|cut backs|bankruptcy|chapter 11|insolvency|administration)"),
    _e({REORG: CLEAR, SIGN: WEAK}, "(hiring freeze|freeze|frozen|pause on hiring|paused hiring|hiring pause|hiring paused|paused all hiring|halted hiring)"),
    _e({REORG: CLEAR}, "(new|changes in|change in|changes to|change of|shake up of|turnover in) (ceo|leadership|management|executive team|exec team|owner|owners|ownership|board|cfo|coo|president|c suite|senior leadership|direction|strategy|parent company)"),
    _e({REORG: CLEAR}, "(department|team|division|company|org|organization|organisation|group|unit|business) ~3 (changing|being changed|being merged|merged|split|being split|being restructured|restructured|reorganized|reorganised|in flux|in turmoil|in transition|going through changes|going through a lot|changes|upheaval|dissolved|disbanded)"),
    _e({REORG: FAIR, PRIO: WEAK, ROLE: WEAK}, "(on hold|on pause|paused|put on ice|on ice|in limbo|stalled|halted|suspended|frozen)"),
    _e({REORG: FAIR}, "(funding|fundraise|fund raising|fundraising|investors|investment round|series a|series b|ipo|going public|runway)"),
    _e({REORG: CLEAR}, "(freeze|hiring freeze|restructuring|reorganization|re org|merger) ~3 (=lifted|=over|=ended|=done|=finished|=unfrozen|=cancelled|=canceled|=called off|=behind us|=completed|=complete|=resolved)", polarity=-1),
    _e({REORG: CLEAR}, "(=unfrozen|=unfreeze|lifted the freeze|freeze was lifted|freeze has been lifted|freeze is over|hiring resumed|hiring has resumed|resumed hiring)", polarity=-1),
    _e({REORG: STRONG}, "(lay|laid|laying|lays) ~4 (people|staff|team|teams|employees|workers|department|half|dozens|hundreds|thousands|everyone|a lot|many|some) ~2 off"),
    _e({REORG: CLEAR}, "(not|no longer|stopped|stop|=halted|=suspended|=paused) (hiring|filling|recruiting|adding headcount)"),
    _e({REORG: CLEAR}, "(kill|=killed|cancel|=cancelled|=canceled|pull|=pulled|eliminate|=eliminated|scrap|=scrapped|=axed|=cut|close|=closed|=withdrew|=withdrawn|=dissolved|=defunded) ~3 (the|my|this|that)? (job posting|posting|position|role|req|requisition|opening|job|vacancy|headcount|post)"),
    _e({REORG: CLEAR}, "(budget|funding|financial|money|cash) ~3 (concerns|concern|issues|issue|problems|problem|cut|cuts|tight|shortfall|constraints|constraint|uncertain|uncertainty|frozen|freeze|crunch|troubles|dried up|ran out|running out)"),
    _e({REORG: FAIR}, "(not|never) ~1 (allowed|able|permitted|authorized) to (make|extend|give|send) ~2 (offers|offer|anyone|any)"),
    _e({REORG: CLEAR}, "(concerns|concern|worries|issues|problems|uncertainty|questions) (about|over|with|around) ~2 (budget|budgets|funding|finances|money|the economy|cash flow)"),

    # -- role_rethought -----------------------------------------------------------------
    _e({ROLE: STRONG}, "@RVERB ~4 @RNOUN"),
    _e({ROLE: STRONG}, "@RNOUN ~4 (is|was|are|were|being|been|be|get|gets|getting|might|may|could|will|has|have|had|did|does) @NEGSLOT? ~2 @RVERB"),
    _e({ROLE: STRONG}, "(reclassification|reclassify|reclassified|reclassifying|re classify|re classification|relevel|re level|re leveling|re levelling|releveling|rescope|re scope|rescoping|re scoping|regrade|re grade|regrading|retitle|re title)"),
    _e({ROLE: CLEAR}, "(contract|contractor|freelance|freelancer|part time|part-time|full time|temp|temporary|permanent|fte|consulting|consultant|hourly|fixed term|fixed-term|remote|hybrid|in office|onsite) (role|position|job|basis|hire|instead|gig|contract|arrangement|only)"),
    _e({ROLE: CLEAR}, "(make|making|made|turn|turning|turned|convert|converting|converted|change|changing|changed|switch|switching|switched|offer|offering) ~2 (it|the role|the position|the job|this) ~2 (a|an|into|to)? ~1 (contract|contractor|freelance|part time|full time|temp|temporary|permanent|consulting|hourly|fixed term|remote|hybrid|senior|junior|lead|manager|different)"),
    _e({ROLE: CLEAR}, "(more|less|a more|a less|very) (senior|junior|experienced|technical|specialized|specialised|generalist)"),
    _e({ROLE: CLEAR}, "(senior|junior|higher|lower|different|another|other|new|second|separate|bigger|smaller|broader|narrower|hybrid|combined|split) (level|title|role|roles|position|positions|grade|band|scope|job description|opening|remit|version of the role)"),
    _e({ROLE: CLEAR}, "(split|splitting|divide|dividing|break|breaking) ~3 (into|in) (two|2|three|3|two roles|separate|halves|pieces|parts)"),
    _e({ROLE: CLEAR}, "(two|2|three|3|multiple|several) (positions|roles|openings|jobs|people|hires) (instead|rather than|out of|from)"),
    _e({ROLE: FAIR, OTHER: FAIR}, "(=reposted|=re posted|=relisted|=re listed|=reopened|=re opened|=re advertised|=readvertised|posting ~2 back up|=still (advertised|posted|open|up|listed|on linkedin|on their site|on the site|live))"),
    _e({ROLE: CLEAR}, "(which|what|the right|a different) (team|department|group|level|title|function|unit) ~4 (role|position|job|=i|=me|sit|sits|fit|fits|go|goes|join|work|belong|belongs|report|reports)"),
    _e({ROLE: FAIR}, "(instead|rather than|in place of) ~3 (role|position|contract|hire|full time|permanent|senior|junior)"),
    _e({ROLE: FAIR}, "(better|different|other) (fit|suited|suit) (for|to) ~2 (another|a different|other|different)"),
    _e({ROLE: CLEAR}, "(consider|considering|considered|think|thinking|look|looking) ~2 (me|you)? (for|at) ~2 (another|a different|other|different|second|new|separate|a more|a less) ~2 (role|position|team|job|opening|level)"),
    _e({ROLE: FAIR}, "(figure|figuring|work|working|decide|deciding|sort|sorting|think|thinking) (out|through|about)? ~3 (the role|the position|what they need|what they want|what the role|which team|the team structure|the scope|the level|the title)"),
    _e({ROLE: CLEAR}, "(=downgraded|=upgraded|=changed|=converted|=turned|=switched|=moved) ~2 (to|into) (a )?(temp|temporary|contract|contractor|part time|full time|temp to perm|freelance|hourly|consulting|lower|higher|different|junior|senior)"),
    _e({ROLE: FAIR, REORG: FAIR}, "(position|role|job|post|opening|vacancy) ~3 (=no longer|not) ~2 (exists|exist|there|available|needed|open|funded)"),
    _e({ROLE: CLEAR}, "(one|a|two) (grade|level|band|step) (lower|higher|down|up|below|above)"),
    _e({ROLE: CLEAR}, "(no idea|not sure|unsure|undecided|not know|not clear|unclear|figure out) ~2 (what|who|which) (they|we|the team|the company) ~2 (want|wanted|need|needed|were looking for|are looking for|looking for)"),
    _e({ROLE: FAIR, SIGN: FAIR}, "(headcount|budget for the role|budget for the position|role budget|position budget|comp band|salary band|pay band|salary range|compensation range)"),

    # -- sign_offs ----------------------------------------------------------------------------
    _e({SIGN: CLEAR}, "@PENDING ~3 @APPROVER {!said|says|is fine|was fine|of the interview}", flips=False),
    _e({SIGN: STRONG}, "@APPROVER ~4 @OKVERB", flips=False),
    _e({SIGN: STRONG}, "@OKVERB ~3 (from|by|of) ~3 @APPROVER", flips=False),
    _e({SIGN: CLEAR}, "(approval|approvals|sign off|sign offs|signoff|signoffs|signatures|red tape|bureaucracy|bureaucratic|chain of command|layers of approval|levels of approval|approval chain|approval process|rubber stamp|paperwork|authorization|authorisation|green light|go ahead)", flips=False),
    _e({SIGN: STRONG}, "(working on|work on|putting together|put together|drafting|draft|drawing up|draw up|preparing|prepare|writing up|write up|finalizing|finalising|finalize|finalise|getting|generating|sorting|sorting out|pulling together) ~2 (an|the|my|a|your)? ~1 (offer|offer letter|contract|package|paperwork|numbers|compensation|comp)"),
    _e({SIGN: STRONG}, "(offer|offer letter|contract|package) ~3 (is|was|being|in|be|getting|needs|must)? ~2 (approved|approval|drafted|prepared|finalized|finalised|reviewed|signed off|the works|progress|process|pipeline|preparation|put together|written|generated)", flips=False),
    _e({SIGN: CLEAR}, "(several|multiple|a few|many|various|numerous|other|more|three|four|five|few) (people|stakeholders|approvers|managers|executives|leaders|layers|levels|steps|departments|signatures|higher ups) ~4 (approve|sign|sign off|agree|weigh in|review|say|okay|blessing|involved|to go through|have to|need to|must)", flips=False),
    _e({SIGN: CLEAR}, "(exec sign off|executive sign off|hiring committee)", flips=False),
    _e({SIGN: WEAK}, "(stakeholder|stakeholders|higher ups|higher up|bosses|upper management|senior management|leadership team|committee)", flips=False),
    _e({SIGN: FAIR}, "(recommend|recommended|recommending|put forward|put me forward|putting me forward|submitted my name|pushing for me|push for me|pushed for me|championing|advocate|advocating|pitch|pitched) ~4 (me|you|my name|my application|my candidacy|to|for)?", flips=False),
    _e({SIGN: FAIR}, "(meeting|meets|meet|discussion|discuss|discussing|review|reviewing) ~3 (next week|on monday|on tuesday|on wednesday|on thursday|on friday|this week|with leadership|with the board|with the team|with finance|with the director|with the vp)"),
    _e({SIGN: FAIR}, "(budget|funding) ~3 (approve|approval|sign off|confirm|confirmed|confirmation|release|released|secured|finalized|finalised|signed|okay|ok)", flips=False),

    _e({SIGN: CLEAR}, "@APPROVER ~2 (slow|is slow|are slow|taking their time|taking its time|dragging|backed up|has it|have it|looking at it|sitting on it|mulling|deliberating|meets|meeting)", flips=False),
    # a step that is done: the approval came through, the VP signed off
    _e({SIGN: CLEAR}, "(=got|=was|=were|=has been|=have been|=had been|=is|=are|=been|=finally|=now|=all|=just|=fully) ~1 (=approved|=signed off|=authorized|=authorised|=greenlit|=greenlighted|=okayed|=rubber stamped|=ratified)", polarity=-1),
    _e({SIGN: CLEAR}, "(approval|approvals|sign off|sign offs|signoff|green light|go ahead|budget|funding|headcount|requisition|paperwork) ~3 (=came through|=came in|=went through|=is through|=was granted|=been granted|=got granted|=granted|=secured|=was given|=given|=was signed|=is signed|=been signed)", polarity=-1),
    _e({SIGN: CLEAR}, "@APPROVER (=signed off|=approved|=okayed|=greenlit|=gave the green light|=gave the go ahead|=gave their blessing|=gave approval|=gave final approval)", polarity=-1),

    # -- scheduling ---------------------------------------------------------------------------
    _e({SCHED: CLEAR}, "(find|get|pin down|nail down|agree on|agree|lock in|lock down|coordinate|arrange|juggle|align|sort|sort out|work out|figure out|line up|book|organize|organise|set up|set|sync|match|fit|squeeze|slot|schedule|reschedule|plan|confirm|finalize|finalise) ~4 (@TIMENOUN|@NEXT @ROUND|=panel|=panels|=onsite|=round|=superday|everyone|=interviewers|a room|in a room|together)", flips=False),
    _e({SCHED: STRONG}, "(=scheduling|=rescheduling|=rescheduled|=reschedule|=re scheduled|=re schedule|=postponed|=postpone|=postponing|pushed back|push back|pushing back|moved back|moved the interview|moved my interview|moved the call|cancelled the interview|canceled the interview|cancelled my interview|canceled my interview|bumped|delayed the interview|delayed the round)", flips=False),
    _e({SCHED: STRONG}, "(interview|call|round|meeting|onsite|screen|appointment) ~2 (=cancelled|=canceled|=postponed|=rescheduled|=moved|=pushed|=delayed|=bumped)", flips=False),
    _e({SCHED: CLEAR}, "(=scheduled|=booked|=set up|=arranged) ~5 (no call|no show|=never called|=never showed|not call|never rang|no one called|nobody called|still waiting)"),
    _e({SCHED: FAIR}, "(coordinator|scheduler|assistant|admin|scheduling team) ~3 (set up|schedule|book|arrange|next steps|times|dates)"),
    _e({SCHED: CLEAR}, "(busy|packed|full|crazy|hectic|tight|clashing|conflicting|impossible|difficult|hard) (schedule|schedules|calendar|calendars|diary|diaries|availability)"),
    _e({SCHED: CLEAR}, "(calendar|calendars|diary|diaries|availability|availabilities|scheduling conflict|scheduling conflicts|schedule conflict|time zones|timezones|everyone's schedule|everyones schedule)", flips=False),
    _e({SCHED: WEAK}, "@NEXT ~1 (=round|=rounds|=interview|=interviews|=panel|=onsite|=on site|=superday|=super day|=stage|=meeting|=presentation|=conversation|=loop|=call)", flips=False),
    _e({SCHED: CLEAR}, "(no|not|without) (=yet )?(a )?(date|time|slot|day) (yet|set|confirmed|for|scheduled)", flips=False),
    _e({SCHED: FAIR}, "(date|time|slot|day) ~2 (tbd|to be confirmed|to be decided|not set|not confirmed|not fixed|undecided)", flips=False),
    _e({SCHED: CLEAR}, "(everyone|team|panel|interviewers|all|people|the group|decision makers|stakeholders) ~3 (available|free|in the office|in office|in the same place|in one place|in the same room|together|on the same call)"),
    _e({SCHED: CLEAR}, "(invite|invitation|invited) ~3 (next|final|second|third|another|panel|onsite|round|interview)", flips=False),

    # -- other_candidates ------------------------------------------------------------------
    _e({OTHER: CLEAR}, "(other|more|another|remaining|several|couple|many|lot of|lots of|strong|final|short list|shortlist|shortlisted|additional|external|internal|two|three|four|few|bunch of|handful of|number of|pool of) ~2 @CANDS {!of mine}"),
    _e({OTHER: STRONG}, "(still|continue|continuing|keep|keeping|finish|finishing|wrap|wrapping|complete|completing|conclude|concluding|few more|couple more|more|other|remaining|rest of the|round of|ongoing|through their|through the) ~2 (=interviews|=interviewing|=interviewed|=screening|=screens|=meetings|=first rounds)"),
    _e({OTHER: STRONG}, "(=interviewing|=interview|=meeting|=seeing|=talking to|=speaking with|=speaking to|=talk to|=speak with|=meet|=see|=considering|=looking at) ~2 (anyone else|anybody else|someone else|somebody else|others|other people|more people|other candidates|a few more|a couple more|more candidates|other applicants|the rest|everyone|a few others|a couple others|some others|another person|another candidate|a few people|a couple of people|some more people|one more person)"),
    _e({OTHER: STRONG}, "(still|currently|continue|continuing|keep|keeping|busy) ~2 (=seeing|=meeting|=talking to|=speaking with|=speaking to|=screening|=considering|=reviewing|=interviewing|=assessing|=evaluating) ~2 (=candidates|=applicants|=people|=others|=finalists|=profiles)"),
    _e({OTHER: CLEAR}, "(more|other|additional|couple|few|some) ~2 (people|candidates|folks|applicants) ~3 (to )?(talk|speak|meet|interview|see|chat|consider|review|hear from)"),
    _e({OTHER: STRONG}, "(decide|deciding|decision|choose|choosing|pick|picking|compare|comparing|weigh|weighing|deliberate|deliberating|narrow|narrowing|debrief|debriefing|calibrate|calibrating|evaluate|evaluating|assess|assessing|rank|ranking|review|reviewing|between|among) ~4 (candidates|=between|=among|applicants|=options|shortlist|short list|finalists|=others|two of us|three of us|a few of us|me and|and me|someone else|the top|top two|top three|top 2|top 3)"),
    _e({OTHER: FAIR}, "(yet to|not|no|still|haven't|has not|have not|did not|pending|awaiting|waiting for|waiting on|until they|before they) ~3 (=decided|=decide|decision|=chosen|=picked|made up|=made a decision|make a decision|make their decision|make the decision|made their decision|finalized|final decision)", flips=False),
    _e({OTHER: WEAK}, "(decision|deciding|=decided|decide)", flips=False),
    _e({OTHER: FAIR, SIGN: WEAK}, "(gather|gathering|collect|collecting|compile|compiling|waiting for|waiting on|wait for|get|getting|have|has|=had|all|consolidate|consolidating|pending) ~3 (the|their|everyone's|all|interview|panel)? (=feedback|=scorecards|=scores|=notes|=input)", flips=False),
    _e({OTHER: CLEAR}, "(second|2nd|other|another|backup|back up|runner up|plan b) (choice|option|candidate|pick)"),
    _e({OTHER: STRONG}, "(first|top|preferred|1st|other) (choice|candidate|pick|option) ~4 (decline|declined|declining|accept|accepted|negotiating|negotiate|counter|counteroffer|considering|deciding|respond|answer|offer)"),
    _e({OTHER: STRONG}, "(offer|offers|offered) ~3 (out to|extended to|made to|to someone|to another|to somebody|to a different|to another candidate)"),
    _e({OTHER: FAIR}, "(pipeline|talent pool|candidate pool|applicant pool|competitive|competition|strong field|crowded field|lots of interest|a lot of interest|lot of applicants|many applicants|so many applicants|huge response|overwhelming response|volume of applications)"),
    _e({OTHER: CLEAR}, "(moved|moving|went|go|going) (forward|on|ahead) (with|to) ~2 (another|other|a different|different|someone|somebody|an internal|other candidates)"),
    _e({OTHER: CLEAR}, "(=i|=im|=am|you|we) ~3 (=am|=are|=was|=were|=is)? ~2 (the )?(top|only|strongest|lead|leading|preferred|favorite|favourite|front runner|frontrunner|first choice|number one|last|final) (candidate|choice|pick|person|one|remaining)", polarity=-1),
    _e({OTHER: CLEAR}, "(no|not|never) (other|more|additional|further) (candidates|applicants|interviews|people)", polarity=-1),

    # -- checks_in_progress ---------------------------------------------------------------
    _e({CHECK: STRONG}, "@CHECKNOUN ~2 @CHECKVERB", flips=True),
    _e({CHECK: STRONG}, "(check|checking|=checked|call|calling|=called|contact|contacting|=contacted|reach|reaching|=reached|speak|speaking|spoke|spoken|talk|talking|=talked|verify|verifying|=verified|vet|vetting|email|emailing|phone|phoning|run|running|ran|do|doing|start|started|starting|process|processing|order|=ordered|request|=requested|ask for|asked for|need|=needs|want|=wanted|collect|collecting|sent|send|submit|=submitted|provide|=provided|give|gave) ~4 @CHECKNOUN"),
    _e({CHECK: STRONG}, "(background check|reference check|reference checks|background checks|background screening|pre employment|preemployment|drug test|drug screen|drug screening|security clearance|vetting|hireright|sterling|checkr|first advantage|goodhire|accurate background|consent form|authorization form|fingerprinting|live scan|credit check|dbs check|right to work check|due diligence|onboarding paperwork|verification)"),
    _e({CHECK: FAIR}, "(@CHECKNOUN|=references|=checks) ~3 (pending|in progress|underway|under way|ongoing|running|processing|being processed|in process|still|not back|outstanding)", flips=False),
    _e({CHECK: CLEAR}, "(asked|requested|wanted|need|needs|needed|waiting|requested) ~3 (transcripts|documents|paperwork|proof|certificates|certificate|diploma|portfolio|id|identification|passport|ssn|social security|work samples|writing sample|documentation)"),
    _e({CHECK: FAIR}, "(=references|=referees|=reference) ~3 (=heard|=hear|=received|=gotten|=got|=had) ~2 (anything|from|a call|an email|a phone call|nothing|back|word)"),
    _e({CHECK: CLEAR}, "all (of )?(my|the|their)? (=references|=referees|=checks) ~3 (have been|had been|were|are|been) ~1 (=called|=contacted|=spoken to|=checked|=done|=completed|=reached|=talked to|=verified)", polarity=-1),
    _e({CHECK: CLEAR}, "(@CHECKNOUN|=references|=checks|=check|=it|=everything|=results) ~4 (=came back|=come back|=clear|=cleared|=done|=complete|=completed|=finished|=passed|=clean|=fine|=good|=great|=positive|=glowing|=excellent|=strong|=went well|=all good|=wrapped up|=went through)", polarity=-1),
)

