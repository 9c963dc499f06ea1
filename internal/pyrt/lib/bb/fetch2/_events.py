# Events the fetcher API fires.
import bb.event


class MissingChecksumEvent(bb.event.Event):
    """Fired when a fetched URL has no checksum in the recipe; carries the computed ones."""

    def __init__(self, url, **checksums):
        self.url = url
        self.checksums = checksums
        bb.event.Event.__init__(self)
