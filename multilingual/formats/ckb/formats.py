# Django's Kurdish (Sorani) catalogue names the Gregorian months with the months of the
# Kurdish solar calendar (January is "ڕێبەندان", which runs from 21 January to 19
# February), so "31 ڕێبەندان 2025" would name another day. Day/month/year in digits is
# what Sorani readers from Iraq write, and says the one day meant. Numbers keep Django's.
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y G:i"
YEAR_MONTH_FORMAT = "m/Y"
MONTH_DAY_FORMAT = "d/m"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y G:i"
