"""Same schema, same bytes: ten `baseline generate` runs with different hash seeds."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from roundtrip import load_with_executor
from test_hostile_names import hostile_script
from test_live import FEATURES

# a second cycle and views depending on views, so every set/dict iteration matters
MORE = """
CREATE TABLE ca (id int PRIMARY KEY, b int, c int);
CREATE TABLE cb (id int PRIMARY KEY, a int, CONSTRAINT cb_a FOREIGN KEY (a) REFERENCES ca (id));
CREATE TABLE cc (id int PRIMARY KEY, a int, CONSTRAINT cc_a FOREIGN KEY (a) REFERENCES ca (id));
ALTER TABLE ca ADD CONSTRAINT ca_b FOREIGN KEY (b) REFERENCES cb (id),
               ADD CONSTRAINT ca_c FOREIGN KEY (c) REFERENCES cc (id);
CREATE VIEW v3 AS SELECT * FROM v2x;
"""


def test_ten_runs_with_different_hash_seeds_are_byte_identical(server, scratch_db, tmp_path):
    load_with_executor(server, scratch_db,
                       FEATURES + hostile_script() + "\nCREATE VIEW v2x AS SELECT id FROM v;\n" + MORE)
    url = server.url.with_database(scratch_db)
    url_text = url._render(url.password)
    digests = set()
    texts = {}
    for seed in range(10):
        out = tmp_path / f"run{seed}"
        env = {**os.environ, "PYTHONHASHSEED": str(seed * 7919 + 1)}
        proc = subprocess.run([sys.executable, "-m", "baseline", "generate", url_text, "-o", str(out)],
                              env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        data = (out / "000_initial_schema.sql").read_bytes()
        digests.add(hashlib.sha256(data).hexdigest())
        texts[seed] = data
    assert len(digests) == 1
    text = texts[0].decode()
    assert text.count("ALTER TABLE") == 2                     # both cycles closed after the tables
    assert text.index("VIEW `v2x`") < text.index("VIEW `v3`")
