"""The note reader on the ways real people write: the classes it once misread.

Every phrasing here is our own, written to stand for a class of misreading
seen on real notes (the corpus in tests/data/real_notes holds the real ones).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waiting_room.core.model import Application, Event, Kind, Size
from waiting_room.core.reader import read_learned, read_note_uncached
from waiting_room.core.reader.pasted import message_span
from waiting_room.core.reasons import REASON_IDS, has_evidence, rank_reasons

TODAY = date(2026, 3, 20)


def supports(text: str) -> set[str]:
    return {c.reason for c in read_note_uncached(text) if not c.negated}


def denies(text: str) -> set[str]:
    return {c.reason for c in read_note_uncached(text) if c.negated}


# -- a cue is found for ordinary phrasings -------------------------------------------

@pytest.mark.parametrize("note, reason", [
    # departures said other ways
    ("my interviewer was let go", "key_person_left"),
    ("she took a job elsewhere", "key_person_left"),
    ("the hiring manager accepted a position at another company", "key_person_left"),
    ("he's no longer on the team", "key_person_left"),
    ("apparently he went to a competitor", "key_person_left"),
    # absences by place or event
    ("he's at a conference in Denver", "key_person_away"),
    ("she won't be in the office this week", "key_person_away"),
    ("the director is out for jury duty", "key_person_away"),
    # HR redirection
    ("he told me to route everything through the recruiter", "hr_gatekeeping"),
    ("the manager asked me to keep all my questions to HR", "hr_gatekeeping"),
    # the role changed
    ("the requirements were changed", "role_rethought"),
    ("they're rewriting the posting", "role_rethought"),
    # a phrasal verb split around its object
    ("they laid a whole team off", "reorganization"),
    ("they laid dozens of people off last week", "reorganization"),
])
def test_ordinary_phrasings_are_read(note, reason):
    assert reason in supports(note)


# -- done is not pending, and pending is not denied ----------------------------------

@pytest.mark.parametrize("note, reason", [
    ("budget got approved", "sign_offs"),
    ("the approval came through on Friday", "sign_offs"),
    ("the offer was approved last week", "sign_offs"),
    ("the VP signed off on it", "sign_offs"),
    ("my check came back clear", "checks_in_progress"),
])
def test_a_finished_step_counts_against_the_reason_it_closes(note, reason):
    assert reason in denies(note)
    assert reason not in supports(note)


@pytest.mark.parametrize("note, reason", [
    ("they can't make offers until the freeze ends", "reorganization"),
    ("none of my references have heard anything yet", "checks_in_progress"),
    ("no one has called my references yet", "checks_in_progress"),
    ("they won't decide before the restructuring is done", "reorganization"),
])
def test_a_pending_negation_is_evidence_for_what_is_pending(note, reason):
    assert reason in supports(note)
    assert reason not in denies(note)


def test_a_step_still_to_come_is_not_read_as_done():
    assert "sign_offs" not in denies("they will call once the offer is approved")
    assert "sign_offs" in supports("waiting for budget approval from the board")


def test_a_returning_thing_is_not_a_returning_person():
    assert "key_person_away" not in supports("the background check hasn't come back yet")
    assert "checks_in_progress" in supports("the background check hasn't come back yet")


def _everyday() -> list[tuple[str, str]]:
    path = Path(__file__).parent.parent / "data" / "everyday_phrasings.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [(note, reason) for reason, note in rows]


@pytest.mark.parametrize("note, reason", _everyday())
def test_everyday_phrasings_are_read_by_the_rules_alone(note, reason):
    cues = [c for c in read_note_uncached(note) if not c.negated]
    strongest = max(cues, key=lambda c: c.weight, default=None)
    assert strongest is not None and strongest.reason == reason, cues


def test_the_everyday_table_speaks_for_every_reason():
    assert {reason for _, reason in _everyday()} == set(REASON_IDS)


def test_a_result_still_hoped_for_is_not_read_as_done():
    assert "checks_in_progress" in supports("I have no doubt my drug screen will be perfectly clean")
    assert "checks_in_progress" not in denies("the background check should come back fine")


def test_nobody_knowing_how_long_is_no_denial():
    assert "reorganization" in supports("No one knows how long the hiring freeze will last")
    assert "reorganization" not in denies("No one knows how long the hiring freeze will last")


def test_a_denial_does_not_reach_past_what_someone_said():
    note = "The agent left the agency in May and did not tell anyone he would be leaving."
    assert "key_person_left" in supports(note)
    assert "key_person_left" not in denies(note)


def test_someone_away_explains_the_cancelled_round():
    app = application("interviewed", note="The interviewer is down with a fever. Today's interview is cancelled.")
    assert rank_reasons(app, TODAY)[0].id == "key_person_away"
    # a meeting that ran over is the calendar's own doing
    app = application("interviewed", note="She got caught in a last minute meeting and we rescheduled.")
    assert rank_reasons(app, TODAY)[0].id == "scheduling"


def test_the_writer_among_the_candidates_is_about_the_others():
    assert "other_candidates" in supports("I'm one of two finalists")
    assert "other_candidates" not in supports("I am interviewing at other companies too")


# -- passing words are not the reason --------------------------------------------------

@pytest.mark.parametrize("note, not_this", [
    ("had a great chat with the CTO", "sign_offs"),
    ("coffee with the director went really well", "sign_offs"),
    ("I did the final round on Tuesday", "scheduling"),
    ("should hear something after the holidays", "key_person_away"),
])
def test_passing_words_are_not_taken_as_the_reason(note, not_this):
    assert not_this not in supports(note)


def test_a_sentence_about_travel_is_about_travel():
    app = application("interviewed", note="the recruiter said the leadership team is travelling this week")
    assert rank_reasons(app, TODAY)[0].id == "key_person_away"


# -- a clear cue beats the stage prior ---------------------------------------------

#: One phrase per reason, each a strong cue for that reason and no other.
STRONG = {
    "hr_gatekeeping": "HR said all communication has to go through them",
    "key_person_away": "the hiring manager is on maternity leave",
    "priority_project": "the team got pulled onto an urgent client project",
    "key_person_left": "the hiring manager resigned",
    "reorganization": "the company is restructuring",
    "role_rethought": "they are rewriting the job description",
    "sign_offs": "the offer needs sign-off from the CFO",
    "scheduling": "the onsite was postponed",
    "other_candidates": "they are still interviewing other candidates",
    "checks_in_progress": "they are running my background check",
}

STAGES = {
    "applied": (Kind.APPLIED,),
    "screened": (Kind.APPLIED, Kind.PHONE_SCREEN),
    "interviewed": (Kind.APPLIED, Kind.INTERVIEW),
    "later_rounds": (Kind.APPLIED, Kind.INTERVIEW, Kind.INTERVIEW, Kind.INTERVIEW),
    "references": (Kind.APPLIED, Kind.INTERVIEW, Kind.INTERVIEW, Kind.REFERENCES_CONTACTED),
}


def application(stage: str, note: str = "", size: Size | None = None, age: int = 3) -> Application:
    kinds = STAGES[stage]
    last = TODAY - timedelta(days=age)
    events = [Event(last - timedelta(days=5 * (len(kinds) - 1 - i)), k) for i, k in enumerate(kinds)]
    events[-1] = Event(events[-1].date, events[-1].kind, note)
    return Application("x1", "Acme", "Analyst", tuple(events), size)


def test_each_strong_phrase_is_a_strong_cue_for_its_reason_alone():
    for reason, phrase in STRONG.items():
        cues = read_note_uncached(phrase)
        assert {c.reason for c in cues} == {reason}, (phrase, cues)
        assert max(c.weight for c in cues) >= 8.0, (phrase, cues)


@settings(max_examples=150, deadline=None)
@given(reason=st.sampled_from(sorted(STRONG)), stage=st.sampled_from(sorted(STAGES)),
       size=st.sampled_from([None, *Size]), age=st.integers(0, 7))
def test_a_strong_cue_and_nothing_else_puts_its_reason_first_at_any_stage(reason, stage, size, age):
    ranked = rank_reasons(application(stage, STRONG[reason], size, age), TODAY)
    assert ranked[0].id == reason, [(r.id, round(r.probability, 3)) for r in ranked[:3]]


def test_ties_break_by_evidence_not_by_catalogue_order():
    # Two reasons equally likely, one of them moved by a note: it goes first.
    from waiting_room.core import reasons

    ranked = rank_reasons(application("interviewed", STRONG["checks_in_progress"]), TODAY)
    moved = {r.id for r in ranked if r.because}
    assert ranked[0].id in moved
    assert list(reasons.REASON_IDS).index("checks_in_progress") == 9  # (last in the catalogue)


# -- pasted email ---------------------------------------------------------------------

PASTED = """Hi Sam,

