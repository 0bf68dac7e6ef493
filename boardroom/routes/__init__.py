"""Routes through the course: the 20-minute essentials and one route a role, kept
as data in ``exercises/routes.yml`` and shown by the ``{role-route}`` directive."""
