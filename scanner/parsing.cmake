# (filled in by the parsing work)
