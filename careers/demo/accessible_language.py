"""What careers' pages in a site's menu offer, in Leichte Sprache: the demo's
page in Leichte Sprache (campaign.demo.accessible_language) lists them."""

from campaign.demo.accessible_language import MenuTopic

TOPICS = [
    MenuTopic(
        "careers.jobpostingindexpage",
        "freie Stellen: Hier können Sie sich bewerben.",
        invitation="Sie suchen Arbeit? Klicken Sie auf {link}.",
    ),
    MenuTopic("careers.jobfieldindexpage", "Berufe: Diese Arbeit gibt es bei uns."),
    MenuTopic("careers.locationindexpage", "Orte: Hier können Sie bei uns arbeiten."),
    MenuTopic("careers.matcherpage", "Fragen: Was passt zu mir?"),
]
