# The project's copy of the shared benchmark floor (shared/bench/floor.py).
"""The floor: the least work any Python checker of a learning log must do, to measure ours against.

    python floor.py LOG_DIR            # a log made by make_log.py (reads its learnlog.toml)

Lists the posts folder, reads each post, splits off its front matter, parses it with PyYAML's C
loader, and validates it with one pre-built jsonschema validator (a non-empty title, a non-empty list
of unique tags from the vocabulary). No positions, no calendar rules, no messages worth reading:
a checker that does all of those at this speed is at the floor. Prints 'posts=N invalid=M'.
Needs PyYAML (with libyaml) and jsonschema.
"""

from __future__ import annotations

import os
import sys
import tomllib

import yaml
from jsonschema import Draft202012Validator


def main() -> int:
    log = sys.argv[1]
    with open(os.path.join(log, "learnlog.toml"), "rb") as f:
        cfg = tomllib.load(f)
    tags_field = cfg.get("tags_field", "tags")
    item: dict = {"type": "string"}
    if cfg.get("tags"):
        item["enum"] = sorted(cfg["tags"])
    validator = Draft202012Validator(
        {
            "type": "object",
            "required": ["title", tags_field],
            "properties": {
                "title": {"type": "string", "minLength": 1},
                tags_field: {"type": "array", "items": item, "minItems": 1, "uniqueItems": True},
            },
        }
    )
    posts = os.path.join(log, cfg.get("posts", "_posts"))
    n = invalid = 0
    for name in sorted(os.listdir(posts)):
        if not name.endswith(".md"):
            continue
        n += 1
        with open(os.path.join(posts, name), encoding="utf-8") as f:
            text = f.read()
        end = text.find("\n---", 3)
        if not text.startswith("---\n") or end < 0:
            invalid += 1
            continue
        try:
            data = yaml.load(text[4:end], Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            invalid += 1
            continue
        if any(True for _ in validator.iter_errors(data)):
            invalid += 1
    print(f"posts={n} invalid={invalid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
