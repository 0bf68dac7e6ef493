"""Digital understanding for NHS leaders: the course's code.

``boardroom.Quiz``, ``boardroom.Decoder``, ``boardroom.StrategyReview``,
``boardroom.HealthCheck``, ``boardroom.ContractReview``, ``boardroom.AIAdoptionCheck``,
``boardroom.BoardReadiness`` and ``boardroom.Tool``
(any review tool, by id) are live widgets for Jupyter; ``boardroom.sphinx``
is the book's Sphinx extension; ``boardroom`` on the command line validates
the course data (see ``boardroom --help``).
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # Import the widget lazily: the command line and the book build never need
    # Jupyter's widget machinery.
    if name == "Quiz":
        from .quiz.widget import Quiz

        return Quiz
    if name == "Decoder":
        from .glossary.widget import Decoder

        return Decoder
    if name in {"StrategyReview", "HealthCheck", "ContractReview", "AIAdoptionCheck", "BoardReadiness", "Tool"}:
        from .tools import widget

        return getattr(widget, name)
    raise AttributeError(f"module 'boardroom' has no attribute {name!r}")


__all__ = ["AIAdoptionCheck", "BoardReadiness", "ContractReview", "Decoder", "HealthCheck", "Quiz", "StrategyReview", "Tool", "__version__"]
