"""Dates people were told, used: the same application read on several days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from waiting_room.core.model import Application, Event, Kind
from waiting_room.core.plan import next_tasks
from waiting_room.core.reasons import rank_reasons
from waiting_room.core.waiting import norm_for, reply_date, short_date, verdict_sentence

INTERVIEW = date(2026, 12, 3)  # a Thursday
NOTE = "Recruiter said the hiring manager is on PTO until the 15th and they'll decide the week after"


def application(note: str = NOTE, **fields) -> Application:
    return Application("a", "Acme", "Analyst", (Event(INTERVIEW, Kind.INTERVIEW, note),), **fields)


def follow_up(app: Application, today: date):
    return next(t for t in next_tasks(app, today) if t.kind == "follow_up")


def away(app: Application, today: date):
    return next(r for r in rank_reasons(app, today) if r.id == "key_person_away")


@pytest.mark.parametrize("today", [date(2026, 12, 7), date(2026, 12, 11), date(2026, 12, 16)])
def test_someone_away_until_a_day_leads_until_then(today):
    ranked = rank_reasons(application(), today)
    assert ranked[0].id == "key_person_away"
    assert not any("has passed" in line for line in ranked[0].because)


@pytest.mark.parametrize("today", [date(2026, 12, 17), date(2026, 12, 22), date(2027, 1, 8)])
def test_after_the_day_they_were_away_until_it_counts_far_less(today):
    before = away(application(), date(2026, 12, 16)).probability
    after = away(application(), today)
    assert after.probability < before / 2
    assert rank_reasons(application(), date(2026, 12, 17))[0].id != "key_person_away"
    # the same words without a date keep their weight
    assert away(application("the hiring manager is on PTO"), today).probability > after.probability


def test_the_evidence_line_says_which_date_passed():
    because = away(application(), date(2027, 1, 8)).because
    assert any("(until Tue 15 Dec, which has passed)" in line for line in because), because


def test_a_decision_date_in_a_note_moves_the_follow_up_after_it():
    plain = follow_up(application("Good interview, they were friendly"), date(2026, 12, 10))
    told = follow_up(application(), date(2026, 12, 10))
    assert told.due > plain.due
    assert told.due == date(2026, 12, 28)  # Fri 25 Dec, then a business day
    assert "They said they'd decide by Fri 25 Dec" in told.detail


def test_the_clock_line_names_their_date_in_the_right_tense():
    app = application()
    assert verdict_sentence(app, date(2026, 12, 10)).startswith(
        "They said they'd decide by Fri 25 Dec; today is day 7, so there is time yet.")
    assert verdict_sentence(app, date(2027, 1, 5)).startswith(
        "They said they'd decide by Fri 25 Dec, and that date has passed; today is day 33.")


def test_a_reply_date_said_other_ways():
    app = application("HR said I should hear back by end of next week")
    day, told = reply_date(app)
    assert day == date(2026, 12, 11) and told is not None and not told.decide
    assert verdict_sentence(app, date(2026, 12, 8)).startswith("They said you'd hear by Fri 11 Dec")


def test_the_later_of_the_stored_date_and_the_note_is_kept():
    later = application(expected_reply_by=date(2027, 1, 15))
    assert reply_date(later) == (date(2027, 1, 15), None)
    earlier = application(expected_reply_by=date(2026, 12, 10))
    assert reply_date(earlier)[0] == date(2026, 12, 25)
    assert norm_for(earlier).promised == date(2026, 12, 25)


def test_a_date_from_before_the_latest_news_does_not_count():
    app = application()
    app = replace(app, events=(*app.events, Event(date(2027, 1, 4), Kind.HEARD_BACK, "They are still deciding")))
    assert reply_date(app) == (None, None)


def test_a_date_with_nothing_about_their_answer_names_no_reply():
    assert reply_date(application("I start my new course on the 15th")) == (None, None)


def test_past_dates_in_a_note_name_no_reply():
    assert reply_date(application("They said they would decide last Friday")) == (None, None)


@pytest.mark.parametrize("note, due", [
    ("Recruiter said 4-5 days.", date(2026, 12, 8)),
    ("HR said it takes about two weeks", date(2026, 12, 17)),
    ("they won't decide until the 15th", date(2026, 12, 15)),
    ("they will reply by Friday", date(2026, 12, 4)),
    ("should hear after Christmas", date(2027, 1, 1)),
])
def test_reply_dates_as_people_note_them(note, due):
    assert reply_date(application(note))[0] == due


@pytest.mark.parametrize("note", [
    "Auto-reply: Priya is on leave until the 24th",  # an absence, not a reply
    "the manager is out until the 15th",
    "I said I was free on Monday",
    "she said she is off next week",
])
def test_dates_that_are_not_about_their_answer(note):
    assert reply_date(application(note)) == (None, None)


def test_the_follow_up_speaks_of_a_passed_date_in_the_past():
    app = application()
    ahead = follow_up(app, date(2026, 12, 10))
    assert "If nothing has come by then" in ahead.detail
    later = follow_up(app, date(2027, 1, 7))
    assert later.due == ahead.due  # the same step, on the same day
    assert later.detail == "They said they'd decide by Fri 25 Dec; that has passed. One short, friendly note now is fair."


@pytest.mark.parametrize("today", [date(2026, 12, 10), date(2026, 12, 17), date(2027, 1, 7)])
def test_one_plan_everywhere(today):
    from waiting_room.core.drafts import DraftKind, suggested_step
    from waiting_room.core.summary import status_entry
    from waiting_room.store.calendar import to_ics

    app = application()
    step = follow_up(app, today)
    kind, due = suggested_step(replace(app, events=(*app.events, Event(INTERVIEW, Kind.THANK_YOU_SENT))), today)
    assert (kind, due) == (DraftKind.FOLLOW_UP, step.due)
    entry = status_entry(app, today)
    assert {"id": step.id, "title": step.title, "due": step.due.isoformat()} in entry["next_tasks"]
    assert f"DTSTART;VALUE=DATE:{step.due:%Y%m%d}" in to_ics([app], today)


def test_the_usual_follow_up_window_is_spoken_of_in_the_past_once_it_has_gone():
    app = application("Good interview, they were friendly")
    soon = follow_up(app, date(2026, 12, 8))
    assert soon.detail.startswith("Any weekday from ")
    late = follow_up(app, date(2027, 1, 20))
    assert late.due == soon.due and late.id == soon.id
    assert late.detail == ("The usual window for it has passed; one short note saying you are still "
                           "interested is fair now.")


def test_the_evidence_line_names_the_words_that_gave_the_date():
    because = away(application(), date(2027, 1, 8)).because
    assert 'past the date they gave (2026-12-25, "the week after" in your note of 2026-12-03)' in because
    stored = away(application("Good interview", expected_reply_by=date(2026, 12, 10)), date(2027, 1, 8))
    assert "past the date they gave (2026-12-10)" in stored.because


def test_letting_it_rest_speaks_of_its_day_in_the_past_once_it_has_come_and_gone():
    sent = [Event(date(2026, 12, 10 + 7 * i), Kind.FOLLOW_UP_SENT) for i in range(3)]
    app = replace(application("Good interview"), events=(*application("Good interview").events,
                                                         Event(INTERVIEW, Kind.THANK_YOU_SENT), *sent))
    rest = [t for t in next_tasks(app, date(2026, 12, 25)) if t.kind == "let_rest"]
    assert rest and "If nothing arrives by" in rest[0].detail
    later = [t for t in next_tasks(app, rest[0].due + timedelta(days=3)) if t.kind == "let_rest"]
    assert later and f"{short_date(rest[0].due)} has passed" in later[0].detail
