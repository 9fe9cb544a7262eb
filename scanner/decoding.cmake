# (filled in by the decoding work)
