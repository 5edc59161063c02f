"""Fetching a URL with a timeout and a size cap."""
from __future__ import annotations

from dataclasses import dataclass
import urllib.error
import urllib.request

from newsroom.readers.errors import ReadError

USER_AGENT = "NewsroomDashboard/0.1 (+offline-first article reader)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def fetch(url: str, timeout: float, max_bytes: int) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        raise ReadError(url, f"fetch failed: HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise ReadError(url, f"fetch failed: {err.reason}") from None
    except TimeoutError:
        raise ReadError(url, f"fetch timed out after {timeout:g} s") from None
    except (OSError, ValueError) as err:
        raise ReadError(url, f"fetch failed: {err}") from None
    if len(data) > max_bytes:
        raise ReadError(url, f"response is over the size limit of {max_bytes:,} bytes")
    return Fetched(final_url, data, content_type)
