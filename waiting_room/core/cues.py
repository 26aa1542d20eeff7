"""Reading what the person wrote: free-text notes -> cues for the delay reasons.

A small, rule-based reader, not a keyword list:

* **Tokens.** Lower-cased words with their spans in the original text;
  contractions are split (``isn't`` -> ``is not``, ``she's`` -> ``she is``),
  common abbreviations expanded (``HM`` -> ``hiring manager``, ``OOO`` ->
  ``out of office``, ``refs`` -> ``references``), sentence punctuation kept as
  hard boundaries and commas/dashes as soft ones.
* **Lexicon.** Phrase patterns written in a tiny language (see ``_compile``):
  words match their inflections (``travel`` matches travels, travelled,
  travelling, traveled...), ``@CLASS`` names a synonym class (roles, approvers,
  away-words...), ``~N`` allows up to N other words in between, ``( a | b c )``
  are alternatives, ``?`` makes an item optional and ``{!a|b}`` refuses a
  following word. Patterns become regular expressions over a note coded one
  character per token (see ``_code_order``), each compiled when a note first
  needs it; ``scripts/build_cues_table.py`` stores the translation.
* **Negation**, NegEx-style: a negator (``not``, ``n't``, ``no``, ``never``,
  ``no longer``, ``without``...) negates a cue that starts within six words
  after it in the same clause; clauses end at punctuation and at ``but``,
  ``however``, ``and``, ``now``... Pseudo-negations (``not sure``, ``haven't
  heard``, ``no idea``) negate nothing. A negation that is still pending
  (``not yet``, ``still hasn't``) is not a denial: "hasn't signed off yet"
  supports sign-offs. Some patterns are about a pending step and are never
  flipped ("no decision", "not approved").
* **Decoys and context.** Decoy patterns swallow what they cover ("left a
  voicemail", "scheduled my first call"); a short cue inside a longer cue for
  another reason yields to it ("busy schedules" is scheduling, not a busy
  team); reasons about other people (away, left, busy, other candidates) are
  dropped when the sentence is about the writer ("I took a break", "I was
  travelling"); hedges (``maybe``, ``might``) and old news (``originally``,
  ``ago``) soften a cue.

Only the standard library is used; the result of :func:`read_note` is cached.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, NamedTuple

__all__ = ["Cue", "read_note", "VOCABULARY", "NEGATED_EXPONENT"]


class Cue(NamedTuple):
    """One piece of evidence found in a note.

    ``weight`` is a likelihood ratio: above 1 it supports ``reason``, below 1
    it counts against it. ``start``/``end`` index the original text and
    ``text`` is that fragment. (A named tuple: notes are read by the thousand.)
    """

    reason: str
    weight: float
    start: int
    end: int
    text: str
    negated: bool


# --- likelihood ratios (documented in docs/model.md: all judgement) ----------

STRONG = 8.0  # says it outright: "the hiring manager is on leave"
CLEAR = 5.0  # a specific phrase with one reasonable reading
FAIR = 3.0  # points one way, other readings possible
WEAK = 1.8  # a hint: a single common word

#: A denied cue counts against its reason with weight ``w ** -0.5``: a denial
#: rules out one instance of a reason that was plausible enough to mention.
NEGATED_EXPONENT = -0.5
HEDGE_EXPONENT = 0.75  # "maybe", "might", "I think": the person's guess
OLD_NEWS_EXPONENT = 0.5  # "originally", "a month ago", "at first"

_REASONS = (
    "hr_gatekeeping", "key_person_away", "priority_project", "key_person_left",
    "reorganization", "role_rethought", "sign_offs", "scheduling",
    "other_candidates", "checks_in_progress",
)
_REASON_ORDER = {reason: n for n, reason in enumerate(_REASONS)}

# --- tokens ------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[.;!?()\[\]\n]|[,:\u2014\u2013]| - ")
_HARD = "|"
_SOFT = ","

_IS_AFTER = frozenset(
    "she he it that there what who where here everyone everybody everything nobody "
    "someone somebody this one".split()
)
_NT_BASES = {
    "is": "is", "was": "was", "were": "were", "are": "are", "do": "do", "does": "does",
    "did": "did", "has": "has", "have": "have", "had": "had", "could": "could",
    "should": "should", "would": "would", "ca": "can", "can": "can", "wo": "will",
    "ai": "is", "must": "must", "need": "need", "sha": "shall",
}
_CONTRACTIONS = {"'re": "are", "'ll": "will", "'ve": "have", "'d": "would", "'m": "am"}
#: Abbreviations and spellings people use in notes -> the words the lexicon knows.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "mgr": ("manager",), "mngr": ("manager",), "mgrs": ("managers",),
    "hm": ("hiring", "manager"), "hms": ("hiring", "managers"),
    "ooo": ("out", "of", "office"), "oof": ("out", "of", "office"),
    "refs": ("references",), "ref": ("reference",), "bg": ("background",),
    "bgc": ("background", "check"), "bgv": ("background", "verification"),
    "mat": ("maternity",), "dept": ("department",), "depts": ("departments",),
    "mgmt": ("management",), "execs": ("executives",), "exec": ("executive",),
    "jd": ("job", "description"), "req": ("requisition",), "reqs": ("requisitions",),
    "wk": ("week",), "wks": ("weeks",), "til": ("until",), "till": ("until",),
    "thru": ("through",), "bc": ("because",), "cuz": ("because",), "convo": ("conversation",),
    "im": ("i", "am"), "anymore": ("any", "more"), "reorg": ("reorganization",),
    "reorgs": ("reorganization",), "reorganisation": ("reorganization",),
    "ta": ("talent", "acquisition"), "hrbp": ("hr",), "dunno": ("do", "not", "know"),
    "sick": ("sick",), "vacay": ("vacation",), "hols": ("holidays",), "hol": ("holiday",),
    "u": ("you",), "r": ("are",), "w": ("with",), "abt": ("about",), "mtg": ("meeting",),
    "mtgs": ("meetings",), "cand": ("candidate",), "cands": ("candidates",),
    "approx": ("about",), "eow": ("end", "of", "week"), "eod": ("end", "of", "day"),
}


def _split_word(word: str) -> list[str]:
    if "'" not in word:
        if word in ABBREVIATIONS:
            return list(ABBREVIATIONS[word])
        if word.endswith("nt") and word[:-2] in _NT_BASES and len(word) > 3:
            return [_NT_BASES[word[:-2]], "not"]
        return [word]
    base, _, rest = word.partition("'")
    rest = "'" + rest
    if rest == "'t" and base.endswith("n") and base[:-1] in _NT_BASES:
        return [_NT_BASES[base[:-1]], "not"]
    if rest == "'s":
        return [base, "is"] if base in _IS_AFTER else _split_word(base)
    if rest in _CONTRACTIONS:
        return [base, _CONTRACTIONS[rest]]
    return _split_word(base) if base else []


#: What each piece of text the tokenizer cuts stands for (a plain dict: the
#: pieces of a language are few, and a lookup here is the tokenizer's inner loop).
_PIECES: dict[str, tuple[str, ...]] = {}
_PIECES_MAX = 65536


def _piece(piece: str) -> tuple[str, ...]:
    if piece[0].isalnum():
        forms = tuple(_split_word(piece))
    elif piece in (",", ":", "\u2014", "\u2013", " - "):
        forms = (_SOFT,)
    else:
        forms = (_HARD,)
    if len(_PIECES) < _PIECES_MAX:
        _PIECES[piece] = forms
    return forms


def _tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Normal forms of the tokens and their spans; boundaries become ``|`` / ``,``."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few letters lower to two characters ("İ"); spans index the original text.
        lowered = "".join([c if len(c.lower()) != 1 else c.lower() for c in text])
    if "\u2019" in lowered or "\u2018" in lowered:
        lowered = lowered.replace("\u2019", "'").replace("\u2018", "'")
    norms: list[str] = []
    spans: list[tuple[int, int]] = []
    known = _PIECES.get
    for m in _TOKEN_RE.finditer(lowered):
        piece = m.group()
        forms = known(piece) or _piece(piece)
        if len(forms) == 1:
            norms.append(forms[0])
            spans.append(m.span())
        else:
            norms += forms
            spans += [m.span()] * len(forms)
    return norms, spans


# --- inflections -------------------------------------------------------------

_FUNCTION = frozenset(
    """a an the on off out of in at to is are was were be been being am for from with by
    up down back away over still yet all any not no she he they her his their them it its
    this that my me i we our us you your and or but so as until next last more other some
    few new only each every just now then when once after before again also very too there
    here what who which whose how why has have had do does did will would can could should
    may might must than into onto about around through while else since both same such
    own its whom if never without because""".split()
)
_IRREGULAR = {
    "take": ("took", "taken"), "go": ("went", "gone"), "get": ("got", "gotten"),
    "make": ("made",), "find": ("found",), "hold": ("held",), "sit": ("sat",),
    "speak": ("spoke", "spoken"), "choose": ("chose", "chosen"), "begin": ("began", "begun"),
    "fall": ("fell", "fallen"), "bring": ("brought",), "think": ("thought",),
    "send": ("sent",), "tell": ("told",), "say": ("said",), "come": ("came",),
    "buy": ("bought",), "give": ("gave", "given"), "write": ("wrote", "written"),
    "meet": ("met",), "fly": ("flew", "flown"), "lose": ("lost",), "sell": ("sold",),
    "hear": ("heard",), "keep": ("kept",), "leave": ("left",), "run": ("ran",),
    "pay": ("paid",), "lay": ("laid",), "spend": ("spent",), "seek": ("sought",),
}
_VOWELS = set("aeiou")


def _forms(word: str) -> set[str]:
    """The inflections of one lexicon word (``=word`` means exactly this form)."""
    if word.startswith("="):
        return {word[1:]}
    if word in _FUNCTION or not word.isalpha():
        return {word}
    if len(word) <= 3:
        forms = {word, word + "s"}
        forms.update(_IRREGULAR.get(word, ()))
        if len(word) == 3 and word[-1] not in _VOWELS and word[-2] in _VOWELS:
            forms.update({word + word[-1] + "ed", word + word[-1] + "ing", word + "ing", word + "ed"})
        return forms
    forms = {word, word + "s", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        word[-1] not in _VOWELS and word[-1] not in "wxy"
        and word[-2] in _VOWELS and word[-3] not in _VOWELS
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms.update(_IRREGULAR.get(word, ()))
    return forms


# --- the lexicon ---------------------------------------------------------------

CLASSES: dict[str, list[str]] = {
    "ROLE": [
        "manager", "hiring manager", "boss", "recruiter", "director", "lead", "head",
        "vp", "svp", "evp", "ceo", "cto", "cfo", "coo", "cio", "founder", "cofounder",
        "co founder", "owner", "president", "interviewer", "supervisor", "contact",
        "point of contact", "sponsor", "decision maker", "executive", "chief", "she", "he",
        "=her", "=his", "=him", "talent partner", "coordinator", "hr person", "hr rep",
        "hr contact", "principal", "partner", "team leader", "dean", "chair",
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
    ],
    "CANDS": [
        "candidates", "=candidate", "applicants", "people", "finalists", "=finalist",
        "interviewees", "contenders", "folks", "options", "profiles",
    ],
    "PENDING": [
        "need", "needs", "has to", "have to", "had to", "waiting on", "waiting for",
        "wait on", "wait for", "pending", "awaiting", "require", "must", "still",
        "yet to", "goes to", "go to", "going to", "went to", "sent to", "with",
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
        "seniority", "req", "post", "remit",
    ],
    "RVERB": [
        "rethink", "reconsider", "re evaluate", "reevaluate", "reassess", "revisit",
        "redefine", "rework", "rewrite", "reshape", "rescope", "re scope", "relevel",
        "re level", "reclassify", "reclassification", "re classify", "refine", "revise",
        "redesign", "repurpose", "restructure", "redo", "split", "downgrade", "upgrade",
        "broaden", "narrow", "change", "changing", "tweak", "adjust", "update", "evolve",
        "merge", "combine", "expand", "shrink", "retitle", "rename", "re think",
        "reconfigure", "re imagine", "reimagine", "convert", "=rethought", "alter",
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
        "window", "opening in", "day that works", "time that works",
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
    _e({AWAY: FAIR}, "(over|after|during|around|before) (the )?(holidays|christmas|xmas|new year|thanksgiving|summer|easter|eid|diwali|spring break|august|the break)"),
    _e({AWAY: CLEAR}, "(away|out of office|ooo) (message|reply|notice|auto reply|autoreply|responder|auto response)"),
    _e({AWAY: CLEAR}, "(auto|automatic) (reply|response|responder) ~3 (away|vacation|holiday|leave|out|office)"),
    _e({AWAY: CLEAR}, "(is|are|=was|=were|be|now) back (from|at|in the office|to work|in office)", polarity=-1),
    _e({AWAY: CLEAR}, "(came|come|got|=returned|finally|=now) back (from|to|yesterday|today|last|this|on)?", polarity=-1),
    _e({AWAY: CLEAR}, "@ROLE ~1 (=returned|=has returned|=is back|=are back|=was back|=now back|=got back|=came back|=has been back)", polarity=-1),

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

    # -- key_person_left ------------------------------------------------------------
    _e({LEFT: STRONG}, "@ROLE ~4 @LEFTVERB {!me|a|an|you|us|him|her|them|my|message|voicemail|note|word|comment|feedback|for vacation|for holiday|for the holidays|on vacation|on leave|on holiday|for a conference|for a trip|early|the room|the building|the office|the interview|the meeting|the call|for the day|for lunch|in charge|to do|sick|of office|of the office|of town|this|next|for}"),
    _e({LEFT: STRONG}, "(=left|quit|resigned|departed|exited|walked out of|=leaving|=leaves|=is leaving) (the|her|his|their)? (company|team|firm|organization|organisation|org|business|department|agency|group|school|hospital|startup|employer)"),
    _e({LEFT: CLEAR}, "(new|replacement|interim|acting|temporary) (hiring manager|manager|recruiter|boss|lead|contact|point of contact|supervisor|team lead|hr person|hr contact|hr rep|interviewer)"),
    _e({LEFT: FAIR, REORG: FAIR}, "(new|replacement|interim|acting) (director|vp|head|department head|head of department|svp|evp)"),
    _e({LEFT: STRONG}, "(replace|replacing|replacement|backfill|backfilling|find a replacement for|find a successor|successor) ~3 (@ROLE|her|him|them|manager|the person|the recruiter)?"),
    _e({LEFT: CLEAR}, "(took over|take over|taking over|takes over|handed over|handed off|handing over|handed me off|handed me over|transferred me|passed me on|passed me over|inherited) ~3 (from|to|my|the|search|process|role|file|application|candidacy)?"),
    _e({LEFT: CLEAR}, "(no longer|not) ~2 (with the company|at the company|works there|working there|employed|on the team|part of the team|in the role|in that role|in the job|there)"),
    _e({LEFT: FAIR}, "(her|his|their|the @ROLE|@ROLE) (last day|leaving do|farewell|exit|resignation|notice period|departure|successor)"),
    _e({LEFT: CLEAR}, "(email|emails|mail|message|messages) ~3 (bounce|bounced|bouncing|undeliverable)"),

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

    # -- role_rethought -----------------------------------------------------------------
    _e({ROLE: STRONG}, "@RVERB ~4 @RNOUN"),
    _e({ROLE: STRONG}, "@RNOUN ~4 (is|was|being|been|be|get|gets|getting|might|may|could|will|has|have|had|did|does) @NEGSLOT? ~2 @RVERB"),
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
    _e({ROLE: FAIR, SIGN: FAIR}, "(headcount|budget for the role|budget for the position|role budget|position budget|comp band|salary band|pay band|salary range|compensation range)"),

    # -- sign_offs ----------------------------------------------------------------------------
    _e({SIGN: CLEAR}, "@PENDING ~3 @APPROVER {!said|says|is fine|was fine|of the interview}", flips=False),
    _e({SIGN: STRONG}, "@APPROVER ~4 @OKVERB", flips=False),
    _e({SIGN: STRONG}, "@OKVERB ~3 (from|by|of) ~3 @APPROVER", flips=False),
    _e({SIGN: CLEAR}, "(approval|approvals|sign off|sign offs|signoff|signoffs|signatures|red tape|bureaucracy|bureaucratic|chain of command|layers of approval|levels of approval|approval chain|approval process|rubber stamp|paperwork|authorization|authorisation|green light|go ahead)", flips=False),
    _e({SIGN: STRONG}, "(working on|work on|putting together|put together|drafting|draft|drawing up|draw up|preparing|prepare|writing up|write up|finalizing|finalising|finalize|finalise|getting|generating|sorting|sorting out|pulling together) ~2 (an|the|my|a|your)? ~1 (offer|offer letter|contract|package|paperwork|numbers|compensation|comp)"),
    _e({SIGN: STRONG}, "(offer|offer letter|contract|package) ~3 (is|was|being|in|be|getting|needs|must)? ~2 (approved|approval|drafted|prepared|finalized|finalised|reviewed|signed off|the works|progress|process|pipeline|preparation|put together|written|generated)", flips=False),
    _e({SIGN: CLEAR}, "(several|multiple|a few|many|various|numerous|other|more|three|four|five|few) (people|stakeholders|approvers|managers|executives|leaders|layers|levels|steps|departments|signatures|higher ups) ~4 (approve|sign|sign off|agree|weigh in|review|say|okay|blessing|involved|to go through|have to|need to|must)", flips=False),
    _e({SIGN: CLEAR}, "(stakeholder|stakeholders|higher ups|higher up|bosses|exec sign off|executive sign off|upper management|senior management|leadership team|hiring committee|committee)", flips=False),
    _e({SIGN: FAIR}, "(recommend|recommended|recommending|put forward|put me forward|putting me forward|submitted my name|pushing for me|push for me|pushed for me|championing|advocate|advocating|pitch|pitched) ~4 (me|you|my name|my application|my candidacy|to|for)?", flips=False),
    _e({SIGN: FAIR}, "(meeting|meets|meet|discussion|discuss|discussing|review|reviewing) ~3 (next week|on monday|on tuesday|on wednesday|on thursday|on friday|this week|with leadership|with the board|with the team|with finance|with the director|with the vp)"),
    _e({SIGN: FAIR}, "(budget|funding) ~3 (approve|approval|sign off|confirm|confirmed|confirmation|release|released|secured|finalized|finalised|signed|okay|ok)", flips=False),

    _e({SIGN: CLEAR}, "@APPROVER ~2 (slow|is slow|are slow|taking their time|taking its time|dragging|backed up|has it|have it|looking at it|sitting on it|mulling|deliberating|meets|meeting)", flips=False),

    # -- scheduling ---------------------------------------------------------------------------
    _e({SCHED: CLEAR}, "(find|get|pin down|nail down|agree on|agree|lock in|lock down|coordinate|arrange|juggle|align|sort|sort out|work out|figure out|line up|book|organize|organise|set up|set|sync|match|fit|squeeze|slot|schedule|reschedule|plan|confirm|finalize|finalise) ~4 (@TIMENOUN|@NEXT @ROUND|=panel|=panels|=onsite|=round|=superday|everyone|=interviewers|a room|in a room|together)", flips=False),
    _e({SCHED: STRONG}, "(=scheduling|=rescheduling|=rescheduled|=reschedule|=re scheduled|=re schedule|=postponed|=postpone|=postponing|pushed back|push back|pushing back|moved back|moved the interview|moved my interview|moved the call|cancelled the interview|canceled the interview|cancelled my interview|canceled my interview|bumped|delayed the interview|delayed the round)", flips=False),
    _e({SCHED: CLEAR}, "(busy|packed|full|crazy|hectic|tight|clashing|conflicting|impossible|difficult|hard) (schedule|schedules|calendar|calendars|diary|diaries|availability)"),
    _e({SCHED: CLEAR}, "(calendar|calendars|diary|diaries|availability|availabilities|scheduling conflict|scheduling conflicts|schedule conflict|time zones|timezones|everyone's schedule|everyones schedule)", flips=False),
    _e({SCHED: FAIR}, "@NEXT ~1 (=round|=rounds|=interview|=interviews|=panel|=onsite|=on site|=superday|=super day|=stage|=meeting|=presentation|=conversation|=loop|=call)", flips=False),
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
    _e({CHECK: CLEAR}, "all (of )?(my|the|their)? (=references|=referees|=checks) ~3 (have been|had been|were|are|been) ~1 (=called|=contacted|=spoken to|=checked|=done|=completed|=reached|=talked to|=verified)", polarity=-1),
    _e({CHECK: CLEAR}, "(@CHECKNOUN|=references|=checks|=check|=it|=everything|=results) ~4 (=came back|=come back|=clear|=cleared|=done|=complete|=completed|=finished|=passed|=clean|=fine|=good|=great|=positive|=glowing|=excellent|=strong|=went well|=all good|=wrapped up|=went through)", polarity=-1),
)


# --- compiling the pattern language ------------------------------------------------

_ITEM_RE = re.compile(r"\(|\)|\||\?|\{![^}]*\}|~\d+|@[A-Z]+\??|[^\s()|{}?]+\??")

#: To the patterns, a note is a string with one character per token: every word
#: the reader knows has its own character (CJK ideographs from U+4E00 on: never
#: special in a regex character class, and printable, so the generated table
#: stays compact), a word it does not know is ``_``, and the boundaries stay
#: ``|`` and ``,``. A lexicon word with its inflections is then a single
#: character class, a synonym class a small alternation of short sequences, and
#: ``re`` compiles a pattern in well under a millisecond; written over the words
#: themselves the same patterns took about 0.3 s to compile.
_CODE_BASE = 0x4E00
_UNKNOWN = "_"


def _code_order(vocabulary: Iterable[str]) -> tuple[str, ...]:
    """Every known word in the order of their characters.

    Codes follow the lexicon's own order, each word's inflections side by side,
    so that most classes are one or two runs of characters: ``re`` compiles a
    run far faster than a scattered set.
    """
    order: dict[str, None] = {}
    seen: set[str] = set()

    def walk(pattern: str) -> None:
        for item in _ITEM_RE.findall(pattern):
            if item.startswith("@"):
                name = item[1:].rstrip("?")
                if name not in seen:
                    seen.add(name)
                    for phrase in CLASSES[name]:
                        walk(phrase)
                continue
            for word in re.findall(r"=?[a-z0-9]+", item):
                order.update(dict.fromkeys(sorted(_forms(word))))

    order.update(dict.fromkeys(sorted(_NEGATORS)))
    for entry in LEXICON:
        walk(entry.pattern)
    order.update(dict.fromkeys(sorted(vocabulary)))
    return tuple(w for w in order if w not in (_HARD, _SOFT))


def _codes_of(words: Iterable[str]) -> dict[str, str]:
    codes = {word: chr(_CODE_BASE + n) for n, word in enumerate(words)}
    codes[_HARD] = _HARD
    codes[_SOFT] = _SOFT
    return codes


@lru_cache(maxsize=None)
def _code_map() -> dict[str, str]:
    """The codes as translating the lexicon assigns them (the table stores the same)."""
    return _codes_of(_code_order(_all_vocabulary()))


def _chars(words: Iterable[str]) -> frozenset[str]:
    codes = _code_map()
    return frozenset(codes[w] for w in words if w in codes)


def _class_regex(chars: frozenset[str]) -> str:
    if not chars:
        return "(?!)"  # a word no note can contain ("go-live" has a hyphen)
    if len(chars) == 1:
        return next(iter(chars))
    runs: list[list[int]] = []
    for point in sorted(map(ord, chars)):
        if runs and runs[-1][1] == point - 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    body = "".join(
        chr(a) if a == b else chr(a) + chr(b) if a + 1 == b else chr(a) + "-" + chr(b)
        for a, b in runs
    )
    return "[" + body + "]"


def _phrase_regex(words: list[str]) -> str:
    return "".join(_class_regex(_chars(_forms(w))) for w in words)


def _gap_regex(n: int) -> str:
    """Up to ``n`` tokens, never a sentence end or a negator, so "the manager is
    not on leave" cannot match "manager ~4 leave" across "not"."""
    return "[^" + _HARD + _class_regex(_chars(_NEGATORS))[1:-1] + "]{0,%d}" % n


