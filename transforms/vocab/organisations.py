"""The organisation vocabulary as data: who or where a figure belongs to -> subject key. Read by
transforms/context.py (the subject of a claim) and by whoever asks which bodies a text mentions
(`transforms.context.mentions`).

Each entry: key, kind, and names as written:
  kind: `organisation` (a body: it owns figures), `site` (one of HKSTP's sites: keys hkstp/...), `place` (a
    city, region or country: it owns a figure only as the grammatical subject, "Hong Kong has ...", or after the
    figure, "18 unicorns in Hong Kong"; "Hong Kong's I&T flagship" names no owner).
  en / zh_hant / zh_hans: names and abbreviations. zh_hans is completed from zh_hant by OpenCC (transforms
    /language.converter), so list only what OpenCC does not make. Abbreviations in capitals (HKSTP, ITC) match
    case-sensitively, other names in any case. The longest name wins where names overlap ("Hong Kong Science
    Park" is the Science Park, not Hong Kong).

Where the boundaries are (decided for issue 19):
- `hkstp` is the corporation and its parks together; each of its own sites has its own key. A figure about
  the Science Park is not a figure about HKSTP: the two are separate timelines.
- `hkstp/shenzhen` is the branch HKSTP itself runs in Shenzhen (香港科學園深圳分園, Futian). It is HKSTP's own
  but outside Hong Kong, so a separate subject.
- `hetao` is the Hetao co-operation zone and the Hong Kong-Shenzhen Innovation and Technology Park in the Lok Ma
  Chau Loop (港深創新及科技園, 河套). HKSTP's subsidiary develops it, but it is a park of its own with its own
  figures, not one of HKSTP's sites: its figures never enter an hkstp timeline.
- Universities, government bureaux and other statutory bodies have their own keys; a body this list does not
  know (a park company, a partner) is `other` (transforms/context.py recognises such names by their form).
"""

