"""Services, pure domain rules and the command line of MyNumber Desk."""
