"""Message drafts: filled in, no placeholders, the right event to log, the right moment."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waiting_room.core.drafts import Draft, DraftKind, draft, greeting, suggested_draft
from waiting_room.core.model import Application, Contact, Event, Kind

MON = date(2026, 11, 2)


def acme(**fields) -> Application:
    base = dict(
        id="a1",
        company="Acme Analytics",
        role="Data Analyst",
        events=(Event(MON, Kind.INTERVIEW),),
        contacts=(Contact("Dana Ruiz", "Hiring manager"),),
    )
    base.update(fields)
    return Application(**base)


_PLACEHOLDER = re.compile(r"[\[\]{}<>]|\bTODO\b|\bXXX\b|\bNone\b|your name", re.IGNORECASE)


@pytest.mark.parametrize("kind", list(DraftKind))
def test_every_draft_is_filled_in(kind):
    result = draft(kind, acme(), date(2026, 11, 20), sender="Sam Lee")
    assert isinstance(result, Draft) and result.kind is kind
    assert "Data Analyst" in result.subject
    assert "Acme Analytics" in result.body and "Data Analyst" in result.body
    assert result.body.startswith("Dear Dana,\n\n")
    assert result.body.endswith("Best regards,\nSam Lee")
    assert not _PLACEHOLDER.search(result.subject + result.body)
    assert len(result.body.split()) < 130  # short enough to read at a glance
    assert "!" not in result.body


@pytest.mark.parametrize(
    "kind", [DraftKind.THANK_YOU, DraftKind.FOLLOW_UP, DraftKind.CHECK_IN]
)
def test_drafts_about_the_meeting_name_its_date(kind):
    assert "on Monday 2 November" in draft(kind, acme(), date(2026, 11, 20)).body


@pytest.mark.parametrize(
    ("kind", "logs"),
    [
        (DraftKind.THANK_YOU, Kind.THANK_YOU_SENT),
        (DraftKind.FOLLOW_UP, Kind.FOLLOW_UP_SENT),
        (DraftKind.CHECK_IN, Kind.FOLLOW_UP_SENT),
        (DraftKind.WITHDRAWAL, Kind.WITHDREW),
        (DraftKind.ACCEPT_NEXT_ROUND, None),
    ],
)
def test_each_draft_logs_the_right_event(kind, logs):
    assert draft(kind, acme(), MON).logs is logs


@pytest.mark.parametrize(
    ("contacts", "hello"),
    [
        ((), "Hello,"),
        ((Contact(""), Contact("Lee Park")), "Dear Lee,"),
        ((Contact("Dr. Dana Ruiz"),), "Dear Dr. Ruiz,"),
        ((Contact("Ms Ruiz"),), "Dear Ms Ruiz,"),
        ((Contact("  dana  "),), "Dear dana,"),
    ],
)
def test_greeting(contacts, hello):
    assert greeting(acme(contacts=contacts)) == hello


def test_without_a_meeting_or_a_sender_the_sentences_still_read_whole():
    app = acme(events=(Event(MON, Kind.APPLIED),), contacts=())
    for kind in DraftKind:
        result = draft(kind, app, MON)
        assert result.body.startswith("Hello,\n\n")
        assert result.body.endswith("Best regards,")
        assert " on ." not in result.body and "  " not in result.body
        assert not _PLACEHOLDER.search(result.body)
    assert "my application" in draft(DraftKind.FOLLOW_UP, app, MON).body


def test_a_phone_screen_is_a_call():
    app = acme(events=(Event(MON, Kind.PHONE_SCREEN),))
    assert "speak with me on Monday 2 November" in draft(DraftKind.THANK_YOU, app, MON).body
    assert "our call on Monday 2 November" in draft(DraftKind.FOLLOW_UP, app, MON).body


def test_follow_up_mentions_a_named_date_only_once_it_has_passed():
    app = acme(expected_reply_by=date(2026, 11, 6))
    assert "Friday 6 November" in draft(DraftKind.FOLLOW_UP, app, date(2026, 11, 10)).body
    assert "Friday 6 November" not in draft(DraftKind.FOLLOW_UP, app, date(2026, 11, 5)).body


def test_user_text_cannot_break_lines_or_smuggle_controls():
    app = acme(company="Evil\x1b]52;c;aGk=\x07 Co", role="Analyst\nBcc: x@y", contacts=(Contact("Dana\rRuiz"),))
    result = draft(DraftKind.FOLLOW_UP, app, MON, sender="Sam\x1b[2J")
    assert "\n" not in result.subject
    assert "\x1b" not in result.body and "\x07" not in result.body and "\r" not in result.body
    assert "\nBcc" not in result.body
    assert result.body.startswith("Dear Dana")


def test_text_has_subject_then_body():
    result = draft(DraftKind.THANK_YOU, acme(), MON)
    assert result.text == f"Subject: {result.subject}\n\n{result.body}"


@given(
    st.text(min_size=1, max_size=40).filter(str.strip),
    st.text(min_size=1, max_size=40).filter(str.strip),
    st.text(max_size=30),
    st.sampled_from(list(DraftKind)),
)
def test_any_names_make_a_filled_single_line_subject(company, role, contact, kind):
    app = acme(company=company, role=role, contacts=(Contact(contact),))
    result = draft(kind, app, MON)
    assert "\n" not in result.subject and "\r" not in result.subject
    assert " ".join(role.split()) in result.subject or not role.isprintable()


# --- which draft fits now --------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "today", "kind"),
    [
        ([(MON, Kind.INTERVIEW)], MON, DraftKind.THANK_YOU),
        ([(MON, Kind.INTERVIEW), (MON, Kind.THANK_YOU_SENT)], date(2026, 11, 5), DraftKind.FOLLOW_UP),
        ([(MON, Kind.INTERVIEW)], date(2026, 11, 20), DraftKind.FOLLOW_UP),
        (
            [(MON, Kind.INTERVIEW), (MON, Kind.THANK_YOU_SENT), (date(2026, 11, 10), Kind.FOLLOW_UP_SENT)],
            date(2026, 11, 18),
            DraftKind.FOLLOW_UP,
        ),
        (
            [
                (MON, Kind.INTERVIEW),
                (MON, Kind.THANK_YOU_SENT),
                (date(2026, 11, 10), Kind.FOLLOW_UP_SENT),
                (date(2026, 11, 17), Kind.FOLLOW_UP_SENT),
            ],
            date(2026, 11, 20),
            DraftKind.CHECK_IN,
        ),
        (
            [
                (MON, Kind.INTERVIEW),
                (MON, Kind.THANK_YOU_SENT),
                (date(2026, 11, 10), Kind.FOLLOW_UP_SENT),
                (date(2026, 11, 17), Kind.FOLLOW_UP_SENT),
                (date(2026, 12, 1), Kind.FOLLOW_UP_SENT),
            ],
            date(2026, 12, 20),
            DraftKind.CHECK_IN,
        ),
    ],
)
def test_suggested_draft_follows_the_plan(events, today, kind):
    app = acme(events=tuple(Event(d, k) for d, k in events))
    assert suggested_draft(app, today) is kind


def test_an_invitation_suggests_accepting_the_next_round():
    app = acme(
        events=(
            Event(MON, Kind.INTERVIEW),
            Event(MON, Kind.THANK_YOU_SENT),
            Event(date(2026, 11, 9), Kind.HEARD_BACK, "They invited me to a second interview"),
        )
    )
    assert suggested_draft(app, date(2026, 11, 9)) is DraftKind.ACCEPT_NEXT_ROUND
