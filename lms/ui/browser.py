"""What a page asks of the browser beyond showing it."""

MICROPHONE_ATTRIBUTE = "_lms_records_voice"


def allow_microphone(request):
    """Mark this request's page as one where she may record her voice (the
    recorder templates do it through ``{% voice_recorder_here %}``); the
    page's Permissions-Policy then allows the microphone (lms.middleware)."""
    setattr(request, MICROPHONE_ATTRIBUTE, True)


def records_voice(request) -> bool:
    return getattr(request, MICROPHONE_ATTRIBUTE, False)
