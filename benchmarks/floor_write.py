"""The floor for a write: read, append one event, one atomic json.dump. Not the app's code."""

import json
import os
import sys
import tempfile

path, app_id, note = sys.argv[1:4]
with open(path, "rb") as handle:
    doc = json.load(handle)
for record in doc["applications"].values():
    if record.get("id") == app_id:
        record["events"].append({"date": "2026-11-20", "kind": "follow_up_sent", "note": note})
        break
folder = os.path.dirname(os.path.abspath(path))
fd, tmp = tempfile.mkstemp(dir=folder, prefix=".floor.", suffix=".tmp")
with os.fdopen(fd, "w", encoding="utf-8") as handle:
    json.dump(doc, handle, ensure_ascii=False, separators=(",", ":"))
    handle.flush()
    os.fsync(handle.fileno())
os.replace(tmp, path)
dir_fd = os.open(folder, os.O_RDONLY)
os.fsync(dir_fd)
os.close(dir_fd)
