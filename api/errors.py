from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler

from atlas.parameters import InvalidParameters
from atlas.views import invalid_filter_json


def json_errors(exc, context):
    """Every API error is JSON with a message; a bad filter also names its parameter."""
    if isinstance(exc, InvalidParameters):
        return Response(invalid_filter_json(exc.errors), status=400)
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError) and isinstance(exc.detail, dict):
        response.data = invalid_filter_json(
            {
                name: messages if isinstance(messages, list) else [messages]
                for name, messages in exc.detail.items()
            }
        )
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"error": str(response.data["detail"])}
    return response
