"""Daily backups belong to one database each."""

from __future__ import annotations

from storekit import TODAY, sample_app


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path):
    from datetime import timedelta

    from waiting_room.store import backups
    from waiting_room.store.database import Database

    jobs_json, jobs_txt = tmp_path / "jobs.json", tmp_path / "jobs.txt"
    for path, n in ((jobs_json, 1), (jobs_txt, 2)):
        with Database(path, today=TODAY).transaction() as tx:
            tx.add(sample_app(n))
        with Database(path, today=TODAY + timedelta(days=1)).transaction() as tx:
            tx.add(sample_app(n + 10))
    json_backup, txt_backup = backups.newest(jobs_json), backups.newest(jobs_txt)
    assert json_backup != txt_backup
    assert sample_app(1).company in json_backup.read_text()
    assert sample_app(2).company in txt_backup.read_text()
