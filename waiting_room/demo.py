"""The built-in sample data, moved in time so that its waits look the same any day."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from importlib import resources

from waiting_room.core.model import Application, application_from_dict


def demo_applications(today: date) -> list[Application]:
    raw = json.loads(resources.files("waiting_room.data").joinpath("demo.json").read_text("utf-8"))
    # Whole weeks, so that interviews stay on weekdays; the waits differ by a few days.
    shift = timedelta(weeks=(today - date.fromisoformat(raw["anchor"])).days // 7)
    apps = []
    for item in raw["applications"]:
        app = application_from_dict(item)
        app = replace(
            app,
            events=tuple(replace(e, date=e.date + shift) for e in app.events),
            expected_reply_by=app.expected_reply_by + shift if app.expected_reply_by else None,
        )
        apps.append(app)
    return apps
