"""Keep data/README.md's per-dataset sections in step with the dataset registry.

    python -m tools.data_dictionary            # print the generated sections
    python -m tools.data_dictionary --write    # rewrite them in data/README.md
    python -m tools.data_dictionary --check    # exit 1 if they are out of date (the test suite does this too)

Run by a developer after adding or changing a dataset in atlas/data/registry.py.
"""

from __future__ import annotations

import argparse
import sys

from atlas.core.paths import DATA_DIR
from atlas.data.registry import DATASETS, dictionary_markdown, with_dictionary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite the generated sections of data/README.md")
    mode.add_argument("--check", action="store_true", help="fail if the generated sections are out of date")
    args = parser.parse_args(argv)
    path = DATA_DIR / "README.md"
    readme = path.read_text(encoding="utf-8")
    wanted = with_dictionary(readme)
    if args.write:
        path.write_text(wanted, encoding="utf-8")
        print(f"rewrote the dataset sections of {path}")
        return 0
    if args.check:
        if wanted != readme:
            print("data/README.md: the dataset sections are out of date; run python -m tools.data_dictionary --write")
            return 1
        print("data/README.md dataset sections are up to date")
        return 0
    print("\n".join(dictionary_markdown(entry) for entry in DATASETS.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
