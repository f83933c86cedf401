# Urdu: Django ships translations but no formats, so dates fell back to the
# English "N j, Y" and "6 p.m." (as "6 شام"). Day before month, Urdu comma,
# 24-hour clock (Norwegian timetables; "شام" is wrong for an afternoon).
DATE_FORMAT = "j F، Y"  # 7 دسمبر، 2026
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F، Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y، H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, as in Norway
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
