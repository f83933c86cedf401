# English as read in Norway: day before month and a 24-hour clock, as on the
# programme's timetables (Django's "en" is American: "Dec. 7, 2026, 6 p.m.").
DATE_FORMAT = "j F Y"  # 7 December 2026
TIME_FORMAT = "H:i"  # 18:00
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
