"""The words the TUI uses for days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from waiting_room.tui.words import when

TODAY = date(2026, 11, 20)  # a Friday


@pytest.mark.parametrize("offset, plan_step, own_task", [
    (-3, "from Tue 17 Nov", "overdue since Tue 17 Nov"),
    (0, "today", "by today"),
    (1, "tomorrow", "by tomorrow"),
    (2, "Sun 22 Nov", "by Sun 22 Nov"),
])
def test_a_plan_step_is_due_from_a_day_and_an_own_task_by_it(offset, plan_step, own_task):
    day = TODAY + timedelta(days=offset)
    assert when(day, TODAY) == plan_step
    assert when(day, TODAY, deadline=True) == own_task
    assert "from" not in when(day, TODAY, deadline=True)
