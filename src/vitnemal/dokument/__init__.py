"""Document decision and composition: from an elevmappe to what is printed (001 §1–2)."""
