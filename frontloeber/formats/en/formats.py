# British-style dates, matching the Danish order: "27 Nov 2026", "27 November 2026, 09:30".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
