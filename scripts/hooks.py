"""MkDocs hooks (placeholder while the foundation lands)."""
