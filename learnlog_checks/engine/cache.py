"""The cache as a layer of the read path: each file's record kept under its digest, and the last verdict.

The read path (`log.read`) asks it for the records of the files (`read`); the lint loop first asks
it for the stored verdict of the whole log (`verdict`), and gives it the new one (`keep_verdict`). A
cache opened to write (by `check`) rewrites the stored records with what it read; one opened to read
(by `index` and `stats`) only reuses what is stored. What is stored, and how it is protected, is
`cache_files`.
"""

from __future__ import annotations

from collections.abc import Sequence

from learnlog_checks.config.settings import LoadedConfig
from learnlog_checks.digest import blake2b
from learnlog_checks.engine import cache_files, finding_lines
from learnlog_checks.engine.items import Item, Job, read_digest
from learnlog_checks.model import Finding

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:  # records (and the classes of posts) load on a miss only: a verdict needs neither
    from learnlog_checks.engine import records

BAD_RECORD = (ValueError, TypeError, KeyError, IndexError, AttributeError)  # a corrupt cache line


class Cache:
    """The stored results of one log for one run (its settings, schema and `today`)."""

    def __init__(self, files: cache_files.Store, job: Job, *, write: bool) -> None:
        self.files = files
        self.job = job
        self.write = write
        self._digests: list[str] | None = None  # of the files, once read

    @classmethod
    def open(cls, loaded: LoadedConfig, job: Job, *, write: bool = True) -> Cache:
        """The cache of the log of `loaded`; with `write`, its folder is made when missing."""
        settings = loaded.settings.fingerprint()
        files = cache_files.Store.open(loaded.root, settings, job.user_schema, create=write)
        return cls(files, job, write=write)

    def verdict(self, items: Sequence[Item]) -> list[Finding] | None:
        """The stored findings of the whole log, when none of its files changed since (and for today)."""
        if self.files.header() is None:
            return None
        found = self.files.verdict(self.job.today, _log_digest(self._digests_of(items)))
        if found is None:
            return None
        try:
            return list(finding_lines.decode(found))
        except BAD_RECORD:
            return None

    def keep_verdict(self, findings: Sequence[Finding]) -> None:
        """Store `findings` as the verdict of the files last given to `read`."""
        if self.write and self._digests is not None:
            encoded = finding_lines.encode(findings)
            self.files.write_verdict(self.job.today, _log_digest(self._digests), encoded)

    def read(self, items: Sequence[Item], decoder: records.Decoder) -> list[records.Record]:
        """Each item's record as `decoder` keeps it: the stored one when its digest is stored, else made."""
        day = self.files.header()
        digests = self._digests_of(items) if day is not None else None
        found: list[records.Record | None] = [None] * len(items)
        final = list(digests) if digests is not None else [""] * len(items)
        index = {d: i for i, d in enumerate(digests or ())}
        writer = self.files.writer(self.job.today) if self.write else None
        fresh = day == self.job.today.isoformat()
        for digest, line in self.files.records() if index else ():
            i = index.pop(digest, None)
            reused = None if i is None else self._reuse(decoder, items[i], line, fresh=fresh)
            if i is not None and reused is not None:
                found[i], line = reused
                if writer is not None:
                    writer.add(digest, line)
        misses = [i for i, record in enumerate(found) if record is None]
        from learnlog_checks.engine import parallel  # only on a miss: the parser, the rules, the workers

        made = parallel.run(self.job, [items[i] for i in misses], decoder=decoder, cached=self.write)
        for i, done in zip(misses, made, strict=True):
            found[i] = done.record
            if writer is not None and done.line is not None:
                final[i] = done.digest
                writer.add(done.digest, done.line)
        if writer is not None:
            writer.close()
            self._digests = final
        return [record for record in found if record is not None]

    def log_digest(self, items: Sequence[Item]) -> str:
        """One digest of every item's digest (each file's head, read, never parsed): the whole log."""
        return _log_digest(self._digests_of(items))

    def _digests_of(self, items: Sequence[Item]) -> list[str]:
        if self._digests is None:
            formats = self.job.settings.front_matter
            self._digests = [read_digest(item, formats) for item in items]
        return self._digests

    def _reuse(
        self, decoder: records.Decoder, item: Item, line: str, *, fresh: bool
    ) -> tuple[records.Record, str] | None:
        """A stored record and its line, or None to make it again.

        To write, the record must have been checked: for today as it is, for another day with its POST
        rules (but the schema, which does not depend on the day) run again. To read, any record will do.
        """
        try:
            if not self.write or fresh:
                record = decoder.decode(line, item.display, item.name)
                return (record, line) if record.checked or not self.write else None
            whole = decoder.decode(line, item.display, item.name, whole=True)
            if not whole.checked:
                return None
            post = whole.post
            other: list[Finding] = []
            if post is not None and post.parsed:
                from learnlog_checks.engine import stage

                other = stage.post_findings(post, stage.context(self.job), schema=False)[1]
            from learnlog_checks.engine import records

            again = records.Record(post, whole.parse, whole.schema, tuple(other), checked=True)
            return decoder.keep(again), records.encode(again, item.display, item.name)
        except BAD_RECORD:
            return None


def _log_digest(digests: Sequence[str]) -> str:
    return blake2b("\n".join(digests).encode(), digest_size=16).hexdigest()