ORGANISATIONS = [
    # ---- HKSTP and its sites
    dict(key="hkstp", kind="organisation",
         en=["Hong Kong Science and Technology Parks Corporation", "Hong Kong Science & Technology Parks Corporation",
             "Hong Kong Science and Technology Parks", "Science and Technology Parks Corporation", "HKSTP",
             "HKSTPC"],
         zh_hant=["香港科技園公司", "香港科技園", "科技園公司"],
         zh_hans=[]),
    dict(key="hkstp/science-park", kind="site",
         en=["Hong Kong Science Park", "Science Park", "HKSP", "Pak Shek Kok campus"],
         zh_hant=["香港科學園", "科學園", "白石角科學園"],
         zh_hans=[]),
    dict(key="hkstp/innocentre", kind="site",
         en=["InnoCentre", "Inno Centre"],
         zh_hant=["創新中心"],
         zh_hans=[]),
    dict(key="hkstp/innoparks", kind="site",
         en=["InnoParks", "InnoPark", "Tai Po InnoPark", "Tseung Kwan O InnoPark", "TKO InnoPark",
             "Yuen Long InnoPark", "Tai Po Industrial Estate", "Tseung Kwan O Industrial Estate",
             "Yuen Long Industrial Estate"],
         zh_hant=["創新園", "大埔創新園", "將軍澳創新園", "元朗創新園", "大埔工業邨", "將軍澳工業邨", "元朗工業邨"],
         zh_hans=[]),
    dict(key="hkstp/shenzhen", kind="site",
         en=["Shenzhen branch", "Shenzhen Branch", "HKSTP Shenzhen", "Hong Kong Science Park Shenzhen Branch",
             "Science Park Shenzhen Branch", "Shenzhen campus"],
         zh_hant=["深圳分園", "香港科學園深圳分園", "科學園深圳分園"],
         zh_hans=[]),
    dict(key="hetao", kind="organisation",
         en=["Hong Kong-Shenzhen Innovation and Technology Park", "Hong Kong-Shenzhen I&T Park", "HSITP",
             "Lok Ma Chau Loop", "Hetao Shenzhen-Hong Kong Science and Technology Innovation Cooperation Zone",
             "Hetao"],
         zh_hant=["港深創新及科技園", "河套深港科技創新合作區", "河套", "落馬洲河套區"],
         zh_hans=[]),
    # ---- other bodies of Hong Kong's I&T
    dict(key="cyberport", kind="organisation",
         en=["Hong Kong Cyberport Management Company", "Cyberport"],
         zh_hant=["數碼港"],
         zh_hans=[]),
    dict(key="investhk", kind="organisation",
         en=["Invest Hong Kong", "InvestHK"],
         zh_hant=["投資推廣署"],
         zh_hans=[]),
    dict(key="itc", kind="organisation",
         en=["Innovation and Technology Commission", "ITC", "Innovation, Technology and Industry Bureau", "ITIB",
             "Innovation and Technology Bureau"],
         zh_hant=["創新科技署", "創新科技及工業局", "創新及科技局", "創科局"],
         zh_hans=[]),
    dict(key="hktdc", kind="organisation",
         en=["Hong Kong Trade Development Council", "HKTDC", "Trade Development Council"],
         zh_hant=["香港貿易發展局", "貿發局"],
         zh_hans=[]),
    dict(key="hkpc", kind="organisation",
         en=["Hong Kong Productivity Council", "HKPC", "Productivity Council"],
         zh_hant=["香港生產力促進局", "生產力局"],
         zh_hans=[]),
    dict(key="hkgov", kind="organisation",
         en=["HKSAR Government", "Hong Kong SAR Government", "the Government", "Government of the HKSAR"],
         zh_hant=["特區政府", "香港特別行政區政府"],
         zh_hans=[]),
    dict(key="innohk", kind="organisation",
         en=["InnoHK"],
         zh_hant=["InnoHK創新香港研發平台", "創新香港研發平台"],
         zh_hans=[]),
    dict(key="hkex", kind="organisation",
         en=["Hong Kong Exchanges and Clearing", "HKEX", "Hong Kong Stock Exchange"],
         zh_hant=["香港交易所", "港交所"],
         zh_hans=[]),
    # ---- universities
    dict(key="hku", kind="organisation",
         en=["University of Hong Kong", "HKU"], zh_hant=["香港大學"], zh_hans=[]),
    dict(key="cuhk", kind="organisation",
         en=["Chinese University of Hong Kong", "CUHK"], zh_hant=["香港中文大學"], zh_hans=[]),
    dict(key="hkust", kind="organisation",
         en=["Hong Kong University of Science and Technology", "HKUST"], zh_hant=["香港科技大學"],
         zh_hans=[]),
    dict(key="polyu", kind="organisation",
         en=["Hong Kong Polytechnic University", "PolyU"], zh_hant=["香港理工大學"], zh_hans=[]),
    dict(key="cityu", kind="organisation",
         en=["City University of Hong Kong", "CityU"], zh_hant=["香港城市大學"], zh_hans=[]),
    dict(key="hkbu", kind="organisation",
         en=["Hong Kong Baptist University", "HKBU"], zh_hant=["香港浸會大學"], zh_hans=[]),
    dict(key="lingnan", kind="organisation",
         en=["Lingnan University"], zh_hant=["嶺南大學"], zh_hans=[]),
    dict(key="eduhk", kind="organisation",
         en=["Education University of Hong Kong", "EdUHK"], zh_hant=["香港教育大學"], zh_hans=[]),
    dict(key="hkmu", kind="organisation",
         en=["Hong Kong Metropolitan University", "HKMU"], zh_hant=["香港都會大學"], zh_hans=[]),
    # ---- places
    dict(key="hong-kong", kind="place",
         en=["Hong Kong", "HKSAR", "Hong Kong SAR"],
         zh_hant=["香港", "全港", "本港", "香港特區", "全香港"],
         zh_hans=[]),
    dict(key="greater-bay-area", kind="place",
         en=["Greater Bay Area", "Guangdong-Hong Kong-Macao Greater Bay Area", "GBA"],
         zh_hant=["大灣區", "粵港澳大灣區"],
         zh_hans=[]),
    dict(key="mainland", kind="place",
         en=["Mainland China", "the Mainland", "the mainland"],
         zh_hant=["內地", "中國內地"],
         zh_hans=[]),
    dict(key="shenzhen-city", kind="place",
         en=["Shenzhen"],
         zh_hant=["深圳", "深圳市"],
         zh_hans=[]),
]