@dataclass(frozen=True, slots=True)
class _Part:
    """A compiled piece of a pattern.

    ``anchor``: words one of which must occur in any match (``None``: no such
    set). ``first``: the words a match can begin with (``None``: any word).
    ``nullable``: the piece can match nothing at all. ``chars``: the piece is
    exactly one token out of these characters.
    """

    regex: str
    anchor: frozenset[str] | None
    first: frozenset[str] | None
    nullable: bool
    required: tuple[frozenset[str], ...] = ()  # every one must meet the note
    chars: frozenset[str] | None = None


def _union(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    out: set[str] = set()
    for one in sets:
        if one is None:
            return None
        out |= one
    return frozenset(out)


def _anchor_cost(words: frozenset[str] | None) -> float:
    """How poor a set of words is as an anchor: common words occur in almost every note."""
    if words is None:
        return math.inf
    return len(words) + (1000 if words & _FUNCTION else 0)


def _alternatives(parts: list[_Part]) -> _Part:
    # Neighbouring one-token alternatives become one character class: each takes
    # one token, so trying them in turn or at once leaves the same choices behind.
    regexes: list[str] = []
    run: set[str] = set()
    for part in parts:
        if part.chars is not None:
            run |= part.chars
            continue
        if run:
            regexes.append(_class_regex(frozenset(run)))
            run = set()
        regexes.append(part.regex)
    if run:
        regexes.append(_class_regex(frozenset(run)))
    single = all(p.chars is not None for p in parts)
    return _Part(
        regexes[0] if len(regexes) == 1 else "(?:" + "|".join(regexes) + ")",
        _union(p.anchor for p in parts),
        _union(p.first for p in parts),
        any(p.nullable for p in parts),
        chars=_union(p.chars for p in parts) if single else None,
    )


def _optional(part: _Part) -> _Part:
    regex = part.regex + "?" if part.chars is not None else "(?:" + part.regex + ")?"
    return _Part(regex, None, part.first, True)


@lru_cache(maxsize=None)
def _class_part(name: str) -> _Part:
    return _alternatives([_compile_seq(_ITEM_RE.findall(p)) for p in CLASSES[name]])


def _compile_seq(items: list[str]) -> _Part:
    """Compile a sequence of pattern items (see the module docstring)."""
    parts: list[_Part] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item == "(":
            depth, j = 1, i + 1
            while depth:
                depth += (items[j] == "(") - (items[j] == ")")
                j += 1
            alts: list[list[str]] = [[]]
            depth = 0
            for tok in items[i + 1 : j - 1]:
                if tok == "|" and depth == 0:
                    alts.append([])
                    continue
                depth += (tok == "(") - (tok == ")")
                alts[-1].append(tok)
            part = _alternatives([_compile_seq(a) for a in alts])
            if j < len(items) and items[j] == "?":
                part = _optional(part)
                j += 1
            i = j
        elif item.startswith("{!"):
            refused = "|".join(_phrase_regex(a.split()) for a in item[2:-1].split("|"))
            part = _Part("(?!" + refused + ")", None, frozenset(), True)
            i += 1
        elif item.startswith("~"):
            part = _Part(_gap_regex(int(item[1:])), None, None, True)
            i += 1
        elif item.startswith("@"):
            part = _class_part(item[1:].rstrip("?"))
            if item.endswith("?"):
                part = _optional(part)
            i += 1
        elif item == "?":
            i += 1
            continue
        else:
            word = item[:-1] if item.endswith("?") and len(item) > 1 else item
            forms = frozenset(_forms(word))
            chars = _chars(forms)
            part = _Part(_class_regex(chars), forms, forms, False, chars=chars)
            if word is not item:
                part = _optional(part)
            i += 1
        parts.append(part)

    if len(parts) == 1:
        only = parts[0]
        required = (only.anchor,) if not only.nullable and only.anchor is not None else ()
        return replace(only, anchor=only.anchor if not only.nullable else None, required=required)
    anchor: frozenset[str] | None = None
    for part in parts:
        if not part.nullable and _anchor_cost(part.anchor) < _anchor_cost(anchor):
            anchor = part.anchor
    first: set[str] | None = set()
    nullable = True
    for part in parts:
        if part.first is None:
            first = None
            break
        first |= part.first
        if not part.nullable:
            nullable = False
            break
    required = tuple(p.anchor for p in parts if not p.nullable and p.anchor is not None)
    return _Part(
        "".join(p.regex for p in parts), anchor,
        None if first is None else frozenset(first), nullable, required,
    )


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A pattern ready to run; word sets are held as the words' characters."""

    entry: _Entry
    source: str
    anchor: frozenset[str] | None
    first: frozenset[str] | None  # None: try every word
    required: tuple[frozenset[str], ...]


def _compile_all() -> tuple[tuple[_Compiled, ...], dict[str, tuple[int, ...]], tuple[int, ...]]:
    compiled: list[_Compiled] = []
    for entry in LEXICON:
        part = _compile_seq(_ITEM_RE.findall(entry.pattern))
        # A word outside the code (a hyphen, an apostrophe) is no token: dropping it changes nothing.
        anchor = None if part.anchor is None else _chars(part.anchor)
        first = None if part.nullable or part.first is None else _chars(part.first)
        required = tuple(_chars(r) for r in part.required)
        compiled.append(_Compiled(entry, part.regex, anchor, first, required))
    return (tuple(compiled), *_index(compiled))


def _index(compiled: Iterable[_Compiled]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Patterns by the characters of their anchor words, and those without an anchor."""
    index: dict[str, list[int]] = {}
    always: list[int] = []
    for n, comp in enumerate(compiled):
        if comp.anchor is None:
            always.append(n)
        else:
            for char in comp.anchor:
                index.setdefault(char, []).append(n)
    return {k: tuple(v) for k, v in index.items()}, tuple(always)


def _source_key() -> str:
    """A fingerprint of this file: the pattern table is valid only for the code that made it."""
    from binascii import crc32

    with open(__file__, "rb") as handle:
        return f"{crc32(handle.read()):08x}"


def table_text() -> str:
    """Python source of the translated lexicon, for ``_cues_table.py`` (see scripts/)."""
    compiled, index, always = _compile_all()

    def chars(group: frozenset[str] | None) -> str | None:
        return None if group is None else "".join(sorted(group))

    rows = [(c.source, chars(c.anchor), chars(c.first), tuple(chars(r) for r in c.required)) for c in compiled]
    return (
        '"""Generated by scripts/build_cues_table.py from waiting_room/core/cues.py: do not edit."""\n\n'
        f"KEY = {_source_key()!r}\n"
        f"WORDS = {' '.join(_code_order(_all_vocabulary()))!r}\n"
        f"ROWS = {rows!r}\n"
    )


def _load_table() -> tuple[
    tuple[str, ...], tuple[_Compiled, ...], dict[str, tuple[int, ...]], tuple[int, ...]
]:
    """(words in code order, patterns, anchor index, patterns without anchor).

    Translating the lexicon costs ~70 ms at every start; a table generated ahead
    of time loads in a few. A stale or missing table is no error, only slower.
    """
    try:
        from waiting_room.core import _cues_table as table
    except ImportError:
        table = None
    if table is None or table.KEY != _source_key() or len(table.ROWS) != len(LEXICON):
        return (_code_order(_all_vocabulary()), *_compile_all())

    def group(chars: str | None) -> frozenset[str] | None:
        return None if chars is None else frozenset(chars)

    compiled = tuple(
        _Compiled(entry, source, group(anchor), group(first), tuple(frozenset(r) for r in required))
        for entry, (source, anchor, first, required) in zip(LEXICON, table.ROWS)
    )
    return (tuple(table.WORDS.split()), compiled, *_index(compiled))


def _all_vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for text in [e.pattern for e in LEXICON] + [p for ps in CLASSES.values() for p in ps]:
        for item in _ITEM_RE.findall(text):
            for word in re.findall(r"=?[a-z0-9]+", item):
                words |= _forms(word)
    words |= set(ABBREVIATIONS) | {w for ws in ABBREVIATIONS.values() for w in ws}
    words |= _NEGATORS | _PSEUDO_NEXT | _TERMINATORS | _HEDGES | _OLD_NEWS | _FIRST_PERSON
    words |= _OTHER_SUBJECT | _FUNCTION | set(_NT_BASES) | set(_CONTRACTIONS.values())
    return frozenset(words)


# --- negation, hedges, old news, who the sentence is about --------------------------

_NEGATORS = frozenset({"not", "no", "never", "without", "nobody", "none", "neither", "nor"})
#: After a negator, these make it a pseudo-negation that denies nothing.
_PSEUDO_NEXT = frozenset(
    """sure certain idea clue doubt matter problem problems worries worry know knowing
    heard hear news word update updates reply replies response responses answer feedback
    only just until till later surprise wonder rush pressure big longer_than clear
    getting mention mentioned told said say""".split()
)
_SKIP_BETWEEN = frozenset({"yet", "been", "have", "had", "even", "really", "any", "a", "an", "the"})
_TERMINATORS = frozenset(
    """but however although though whereas because since and so now which who except while
    instead apparently anyway""".split()
) | {_SOFT}
_NEG_WINDOW = 6
_HEDGES = frozenset(
    """maybe might perhaps possibly probably guess suspect wonder wondering rumor rumour
    rumors rumours assume assuming presumably likely""".split()
)
_HEDGE_PAIRS = frozenset(
    {("not", "sure"), ("i", "think"), ("i", "believe"), ("i", "feel"), ("not", "certain"),
     ("i", "bet"), ("i", "imagine"), ("my", "guess"), ("no", "idea"), ("i", "hope")}
)
_OLD_NEWS = frozenset({"originally", "initially", "ago", "previously", "formerly", "earlier"})
_OLD_NEWS_PAIRS = frozenset({("at", "first"), ("used", "to"), ("back", "then"), ("last", "month"), ("last", "year")})
_FIRST_PERSON = frozenset({"i", "myself"})
_OTHER_SUBJECT = frozenset(
    """she he they her his their them someone everyone team manager recruiter boss director
    lead head interviewer hr company vp ceo cto cfo founder owner panel supervisor contact
    executive president partner department dept""".split()
)
#: Reasons about other people: a sentence about the writer does not count.
_ABOUT_OTHERS = frozenset({AWAY, LEFT, PRIO, OTHER})

#: The lexicon translated to regex source (from the generated table when it is
#: current); each regex is compiled by ``re`` the first time a note contains one
#: of its anchor words.
_WORDS, _COMPILED, _INDEX, _ALWAYS = _load_table()
_CODE = _codes_of(_WORDS)

VOCABULARY: frozenset[str] = frozenset(_WORDS) | {_SOFT}
"""Every word the reader knows (lexicon forms, function words, negators...).

A note made only of words outside this set yields no cues.
"""

_REGEX: list[re.Pattern[str] | None] = [None] * len(_COMPILED)


def _regex(n: int) -> re.Pattern[str]:
    regex = _REGEX[n]
    if regex is None:
        regex = _REGEX[n] = re.compile(_COMPILED[n].source)
    return regex


def compile_all() -> None:
    """Compile every pattern now (benchmarks and long-running faces may call this)."""
    for n in range(len(_COMPILED)):
        _regex(n)



@dataclass(slots=True)
class _Match:
    reason: str
    weight: float
    first: int  # token index
    last: int  # token index, inclusive
    flips: bool
    polarity: int
    negslot: bool = False


def _clause_bounds(norms: list[str], i: int, stops: frozenset[str]) -> tuple[int, int]:
    start = i
    while start > 0 and norms[start - 1] not in stops:
        start -= 1
    end = i
    while end < len(norms) - 1 and norms[end + 1] not in stops:
        end += 1
    return start, end


_HARD_STOPS = frozenset({_HARD})
_SOFT_STOPS = _TERMINATORS | {_HARD}


def _negators(norms: list[str], consumed: set[int]) -> list[tuple[int, bool]]:
    """(token index, pending) for every real negator; pending = "not yet"/"still not"."""
    found: list[tuple[int, bool]] = []
    n = len(norms)
    i = 0
    while i < n:
        word = norms[i]
        is_neg = word in _NEGATORS or (word == "no" and i + 1 < n and norms[i + 1] == "longer")
        if not is_neg or i in consumed:
            i += 1
            continue
        j = i + 1
        if word == "no" and j < n and norms[j] in ("longer", "more"):
            j += 1
        while j < n and norms[j] in _SKIP_BETWEEN:
            j += 1
        if j < n and norms[j] in _PSEUDO_NEXT:
            i += 1
            continue
        cs, ce = _clause_bounds(norms, i, _SOFT_STOPS)
        pending = "still" in norms[max(cs, i - 2) : i] or "yet" in norms[i + 1 : ce + 1]
        found.append((i, pending))
        i += 1
    return found


def _post_negated(norms: list[str], last: int) -> bool:
    """``... any more`` / ``... anymore`` / ``... no more`` after the cue in its clause."""
    j = last + 1
    while j < len(norms) - 1 and norms[j] not in _SOFT_STOPS:
        if norms[j] in ("any", "no") and norms[j + 1] in ("more", "longer"):
            return True
        j += 1
    return False


def _read(text: str) -> tuple[Cue, ...]:
    norms, spans = _tokens(text)
    if not norms:
        return ()
    code = _CODE.get
    coded = "".join([code(word, _UNKNOWN) for word in norms])
    vocab = set(coded)  # a set: isdisjoint and intersection walk the smaller side
    candidates: set[int] = set(_ALWAYS)  # patterns without an anchor word are always tried
    index = _INDEX
    for char in vocab:
        if char in index:
            candidates.update(index[char])
    if not candidates:
        return ()
    matches: list[_Match] = []
    decoys: list[tuple[int, int]] = []
    for n in sorted(candidates):
        comp = _COMPILED[n]
        for words in comp.required:
            if words.isdisjoint(vocab):
                break
        else:
            match = (_REGEX[n] or _regex(n)).match
            entry = comp.entry
            first = vocab if comp.first is None else comp.first.intersection(vocab)
            for char in first:
                i = coded.find(char)
                while i >= 0:
                    m = match(coded, i)
                    if m is not None and m.end() > i:
                        last = m.end() - 1
                        if not entry.reasons:
                            decoys.append((i, last))
                        for reason, weight in entry.reasons:
                            matches.append(
                                _Match(reason, weight, i, last, entry.flips, entry.polarity, entry.negslot)
                            )
                    i = coded.find(char, i + 1)
    if not matches:
        return ()
    return _finish(text, spans, norms, matches, decoys)


def _finish(
    text: str, spans: list[tuple[int, int]], norms: list[str],
    matches: list[_Match], decoys: list[tuple[int, int]],
) -> tuple[Cue, ...]:
    """Decoys, overlaps, negation, hedges: the found matches become cues."""
    if not matches:
        return ()

    def inside(a: _Match, lo: int, hi: int) -> bool:
        return lo <= a.first and a.last <= hi and (a.last - a.first) < (hi - lo)

    kept: list[_Match] = []
    for a in matches:
        if any(lo <= a.last and a.first <= hi for lo, hi in decoys):
            continue
        if a.last - a.first <= 1 and any(
            b.reason != a.reason and inside(a, b.first, b.last) for b in matches
        ):
            continue
        kept.append(a)

    # Same reason, overlapping spans: one cue (the widest, then the strongest).
    kept.sort(key=lambda a: (a.reason, a.first, -(a.last - a.first), -a.weight))
    merged: list[_Match] = []
    for a in kept:
        prev = merged[-1] if merged and merged[-1].reason == a.reason else None
        if prev is not None and a.first <= prev.last:
            if a.polarity == prev.polarity:
                prev.weight = max(prev.weight, a.weight)
                prev.last = max(prev.last, a.last)
            elif a.polarity < 0:
                # "back from leave" overrides the "leave" it overlaps
                merged[-1] = _Match(a.reason, a.weight, prev.first, max(a.last, prev.last),
                                    a.flips, a.polarity, a.negslot)
            continue
        merged.append(a)

    # What the note holds at all decides which of the checks below can matter.
    words = set(norms)
    has_negator = not _NEGATORS.isdisjoint(words)
    post_negation = ("more" in words or "longer" in words) and ("any" in words or "no" in words)
    first_person = not _FIRST_PERSON.isdisjoint(words)
    hedged = not _HEDGES.isdisjoint(words) or any(x in words and y in words for x, y in _HEDGE_PAIRS)
    old_news = not _OLD_NEWS.isdisjoint(words) or any(
        x in words and y in words for x, y in _OLD_NEWS_PAIRS
    )
    consumed: set[int] = set()
    negators: list[tuple[int, bool]] = []
    if has_negator:
        consumed = {i for a in merged if not a.negslot for i in range(a.first, a.last + 1)}
        negators = _negators(norms, consumed)

    cues: list[Cue] = []
    for a in merged:
        if first_person and a.reason in _ABOUT_OTHERS:
            hs, he = _clause_bounds(norms, a.first, _HARD_STOPS)
            before = norms[hs : a.first]
            inside_words = norms[a.first : a.last + 1]
            if _FIRST_PERSON & set(before) and not (_OTHER_SUBJECT & set(before + inside_words)):
                continue
        negated = a.polarity < 0
        neg_start = a.first
        if a.flips and (has_negator or post_negation):
            denied = False
            for i, pending in _negators(norms, consumed) if a.negslot and has_negator else negators:
                inside_slot = a.negslot and a.first <= i <= a.last
                if inside_slot or (
                    i < a.first and a.first - i <= _NEG_WINDOW and not any(
                        norms[k] in _SOFT_STOPS for k in range(i + 1, a.first)
                    )
                ):
                    if not pending or a.polarity < 0:
                        denied = True
                        neg_start = min(i, neg_start)
            own_negator = has_negator and not a.negslot and any(
                norms[k] in _NEGATORS for k in range(a.first, a.last + 1)
            )
            if not denied and not own_negator and post_negation and _post_negated(norms, a.last):
                denied = True
            if denied:
                # a denied cue counts against; a denied reversal ("she is not
                # back yet") supports again
                negated = not negated
        weight = a.weight
        if negated:
            weight = weight**NEGATED_EXPONENT
        elif hedged or old_news:
            exponent = 1.0
            if hedged:
                hs, he = _clause_bounds(norms, a.first, _HARD_STOPS)
                sentence = norms[hs : he + 1]
                if _HEDGES & set(sentence) or _HEDGE_PAIRS & set(zip(sentence, sentence[1:])):
                    exponent *= HEDGE_EXPONENT
            if old_news:
                ss, se = _clause_bounds(norms, a.first, _SOFT_STOPS)
                clause = norms[ss : se + 1]
                if _OLD_NEWS & set(clause) or _OLD_NEWS_PAIRS & set(zip(clause, clause[1:])):
                    exponent *= OLD_NEWS_EXPONENT
            weight = weight**exponent
        start = spans[neg_start][0]
        end = spans[a.last][1]
        cues.append(Cue(a.reason, weight, start, end, text[start:end], negated))
    cues.sort(key=lambda c: (c.start, c.end, _REASON_ORDER[c.reason]))
    return tuple(cues)


@lru_cache(maxsize=8192)
def read_note(text: str) -> tuple[Cue, ...]:
    """Every cue in ``text``, in reading order.

    Several cues may share a span when one phrase speaks for two reasons
    (a hiring freeze: reorganization and sign-offs).
    """
    return _read_in_pieces(text)


def read_note_uncached(text: str) -> tuple[Cue, ...]:
    """:func:`read_note` without the cache (benchmarks measure this one)."""
    return _read_in_pieces(text)


#: Long notes are read a piece at a time, cut at sentence ends: every rule of the
#: reader (decoys, negation, hedges) works inside a clause, and the overlap checks
#: in _finish grow with the square of the matches, so a pasted megabyte read
#: whole would take minutes.
_PIECE = 2000


def _read_in_pieces(text: str) -> tuple[Cue, ...]:
    if len(text) <= 2 * _PIECE:
        return _read(text)
    cues: list[Cue] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE)
        if end < len(text):
            cut = max(text.rfind(mark, start, end) for mark in (". ", "! ", "? ", "; ", "\n"))
            if cut > start:
                end = cut + 1
        cues += (c._replace(start=c.start + start, end=c.end + start) for c in _read(text[start:end]))
        start = end
    return tuple(cues)


def known_words(words: Iterable[str]) -> set[str]:
    """The words of ``words`` that the reader knows (for tests and docs)."""
    return {w for w in words if w in VOCABULARY}


def strength(cue: Cue) -> float:
    """The cue's weight as a log-likelihood ratio (natural log)."""
    return math.log(cue.weight)
