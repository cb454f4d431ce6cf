"""Django settings for the adapters that need Django (the register; later the web).

Nothing here is imported by the pure core or by commands that need no register.
"""
