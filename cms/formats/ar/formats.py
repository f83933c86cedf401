# Arabic: what Django's own module (django/conf/locale/ar) leaves out, so a
# date with a time falls back to the English "N j, Y, P" with Latin commas.
# Everything else (DATE_FORMAT "j F، Y", TIME_FORMAT "g:i A") is Django's.
DATETIME_FORMAT = "j F، Y، g:i A"  # 7 ديسمبر، 2026، 6:00 م
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y، g:i A"
FIRST_DAY_OF_WEEK = 1  # Monday, as in Norway
