"""Demo careers content, built from the seed press releases (000: Mitte, 004: Düsseldorf)."""

from careers.demo.builder import build

__all__ = ["build"]
