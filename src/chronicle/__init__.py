"""Chronicle: turn raw news into event data.

Flow: sources -> readers -> articles -> analysis -> store -> API / dashboard / exports.
"""

__version__ = "0.1.0"
