"""The website written into its folder: the files whose content changed, all or none (each
staged as it is made, then renamed into place: `workspace.file_sets`), the others left alone,
so a nightly rebuild touches only the pages that changed. A manifest, `actionplan-site.json`,
lists the files the site wrote; one the site no longer has (an indicator removed) is deleted,
and nothing else in the folder is ever touched.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.output.documents.files import DocumentSet
from actionplan.workspace.limits import TEMPLATE_BYTES, read_limited

MANIFEST = "actionplan-site.json"
# The only names a site writes: a damaged or edited manifest cannot make it delete others.
_SITE_NAME = re.compile(
    r"(index\.html|site\.css|site\.js|theme-[a-z0-9-]+\.html|indicator-[A-Za-z0-9][\w.-]*\.(html|csv))"
)


@dataclass
class SiteWritten:
    wrote: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def write_site(folder: Path, names: list[str], fill: Callable[[DocumentSet], None]) -> SiteWritten:
    """Put the site's files (`names`, as `fill` writes them) in `folder`: the changed ones as
    one set, then the files of an earlier build that this one no longer has removed. Call with
    the folder locked."""
    earlier = _manifest(folder)
    stale = sorted(earlier - set(names))
    # A run killed after the new set is in place but before the old pages are gone leaves
    # them named here, and the next build removes them.
    document = {"files": sorted(names), "removing": stale}
    with DocumentSet(folder) as files:
        fill(files)
        files.add(MANIFEST, json.dumps(document, indent=1) + "\n")
        written = files.finish()
    result = SiteWritten(
        wrote=[p.name for p in written.wrote if p.name != MANIFEST],
        unchanged=len([p for p in written.unchanged if p.name != MANIFEST]),
        problems=written.problems,
    )
    for name in stale:
        path = folder / name
        try:
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                os.unlink(path)
                result.removed.append(name)
        except FileNotFoundError:
            continue
        except OSError as error:
            result.problems.append(f"{path}: cannot remove: {error.strerror}")
    return result


def _manifest(folder: Path) -> set[str]:
    """The files an earlier build wrote (and any it was still to remove); none when there is
    no manifest, or it cannot be read: then no file is removed."""
    try:
        document = json.loads(read_limited(folder / MANIFEST, TEMPLATE_BYTES))
    except (OSError, ValueError):
        return set()
    if not isinstance(document, dict):
        return set()
    names = [*document.get("files", []), *document.get("removing", [])]
    return {n for n in names if isinstance(n, str) and _SITE_NAME.fullmatch(n)}
