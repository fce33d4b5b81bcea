JA = {
    "Lawyer, judicial scrivener, tax accountant or similar": "弁護士・司法書士・税理士等",
}
