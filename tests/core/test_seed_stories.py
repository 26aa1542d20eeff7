"""The readers' stories in seed/after-the-interview.txt, as applications.

Each case retells a commenter's situation in our own words, as a person would
log it, and writes down our judgement of what is most likely going on. The
assertions are about that judgement (top reason, or membership of the top few),
never about exact probabilities.
"""

from __future__ import annotations

from datetime import date

from waiting_room.core.model import Application, Event, Kind, Size
from waiting_room.core.reasons import ReasonScore, rank_reasons

D = date.fromisoformat


def top(scores: tuple[ReasonScore, ...], n: int) -> list[str]:
    return [s.id for s in scores[:n]]


def test_debra_team_onsite_then_manager_on_leave() -> None:
    # A big company; three weeks to a phone screen, three more to an onsite with
    # five people. HR promised an answer in 4-5 days. At the first check-in the
    # manager had not got all the feedback and the team was away at an onsite;
    # a week later the hiring manager was on leave.
    # Judgement: someone key is away. The missing feedback is the next most
    # likely thing: the decision is still being put together.
    app = Application(
        "debra", "Big Co", "Analyst", company_size=Size.LARGE,
        expected_reply_by=D("2015-06-05"),
        events=(
            Event(D("2015-04-20"), Kind.APPLIED),
            Event(D("2015-05-11"), Kind.PHONE_SCREEN, "HM asked if I'd like to join his team"),
            Event(D("2015-06-01"), Kind.INTERVIEW, "Five interviewers, all very positive"),
            Event(D("2015-06-08"), Kind.FOLLOW_UP_SENT),
            Event(D("2015-06-08"), Kind.HEARD_BACK,
                  "He said I did really well but he doesn't have all the feedback yet; "
                  "the team is onsite this week"),
            Event(D("2015-06-15"), Kind.FOLLOW_UP_SENT),
            Event(D("2015-06-16"), Kind.HEARD_BACK, "The hiring manager is on leave for a week"),
        ),
    )
    scores = rank_reasons(app, D("2015-06-26"))
    assert scores[0].id == "key_person_away"
    assert any("on leave" in line for line in scores[0].because)
    assert "other_candidates" in top(scores, 3)


def test_cindybun_references_being_called() -> None:
    # Screen, interview, then references and an assessment asked for the same
    # afternoon. The interviewer meant to decide by the end of the next week,
    # since she would be out of town the week after. No news; one follow-up to
    # HR. Weeks later the references tell her HR has started calling them.
    # Judgement: checks are running right now; the interviewer's trip is the
    # likely reason it slipped.
    app = Application(
        "cindy", "Dream Job Inc", "Coordinator",
        expected_reply_by=D("2015-03-27"),
        events=(
            Event(D("2015-03-10"), Kind.PHONE_SCREEN),
            Event(D("2015-03-16"), Kind.INTERVIEW,
                  "She'll decide by end of next week since she is out of town the week after"),
            Event(D("2015-03-16"), Kind.REFERENCES_REQUESTED),
            Event(D("2015-03-16"), Kind.ASSESSMENT),
            Event(D("2015-03-17"), Kind.THANK_YOU_SENT),
            Event(D("2015-04-03"), Kind.FOLLOW_UP_SENT, "emailed the HR person"),
            Event(D("2015-04-14"), Kind.REFERENCES_CONTACTED,
                  "one reference was called today; two others missed calls from their area code"),
        ),
    )
    scores = rank_reasons(app, D("2015-04-14"))
    assert scores[0].id == "checks_in_progress"
    assert "key_person_away" in top(scores, 3)


def test_jay_many_interviewers_and_teams() -> None:
    # Two phone interviews (senior recruiter, VP), then four back-to-back
    # interviews in one afternoon with people on very busy schedules. Six
    # compliance teams came up; one director asked which team he would pick.
    # Judgement: several senior people have to agree (sign-offs) comes first;
    # the job itself may be shaped around him (which team) is a close contender.
    app = Application(
        "jay", "Global Bank", "VP Compliance", company_size=Size.ENTERPRISE,
        events=(
            Event(D("2014-01-27"), Kind.PHONE_SCREEN, "Senior recruiter"),
            Event(D("2014-01-30"), Kind.PHONE_SCREEN, "VP-PM"),
            Event(D("2014-02-11"), Kind.INTERVIEW, "Executive director"),
            Event(D("2014-02-11"), Kind.INTERVIEW, "Executive director, asked which team I want"),
            Event(D("2014-02-11"), Kind.INTERVIEW),
            Event(D("2014-02-11"), Kind.INTERVIEW,
                  "They all had extremely busy schedules, 30 minutes each"),
        ),
        notes="Six compliance teams; they haven't decided which team the role sits in. "
              "Every director has to agree on the hire.",
    )
    scores = rank_reasons(app, D("2014-02-18"))
    assert scores[0].id == "sign_offs"
    # ("extremely busy schedules" reads, on real notes, as calendars and busy
    # people too: the role question comes just after them)
    assert "role_rethought" in top(scores, 4)


def test_renae_references_done_manager_deciding() -> None:
    # Medium non-profit. Second interview on a Monday; references called the
    # next day and all done by the end of the week. HR: the hiring manager has
    # not made a final decision. The manager: hopes to decide in a couple of days.
    # Judgement: the checks are finished; the manager is still deciding, most
    # likely between candidates.
    app = Application(
        "renae", "Helping Hands", "Program Officer", company_size=Size.MEDIUM,
        events=(
            Event(D("2013-07-22"), Kind.INTERVIEW),
            Event(D("2013-07-29"), Kind.INTERVIEW, "told hiring would happen pretty fast"),
            Event(D("2013-07-30"), Kind.REFERENCES_CONTACTED,
                  "by Friday all my references had been spoken to, all glowing"),
            Event(D("2013-08-06"), Kind.HEARD_BACK,
                  "HR: the hiring manager has yet to make a final decision"),
            Event(D("2013-08-06"), Kind.HEARD_BACK,
                  "the hiring manager hopes to decide within a couple of days"),
        ),
    )
    scores = rank_reasons(app, D("2013-08-08"))
    # (What comes second moves with the learned layer, fitted on real notes: an
    # approval step, or HR, who passed the news on.)
    assert top(scores, 1) == ["other_candidates"]
    assert "checks_in_progress" not in top(scores, 2)


def test_author_four_months_as_top_candidate() -> None:
    # The author once waited four months although she was their top candidate.
    # Judgement: not other candidates; a wait that long points to something
    # outside the normal process (a reshuffle, a changed role, a departure or
    # a higher priority) and the probability spreads over those.
    app = Application(
        "ronnie", "Some Org", "Consultant",
        events=(
            Event(D("2019-01-07"), Kind.INTERVIEW),
            Event(D("2019-01-21"), Kind.INTERVIEW, "They told me I'm their top candidate"),
            Event(D("2019-02-11"), Kind.FOLLOW_UP_SENT),
            Event(D("2019-03-04"), Kind.FOLLOW_UP_SENT),
        ),
    )
    scores = rank_reasons(app, D("2019-05-20"))
    assert scores[0].id != "other_candidates"
    beyond_process = {"reorganization", "role_rethought", "key_person_left", "priority_project"}
    assert len(beyond_process & set(top(scores, 4))) >= 2
    other = next(s for s in scores if s.id == "other_candidates")
    assert any("counts against" in line for line in other.because)
