"""The waiting clock's verdict model: norms per stage, verdicts, gauge, words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waiting_room.core.model import Application, Event, Kind, Size, Status
from waiting_room.core.waiting import (
    BASE_NORMS,
    GAUGE_USUAL_MARK,
    Stage,
    Verdict,
    days_waited,
    gauge,
    norm_for,
    stage_of,
    verdict_sentence,
    wait_in_words,
    wait_verdict,
    waiting_since,
)

MON_2_NOV = date(2026, 11, 2)


def app_with(*events: tuple[date, Kind], **fields) -> Application:
    return Application(
        id="a1",
        company="Acme Analytics",
        role="Data Analyst",
        events=tuple(Event(d, k) for d, k in events),
        **fields,
    )


def interviewed(**fields) -> Application:
    return app_with((MON_2_NOV, Kind.INTERVIEW), **fields)


def day(n: int) -> date:
    return MON_2_NOV + timedelta(days=n)


# --- the contract's clock is unchanged ----------------------------------------


def test_clock_functions_keep_the_contract():
    app = app_with(
        (date(2026, 10, 1), Kind.APPLIED),
        (MON_2_NOV, Kind.INTERVIEW),
        (date(2026, 11, 3), Kind.THANK_YOU_SENT),
        (date(2026, 11, 10), Kind.REFERENCES_CONTACTED),
    )
    assert waiting_since(app) == MON_2_NOV
    assert days_waited(app, day(18)) == 18
    assert stage_of(app) is Stage.REFERENCES


# --- norms ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "stage"),
    [
        ([Kind.APPLIED], Stage.APPLIED),
        ([Kind.APPLIED, Kind.PHONE_SCREEN], Stage.SCREENED),
        ([Kind.PHONE_SCREEN, Kind.INTERVIEW], Stage.INTERVIEWED),
        ([Kind.INTERVIEW, Kind.INTERVIEW], Stage.LATER_ROUNDS),
        ([Kind.INTERVIEW, Kind.REFERENCES_REQUESTED], Stage.REFERENCES),
    ],
)
def test_norm_follows_the_stage(events, stage):
    app = app_with(*((day(i), k) for i, k in enumerate(events)))
    norm = norm_for(app)
    assert norm.stage is stage
    assert (norm.typical_days, norm.usual_max_days, norm.long_days) == BASE_NORMS[stage]


def test_every_base_norm_is_ordered():
    for typical, usual_max, long in BASE_NORMS.values():
        assert 0 < typical <= usual_max < long


def test_bigger_companies_get_a_longer_norm_and_smaller_a_shorter_one():
    medium = norm_for(interviewed(company_size=Size.MEDIUM))
    assert medium == norm_for(interviewed())
    enterprise = norm_for(interviewed(company_size=Size.ENTERPRISE))
    small = norm_for(interviewed(company_size=Size.SMALL))
    assert small.usual_max_days < medium.usual_max_days < enterprise.usual_max_days
    assert small.long_days < medium.long_days < enterprise.long_days


def test_a_named_date_far_out_stretches_the_usual_range_to_it_plus_grace():
    # They said "by Fri 11 Dec" (39 days); grace is two business days: Tue 15 Dec.
    app = interviewed(expected_reply_by=date(2026, 12, 11))
    norm = norm_for(app)
    assert norm.promised == date(2026, 12, 11)
    assert norm.usual_max_days == (date(2026, 12, 15) - MON_2_NOV).days
    assert norm.long_days > norm.usual_max_days
    assert wait_verdict(app, date(2026, 12, 15)) is Verdict.WITHIN_NORMAL
    assert wait_verdict(app, date(2026, 12, 16)) is Verdict.LONGER_THAN_USUAL


def test_a_named_date_soon_never_shortens_the_norm():
    app = interviewed(expected_reply_by=date(2026, 11, 6))
    assert norm_for(app).usual_max_days == norm_for(interviewed()).usual_max_days
    assert wait_verdict(app, day(20)) is Verdict.WITHIN_NORMAL


def test_a_named_date_from_before_the_wait_started_is_ignored():
    app = interviewed(expected_reply_by=date(2026, 10, 20))
    assert norm_for(app).promised is None


# --- verdicts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "verdict"),
    [
        (0, Verdict.WITHIN_NORMAL),
        (18, Verdict.WITHIN_NORMAL),
        (30, Verdict.WITHIN_NORMAL),
        (31, Verdict.LONGER_THAN_USUAL),
        (60, Verdict.LONGER_THAN_USUAL),
        (61, Verdict.VERY_LONG),
        (400, Verdict.VERY_LONG),
    ],
)
def test_verdict_after_one_interview(days, verdict):
    assert wait_verdict(interviewed(), day(days)) is verdict


def test_no_verdict_without_a_running_wait():
    assert wait_verdict(app_with(), day(3)) is None
    assert wait_verdict(interviewed(status=Status.REJECTED), day(3)) is None
    assert gauge(interviewed(status=Status.OFFER), day(3)) is None


_CALMNESS = {Verdict.WITHIN_NORMAL: 0, Verdict.LONGER_THAN_USUAL: 1, Verdict.VERY_LONG: 2}

_kinds = st.sampled_from([k for k in Kind if k not in (Kind.OFFER, Kind.REJECTION, Kind.WITHDREW)])
_apps = st.builds(
    lambda evs, size, reply_by: Application(
        id="p",
        company="C",
        role="R",
        events=tuple(Event(day(offset), kind) for offset, kind in evs),
        company_size=size,
        expected_reply_by=None if reply_by is None else day(reply_by),
    ),
    st.lists(st.tuples(st.integers(-30, 30), _kinds), min_size=1, max_size=6),
    st.sampled_from([None, *Size]),
    st.one_of(st.none(), st.integers(-40, 120)),
)


@given(_apps, st.integers(0, 200), st.integers(0, 200))
def test_verdict_and_gauge_never_get_calmer_as_days_pass(app, start, more):
    earlier, later = day(start), day(start + more)
    v1, v2 = wait_verdict(app, earlier), wait_verdict(app, later)
    if waiting_since(app) is None:
        assert v1 is v2 is None
        return
    assert _CALMNESS[v1] <= _CALMNESS[v2]
    g1, g2 = gauge(app, earlier), gauge(app, later)
    assert 0.0 <= g1 <= g2 <= 1.0


@given(_apps)
def test_every_norm_is_ordered(app):
    norm = norm_for(app)
    assert 0 < norm.typical_days <= norm.usual_max_days < norm.long_days


# --- the gauge ----------------------------------------------------------------------


def test_gauge_marks():
    app = interviewed()
    assert gauge(app, day(0)) == 0.0
    assert gauge(app, day(15)) == pytest.approx(GAUGE_USUAL_MARK / 2)
    assert gauge(app, day(30)) == pytest.approx(GAUGE_USUAL_MARK)
    assert gauge(app, day(45)) == pytest.approx((GAUGE_USUAL_MARK + 1) / 2)
    assert gauge(app, day(60)) == 1.0
    assert gauge(app, day(300)) == 1.0


# --- words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "0 days"),
        (1, "1 day"),
        (6, "6 days"),
        (7, "1 week"),
        (8, "1 week and 1 day"),
        (18, "2 weeks and 4 days"),
        (21, "3 weeks"),
        (70, "2 months and 9 days"),
        (-3, "0 days"),
    ],
)
def test_wait_in_words(days, words):
    assert wait_in_words(days) == words


def test_sentence_names_the_usual_range_and_the_day():
    text = verdict_sentence(interviewed(), day(18))
    assert "30 days" in text and "day 18" in text
    assert "longer" not in text and "long silence" not in text


def test_sentence_grows_honest_but_stays_gentle():
    longer = verdict_sentence(interviewed(), day(40))
    very = verdict_sentence(interviewed(), day(90))
    assert "longer than usual" in longer and "day 40" in longer
    assert "long silence" in very and "day 90" in very
    for text in (longer, very):
        assert "!" not in text
        for alarm in ("ghost", "rejected", "bad sign", "give up", "never"):
            assert alarm not in text.lower()


def test_sentence_respects_a_named_date():
    app = interviewed(expected_reply_by=date(2026, 11, 6))
    before = verdict_sentence(app, date(2026, 11, 4))
    after = verdict_sentence(app, date(2026, 11, 20))
    assert "Fri 6 Nov" in before and "time yet" in before
    assert "Fri 6 Nov" in after and "passed" in after and "day 18" in after


def test_sentence_without_a_wait():
    assert "Log when you applied" in verdict_sentence(app_with(), day(1))
    closed = replace(interviewed(), status=Status.WITHDRAWN)
    assert "withdrew" in verdict_sentence(closed, day(1))


def test_sentence_on_the_first_day():
    assert "first day" in verdict_sentence(interviewed(), MON_2_NOV)
