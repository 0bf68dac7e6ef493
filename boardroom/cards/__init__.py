"""Question cards: the questions a board member puts, kept as data (``exercises/questions/``)."""
