"""Every exception hkstp-monitor raises on purpose, and what to do about each.

    HkstpMonitorError                 base: the message is written for the user
    ├── ParseError                    a document holds no recognisable release (the reason is named);
    │                                 recorded with its URL, the run goes on. Fix: add a layout to the profile.
    ├── FetchError                    a page could not be fetched (HTTP status, timeout, too large, off-site);
    │                                 recorded with its URL, the run goes on. Fix: check the URL or the site.
    ├── ProfileError                  the site profile file is missing a key or has a bad pattern. Fix the file.
    └── WarehouseError                the DuckDB file cannot be used
        ├── WarehouseBusy             another process is writing; readers wait and retry, then say so
        ├── SchemaTooNew              the file was made by a newer hkstp-monitor: upgrade the program
        ├── ReadOnlyViolation         `sql` was given a statement that writes; use SELECT
        ├── QueryTimeout              an `sql` query ran past HKSTP_SQL_TIMEOUT_S and was stopped: narrow it
        └── ReviewRejected            a review names an unknown finding or decision; nothing was applied:
                                      fix the listed decisions and submit them again
"""


class HkstpMonitorError(Exception):
    """Base of all hkstp-monitor errors; its message is meant to be shown to the user as is."""


class ParseError(HkstpMonitorError, ValueError):
    """A document holds no recognisable release. The message names the reason."""


class FetchError(HkstpMonitorError):
    """A URL could not be fetched; `reason` is short and stable (e.g. "http 404", "timeout")."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class ProfileError(HkstpMonitorError):
    """The site profile is invalid."""


class WarehouseError(HkstpMonitorError):
    """The warehouse cannot be used as asked."""


class WarehouseBusy(WarehouseError):
    """Another process holds the write lock for longer than we were willing to wait."""


class SchemaTooNew(WarehouseError):
    """The DuckDB file's schema is newer than this program knows."""


class ReadOnlyViolation(WarehouseError):
    """A statement given to the read-only SQL interface would write."""


class QueryTimeout(WarehouseError):
    """A read-only query ran longer than its time limit and was stopped."""


class ReviewRejected(WarehouseError):
    """Some decisions of a review cannot be applied (`problems` lists each); none of them was applied."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("nothing was applied: " + "; ".join(self.problems))
