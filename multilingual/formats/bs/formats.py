# Django's Bosnian DATE_FORMAT "j. N Y." abbreviates the month the American (Associated
# Press) way ("31. Jan. 2025.") and its SHORT_DATE_FORMAT is "Y M j". Bosnian writes the
# month out: "31. januar 2025.". Numbers keep Django's.
DATE_FORMAT = "j. F Y."
DATETIME_FORMAT = "j. F Y. G:i"
SHORT_DATE_FORMAT = "j.n.Y."
SHORT_DATETIME_FORMAT = "j.n.Y. G:i"
