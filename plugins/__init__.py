"""MkDocs adapters. Keep them thin: all logic lives in builder/."""
