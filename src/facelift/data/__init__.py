"""Synthetic multi-view head data: procedural heads, the dataset layout, loaders, and the
Blender renderer for user-supplied head assets (paper §3.1, SPEC §4)."""
