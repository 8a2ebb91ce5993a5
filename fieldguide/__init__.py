"""Support code for A Field Guide to asyncio: the example harness and the MkDocs hook.

Examples never import this package; it only runs and presents them.
"""
