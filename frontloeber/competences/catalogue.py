"""The suggested catalogue a new organisation can start from: skills most public workplaces need, by area.

Installed once by a leader ("Start with the suggested skills"), in the language they use; after that the
skills are the organisation's own, and each workplace's leaders add what matters there.
"""

# (area, Danish name, English name, Danish description, English description)
SUGGESTED = [
    (
        "devices",
        "Smartphone og tablet i arbejdet",
        "Phone and tablet at work",
        "Tage billeder, dele, bruge kamera og indstillinger.",
        "Take pictures, share, use the camera and settings.",
    ),
    (
        "devices",
        "Arbejdets apps",
        "The work apps",
        "Finde, installere, logge ind og opdatere de apps, vi bruger.",
        "Find, install, log in to and update the apps we use.",
    ),
    (
        "welfare",
        "Sensorer og alarmer",
        "Sensors and alarms",
        "Forstå og reagere på signaler fra sensorer, kald og alarmer.",
        "Understand and act on signals from sensors, calls and alarms.",
    ),
    (
        "welfare",
        "Robotter og digitale hjælpemidler",
        "Robots and digital aids",
        "Sætte op, bruge og hjælpe borgere med hjælpemidlerne.",
        "Set up, use and help citizens with the aids.",
    ),
    (
        "video",
        "Videomøder",
        "Video meetings",
        "Starte og lede et videomøde, dele skærm, bruge chat.",
        "Start and run a video meeting, share a screen, use the chat.",
    ),
    (
        "video",
        "Videosamtaler med borgere og pårørende",
        "Video calls with citizens and relatives",
        "Tale med borgere og pårørende på video, også når teknikken driller.",
        "Talk with citizens and relatives on video, also when it acts up.",
    ),
    (
        "records",
        "Dokumentation i fagsystemet",
        "Recording in the case system",
        "Skrive kort og fagligt, finde oplysninger, bruge skabeloner.",
        "Write briefly and professionally, find information, use templates.",
    ),
    (
        "records",
        "Beskeder og sikker post",
        "Messages and secure mail",
        "Sende og modtage sikkert, vælge den rigtige kanal.",
        "Send and receive securely, choose the right channel.",
    ),
    (
        "data",
        "Tal fra egen drift",
        "Our own figures",
        "Læse og lave enkle opgørelser i regneark eller dashboards.",
        "Read and make simple counts in spreadsheets or dashboards.",
    ),
    (
        "data",
        "AI-værktøjer",
        "AI tools",
        "Bruge fx Copilot til udkast og opsummeringer, og vide hvad man ikke må.",
        "Use e.g. Copilot for drafts and summaries, and know what not to put in.",
    ),
    (
        "safety",
        "Persondata i hverdagen",
        "Personal data day to day",
        "Hvad må deles med hvem, og hvor må det ligge.",
        "What may be shared with whom, and where it may be kept.",
    ),
    (
        "safety",
        "Sikker adgang og phishing",
        "Safe log-in and phishing",
        "MitID, adgangskoder, to-faktor og mistænkelige mails.",
        "MitID, passwords, two-factor and suspicious e-mails.",
    ),
]
