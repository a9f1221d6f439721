# Dates as Danish public-sector sites write them: "27. nov. 2026", "27. november 2026 kl. 09:30".
DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "j. N Y"
DATETIME_FORMAT = r"j. F Y \k\l. H:i"
