"""Who may come in or borrow: the access rules (card, PIN and lockout, blocks, debt, age,
hours) as pure functions, and the service that answers them from the cache, live over SIP2
where configured. Shared by the door and the checkout; no Qt."""
