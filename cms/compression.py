"""Compressed HTML, JSON and CSV for phones on slow networks.

Django's GZipMiddleware (which pads against BREACH) compresses any response;
here only text kinds are, so photos, audio and PDFs (already compressed)
are not squeezed again on every download. Static files are compressed ahead
of time by WhiteNoise and pass through untouched (they carry a
Content-Encoding already).
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if not content_type.startswith(COMPRESSED_TYPES):
            return response
        return super().process_response(request, response)
