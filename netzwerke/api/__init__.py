"""The public read API at /api/v1/ (Django REST framework, drf-spectacular)."""
