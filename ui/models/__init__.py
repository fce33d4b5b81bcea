"""Qt table models: they hold what a service returned and never query anything themselves."""
