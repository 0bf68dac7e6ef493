"""The quiz component: question-bank format, validation, marking and rendering."""
