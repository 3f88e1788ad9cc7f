from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler


def json_errors(exc, context):
    """Every API error is JSON with a message; a bad filter also names its parameter."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError) and isinstance(exc.detail, dict):
        errors = [
            {"parameter": name, "message": str(message)}
            for name, messages in exc.detail.items()
            for message in (messages if isinstance(messages, list) else [messages])
        ]
        response.data = {"error": "invalid filter", "errors": errors}
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"error": str(response.data["detail"])}
    return response