Thanks for your patience. The hiring manager is out on vacation until the 14th, so we
will be in touch after that.

Best regards,
Dana Ruiz
Talent Acquisition Partner | Head of People Operations
Acme Analytics

On Tue, Nov 3, 2026 at 9:12 AM Sam <sam@example.com> wrote:
> Hi Dana, I wanted to follow up. Are you still interviewing other candidates?
> Is the budget approved?
"""


def test_a_pasted_email_is_read_without_its_signature_and_quoted_thread():
    start, end = message_span(PASTED)
    body = PASTED[start:end]
    assert "vacation" in body and "Best regards" not in body and "other candidates" not in body
    ranked = rank_reasons(application("interviewed", PASTED), TODAY)
    assert ranked[0].id == "key_person_away"
    lines = [line for r in ranked for line in r.because]
    assert not any("candidates" in line or "Talent" in line or "budget" in line for line in lines), lines


def test_a_short_note_is_read_whole():
    assert message_span("Best regards to the panel, they were lovely") == (0, 43)
    assert message_span("line one\nline two") == (0, 17)


# -- the learned layer -----------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_learned_evidence_quotes_words_of_the_note_and_never_subtracts(text):
    for found in read_learned(text):
        assert found.reason in REASON_IDS
        assert found.log_weight > 0
        assert 0 <= found.start < found.end <= len(text)
        assert found.quote.startswith('words like "')


def test_learned_evidence_is_deterministic_and_read_as_people_write():
    note = "my interviewer has been at a trade fair in Germany all week"
    first = read_learned(note)
    assert first == read_learned(note)
    assert first and max(first, key=lambda f: f.log_weight).reason == "key_person_away"


# -- saying so when nothing points anywhere -------------------------------------------

def test_without_evidence_the_ranking_says_it_is_only_the_stage():
    assert not has_evidence(rank_reasons(application("interviewed", ""), TODAY))
    assert not has_evidence(rank_reasons(application("interviewed", "see attached"), TODAY))
    assert has_evidence(rank_reasons(application("interviewed", STRONG["sign_offs"]), TODAY))


@pytest.mark.parametrize("note, kept", [
    # a first line with news in it is no greeting
    ("Hi Sam, the hiring manager is away until the 14th.\nBest,\nDana", "away until the 14th"),
    ("Hey, recruiter said the role is on hold for now\nwill check in next month", "on hold"),
    # a quoted line in the middle of one's own notes is part of them
    ("Notes from the call:\n> HM is on vacation until the 14th\nwill ping again after", "vacation"),
    # a running log with a separator is read whole
    ("3 Mar: interview, went well\n--\n10 Mar: recruiter says the hiring manager left the company", "left the company"),
    # lines that only look like an email header
    ("Sent: thank-you note\nTo: Dana and Raj\nthey are still interviewing other candidates", "other candidates"),
])
def test_a_note_that_only_looks_pasted_is_read_whole(note, kept):
    start, end = message_span(note)
    assert kept in note[start:end]


def test_a_signature_after_windows_line_ends_is_left_out():
    note = "Hi Sam,\r\nThe manager is out this week.\r\n-- \r\nDana\r\nHead of People\r\n"
    start, end = message_span(note)
    assert "out this week" in note[start:end] and "People" not in note[start:end]


def test_hostile_pasted_text_is_trimmed_quickly():
    import time

    for note in ["Thanks\n" * 30000, ">\n" * 100000 + "x", "a\n" + "Thanks,\nline\n" * 20000]:
        began = time.process_time()
        message_span(note)
        assert time.process_time() - began < 2.0  # (linear: tens of ms; quadratic: minutes)
