"""The delay-reason engine: catalogue, evidence, explanations and properties."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waiting_room.core.reader import VOCABULARY, learned, read_note
from waiting_room.core.model import Application, Event, Kind, Size, Status
from waiting_room.core.reasons import (
    clear_caches,
    REASON_IDS,
    REASONS,
    ReasonInfo,
    ReasonScore,
    STAGE_PRIORS,
    rank_reasons,
)

D = date.fromisoformat
TODAY = D("2026-11-20")


def app_of(*events: Event, **kw: object) -> Application:
    return Application("a1", "Acme", "Analyst", events=tuple(events), **kw)  # type: ignore[arg-type]


def prob(scores: tuple[ReasonScore, ...], rid: str) -> float:
    return next(s.probability for s in scores if s.id == rid)


def because(scores: tuple[ReasonScore, ...], rid: str) -> tuple[str, ...]:
    return next(s.because for s in scores if s.id == rid)


# --- the catalogue --------------------------------------------------------------------


def test_ids_follow_the_contract() -> None:
    assert REASON_IDS == (
        "hr_gatekeeping", "key_person_away", "priority_project", "key_person_left",
        "reorganization", "role_rethought", "sign_offs", "scheduling",
        "other_candidates", "checks_in_progress",
    )
    assert tuple(REASONS) == REASON_IDS


def test_catalogue_texts_are_short_and_calm() -> None:
    for rid, info in REASONS.items():
        assert isinstance(info, ReasonInfo) and info.id == rid
        assert 0 < len(info.title) <= 40
        assert info.happening.count(". ") <= 1 and info.happening.endswith(".")
        assert info.you_can.count(". ") == 0 and info.you_can.endswith(".")
        for text in (info.title, info.happening, info.you_can):
            assert "!" not in text
            assert not any(w in text.lower() for w in ("rejected", "hopeless", "ghost", "fail", "worst"))


def test_priors_cover_every_stage_and_reason() -> None:
    for weights in STAGE_PRIORS.values():
        assert len(weights) == len(REASON_IDS) and all(w > 0 for w in weights)


# --- behaviour ----------------------------------------------------------------------------


def test_priors_alone_explain_nothing() -> None:
    scores = rank_reasons(app_of(Event(D("2026-11-10"), Kind.INTERVIEW)), TODAY)
    assert [s.id for s in scores][0] == "other_candidates"
    assert all(s.because == () for s in scores)


def test_ties_keep_the_contract_order() -> None:
    # after applying, "away" and "priority" have the same prior
    scores = rank_reasons(app_of(Event(D("2026-11-18"), Kind.APPLIED)), TODAY)
    ids = [s.id for s in scores]
    assert prob(scores, "key_person_away") == prob(scores, "priority_project")
    assert ids.index("key_person_away") < ids.index("priority_project")


def test_a_note_moves_its_reason_to_the_top_and_is_quoted() -> None:
    app = app_of(
        Event(D("2026-11-02"), Kind.INTERVIEW),
        Event(D("2026-11-09"), Kind.HEARD_BACK, "Recruiter: the hiring manager is on leave."),
    )
    scores = rank_reasons(app, TODAY)
    assert scores[0].id == "key_person_away"
    assert scores[0].because == ('2026-11-09 note: "hiring manager is on leave"',)


def test_application_notes_are_quoted_without_a_date() -> None:
    app = app_of(Event(D("2026-11-02"), Kind.INTERVIEW), notes="They were just acquired.")
    scores = rank_reasons(app, TODAY)
    assert scores[0].id == "reorganization"
    assert scores[0].because == ('note: "acquired"',)


def test_references_contacted_point_to_checks() -> None:
    app = app_of(
        Event(D("2026-11-02"), Kind.INTERVIEW),
        Event(D("2026-11-16"), Kind.REFERENCES_CONTACTED),
    )
    scores = rank_reasons(app, TODAY)
    assert scores[0].id == "checks_in_progress"
    assert "references were contacted on 2026-11-16" in scores[0].because


def test_stale_references_weigh_less() -> None:
    fresh = app_of(Event(D("2026-10-01"), Kind.INTERVIEW), Event(D("2026-11-18"), Kind.REFERENCES_REQUESTED))
    stale = app_of(Event(D("2026-10-01"), Kind.INTERVIEW), Event(D("2026-10-10"), Kind.REFERENCES_REQUESTED))
    assert prob(rank_reasons(fresh, TODAY), "checks_in_progress") > prob(
        rank_reasons(stale, TODAY), "checks_in_progress"
    )


def test_past_the_promised_date() -> None:
    app = app_of(Event(D("2026-11-02"), Kind.INTERVIEW), expected_reply_by=D("2026-11-07"))
    before = rank_reasons(app, D("2026-11-06"))
    after = rank_reasons(app, TODAY)
    assert all(s.because == () for s in before)
    assert "past the date they gave (2026-11-07)" in because(after, "key_person_away")
    assert prob(after, "key_person_away") > prob(before, "key_person_away")


def test_unanswered_follow_ups_point_to_hr() -> None:
    base = app_of(Event(D("2026-10-20"), Kind.INTERVIEW))
    chased = replace(base, events=base.events + (
        Event(D("2026-11-01"), Kind.FOLLOW_UP_SENT), Event(D("2026-11-10"), Kind.FOLLOW_UP_SENT),
    ))
    scores = rank_reasons(chased, TODAY)
    assert prob(scores, "hr_gatekeeping") > prob(rank_reasons(base, TODAY), "hr_gatekeeping")
    assert because(scores, "hr_gatekeeping") == ("2 follow-ups since 2026-11-01 have had no reply",)
    # a reply after them resets the clock: they are no longer unanswered
    answered = replace(chased, events=chased.events + (Event(D("2026-11-12"), Kind.HEARD_BACK),))
    assert because(rank_reasons(answered, TODAY), "hr_gatekeeping") == ()


def test_year_end_and_august() -> None:
    winter = app_of(Event(D("2026-12-15"), Kind.INTERVIEW))
    scores = rank_reasons(winter, D("2027-01-05"))
    assert "the wait runs over the year-end holidays" in because(scores, "key_person_away")
    summer = app_of(Event(D("2026-07-25"), Kind.INTERVIEW))
    scores = rank_reasons(summer, D("2026-08-14"))
    assert any("August" in line for line in because(scores, "key_person_away"))
    spring = app_of(Event(D("2026-04-01"), Kind.INTERVIEW))
    assert all(s.because == () for s in rank_reasons(spring, D("2026-04-20")))


def test_company_size_shifts_priors() -> None:
    events = (Event(D("2026-11-10"), Kind.INTERVIEW),)
    small = rank_reasons(app_of(*events, company_size=Size.SMALL), TODAY)
    big = rank_reasons(app_of(*events, company_size=Size.ENTERPRISE), TODAY)
    assert prob(big, "hr_gatekeeping") > prob(small, "hr_gatekeeping")
    assert prob(small, "key_person_away") > prob(big, "key_person_away")
    assert all(s.because == () for s in big + small)


def test_the_newest_word_wins() -> None:
    on_leave = Event(D("2026-11-09"), Kind.HEARD_BACK, "the manager is on leave")
    back = Event(D("2026-11-16"), Kind.HEARD_BACK, "she is back from leave now")
    only_leave = rank_reasons(app_of(Event(D("2026-11-02"), Kind.INTERVIEW), on_leave), TODAY)
    both = rank_reasons(app_of(Event(D("2026-11-02"), Kind.INTERVIEW), on_leave, back), TODAY)
    assert prob(both, "key_person_away") < prob(only_leave, "key_person_away")
    lines = because(both, "key_person_away")
    assert len(lines) == 1 and lines[0].startswith("2026-11-16") and "counts against" in lines[0]


def test_negation_lowers_below_the_prior() -> None:
    plain = rank_reasons(app_of(Event(D("2026-11-10"), Kind.INTERVIEW)), TODAY)
    denied = rank_reasons(
        app_of(Event(D("2026-11-10"), Kind.INTERVIEW, "no reorg going on, they said")), TODAY
    )
    assert prob(denied, "reorganization") < prob(plain, "reorganization")


def test_closed_applications_still_rank() -> None:
    app = app_of(Event(D("2026-11-02"), Kind.INTERVIEW), status=Status.REJECTED)
    assert len(rank_reasons(app, TODAY)) == 10


# --- properties ---------------------------------------------------------------------------

#: phrasings that point to exactly one reason (checked in the property itself)
ONE_REASON = {
    "hr_gatekeeping": ["HR said all updates come from them", "my email was forwarded to HR"],
    "key_person_away": ["the hiring manager is on vacation", "my contact is off sick"],
    "priority_project": ["the team is in crunch mode", "hiring is on the back burner"],
    "key_person_left": ["the recruiter quit", "my contact left the company"],
    "reorganization": ["the company was just acquired", "there were layoffs"],
    "role_rethought": ["they are rewriting the job description", "the role may be reclassified"],
    "sign_offs": ["finance has to approve it", "it needs the VP's sign-off"],
    "scheduling": ["trying to find a time for the panel", "everyone's calendars are full"],
    "other_candidates": ["they are still interviewing", "two other finalists"],
    "checks_in_progress": ["they're checking my references", "background check is running"],
}
NOTE_POOL = [p for ps in ONE_REASON.values() for p in ps] + [
    "", "she is back from leave", "no reorg", "they're not interviewing anyone else",
    "I left a voicemail", "the manager isn't travelling any more; it's with finance now",
    "great chat with the team", "maybe the role will change",
]

KINDS = list(Kind)
_start = D("2026-06-01")


@st.composite
def applications(draw: st.DrawFn) -> Application:
    n = draw(st.integers(0, 6))
    events = tuple(
        Event(
            _start + timedelta(days=draw(st.integers(0, 200))),
            draw(st.sampled_from(KINDS)),
            draw(st.sampled_from(NOTE_POOL)),
        )
        for _ in range(n)
    )
    reply_by = draw(st.one_of(st.none(), st.integers(0, 220).map(lambda d: _start + timedelta(days=d))))
    return Application(
        "p", "Co", "Role", events=events,
        company_size=draw(st.one_of(st.none(), st.sampled_from(list(Size)))),
        expected_reply_by=reply_by,
        notes=draw(st.sampled_from(NOTE_POOL)),
    )


todays = st.integers(0, 240).map(lambda d: _start + timedelta(days=d))
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(applications(), todays)
def test_probabilities_sum_to_one_and_are_ranked(app: Application, today: date) -> None:
    scores = rank_reasons(app, today)
    assert sorted(s.id for s in scores) == sorted(REASON_IDS)
    assert abs(math.fsum(s.probability for s in scores) - 1.0) <= 1e-9
    assert all(0 < s.probability < 1 for s in scores)
    for a, b in zip(scores, scores[1:]):
        assert a.probability > b.probability or (
            a.probability == b.probability and REASON_IDS.index(a.id) < REASON_IDS.index(b.id)
        )


@FAST
@given(
    applications(), todays, st.sampled_from(REASON_IDS), st.integers(0, 1),
    st.integers(-30, 60), st.booleans(),
)
def test_a_cue_never_lowers_its_reason(
    app: Application, today: date, rid: str, which: int, offset: int, in_app_notes: bool
) -> None:
    phrase = ONE_REASON[rid][which]
    cues = read_note(phrase)
    assert {c.reason for c in cues} == {rid} and not any(c.negated for c in cues)
    if in_app_notes:
        more = replace(app, notes=(app.notes + ". " if app.notes else "") + phrase)
    else:
        note = Event(today + timedelta(days=offset), Kind.THANK_YOU_SENT, phrase)
        more = replace(app, events=app.events + (note,))
    # A property of the rules' cues: the learned layer also reads a phrase's
    # words, and may give a little to other reasons too (tests/core/test_real_words.py).
    from waiting_room.core.reader import learned

    learned.use_weights({})
    clear_caches()
    try:
        before = prob(rank_reasons(app, today), rid)
        after = prob(rank_reasons(more, today), rid)
    finally:
        learned.use_weights(None)
        clear_caches()
    assert after >= before - 1e-12


@FAST
@given(applications(), todays, st.randoms(use_true_random=False))
def test_event_order_does_not_matter(app: Application, today: date, rnd) -> None:  # type: ignore[no-untyped-def]
    events = list(app.events)
    rnd.shuffle(events)
    assert rank_reasons(replace(app, events=tuple(events)), today) == rank_reasons(app, today)


#: Every word stem the learned layer weighs, alone or in a pair.
_LEARNED_WORDS = frozenset(w for feature in learned._weights() for w in feature.split())

#: Words neither the rules nor the learned layer know.
unknown_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).filter(
        lambda w: w not in VOCABULARY and w not in _LEARNED_WORDS and learned._stem(w) not in _LEARNED_WORDS
    ),
    min_size=1, max_size=8,
).map(" ".join)


@FAST
@given(applications(), todays, unknown_words, st.integers(0, 2))
def test_unknown_words_change_nothing(app: Application, today: date, words: str, where: int) -> None:
    if where == 0:  # a note of their own
        more = replace(app, events=app.events + (Event(today, Kind.THANK_YOU_SENT, words),))
    elif where == 1:  # a sentence added to the application's notes
        more = replace(app, notes=f"{app.notes}. {words}." if app.notes else words)
    else:  # a sentence added to every event note
        more = replace(app, events=tuple(
            replace(e, note=f"{e.note}. {words}." if e.note else words) for e in app.events
        ))
    assert read_note(words) == ()
    assert rank_reasons(more, today) == rank_reasons(app, today)


def test_a_promised_date_from_before_the_latest_news_is_not_evidence():
    from datetime import date

    from waiting_room.core.model import Application, Event, Kind

    app = Application(id="p", company="C", role="R", expected_reply_by=date(2026, 11, 5), events=(
        Event(date(2026, 11, 2), Kind.INTERVIEW), Event(date(2026, 11, 10), Kind.HEARD_BACK)))
    lines = [b for r in rank_reasons(app, date(2026, 11, 20)) for b in r.because]
    assert not any("past the date they gave" in b for b in lines)
    earlier_news = Application(id="q", company="C", role="R", expected_reply_by=date(2026, 11, 5),
                               events=(Event(date(2026, 11, 2), Kind.INTERVIEW),))
    lines = [b for r in rank_reasons(earlier_news, date(2026, 11, 20)) for b in r.because]
    assert any("past the date they gave" in b for b in lines)
