"""The REST service: FastAPI on the Python API, with API keys, roles and limits.

``fastapi`` and ``uvicorn`` are imported only by this package (``triage serve``).
"""

from .app import create_app
from .keys import ROLES, ApiKey, KeyStore
from .limits import Limits

__all__ = ["ROLES", "ApiKey", "KeyStore", "Limits", "create_app"]
