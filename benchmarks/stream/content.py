"""Content of the blind stream press room, as data (written for this evaluation; no project text reused).

RELEASES: one dict per release; `eds` maps a language (en, zh-hant, zh-hans) to its edition.
An edition: title, subtitle, takeaways, paras (a paragraph starting with "## " is a bold sub-head),
captions, about (an era key of ABOUT_EN / ABOUT_ZH, or None), standing (standing figures stated in the
body, besides the About block's), traps (sentence, kind, why: figures that must raise no finding).

A standing annotation: dict(subject, metric, value, q, text[, as_of]); q is the qualifier class.
"""

# ---------------------------------------------------------------- About paragraphs (standing figures)
# Each era: the paragraphs, and the standing figures they state: (metric, value, qualifier, words).
ABOUT_EN = {
    "E1": (["Hong Kong Science and Technology Parks Corporation (HKSTP) is a statutory body set up in 2001 "
            "to foster innovation and technology in Hong Kong. It manages Hong Kong Science Park in Pak Shek "
            "Kok, the InnoCentre in Kowloon Tong and three industrial estates in Tai Po, Tseung Kwan O and "
            "Yuen Long, which together are home to over 600 technology companies."],
           [("tech_companies", 600, "over", "over 600 technology companies")]),
    "E1b": (["Set up by statute in 2001, Hong Kong Science and Technology Parks Corporation (HKSTP) provides "
             "land, laboratories and business support to more than 600 technology companies at Hong Kong "
             "Science Park, the InnoCentre and three industrial estates."],
            [("tech_companies", 600, "over", "more than 600 technology companies")]),
    "E2": (["Established in 2001, Hong Kong Science and Technology Parks Corporation (HKSTP) builds the "
            "infrastructure and services that help technology ventures grow. Its Science Park, InnoCentre and "
            "three industrial estates support a community of more than 800 technology companies, from "
            "start-ups to the research centres of multinationals."],
           [("tech_companies", 800, "over", "more than 800 technology companies")]),
    "E3": (["Hong Kong Science and Technology Parks Corporation (HKSTP) was established in 2001. Its sites, "
            "Hong Kong Science Park, the InnoCentre and three industrial estates, house over 1,000 technology "
            "companies working in biomedicine, AI and robotics, fintech, smart city and green technologies."],
           [("tech_companies", 1000, "over", "over 1,000 technology companies")]),
    "E4": (["Hong Kong Science and Technology Parks Corporation (HKSTP), a statutory body established in "
            "2001, nurtures an I&T ecosystem of over 1,100 technology companies across Hong Kong Science Park, "
            "InnoCentre and three InnoParks in Tai Po, Tseung Kwan O and Yuen Long.",
            "HKSTP offers infrastructure, funding, talent and market access programmes to help ventures at "
            "every stage of their journey."],
           [("tech_companies", 1100, "over", "over 1,100 technology companies")]),
    "E5": (["Established in 2001, HKSTP has grown an I&T community of more than 1,400 technology companies "
            "and over 13,000 research professionals, with companies from 24 countries and regions, and it has "
            "nurtured 14 unicorns.",
            "Its locations are Hong Kong Science Park in Shatin, InnoCentre in Kowloon Tong and three InnoParks "
            "in Tai Po, Tseung Kwan O and Yuen Long, where advanced manufacturing and microelectronics are "
            "taking root."],
           [("tech_companies", 1400, "over", "more than 1,400 technology companies"),
            ("research_professionals", 13000, "over", "over 13,000 research professionals"),
            ("countries_regions", 24, "exact", "24 countries and regions"),
            ("unicorns", 14, "exact", "14 unicorns")]),
    "E6": (["HKSTP was established in 2001 with a mission to make Hong Kong an international I&T hub. Its "
            "ecosystem supports over 10 unicorns, more than 13,000 research professionals and over 1,700 "
            "technology companies drawn from 24 countries and regions.",
            "Hong Kong Science Park, InnoCentre, three InnoParks and, since September 2023, a Shenzhen "
            "branch in Futian make up its network of locations."],
           [("unicorns", 10, "over", "over 10 unicorns"),
            ("research_professionals", 13000, "over", "more than 13,000 research professionals"),
            ("tech_companies", 1700, "over", "over 1,700 technology companies"),
            ("countries_regions", 24, "exact", "24 countries and regions")]),
    "E7a": (["Founded in 2001, Hong Kong Science and Technology Parks Corporation (HKSTP) works to position "
             "Hong Kong as an international I&T hub. Around 1,700 technology companies from 26 countries and "
             "regions work within its ecosystem, alongside more than 13,000 research professionals, and over "
             "10 unicorns have grown up there.",
             "HKSTP's locations are Hong Kong Science Park, InnoCentre, three InnoParks and the Hong Kong "
             "Science Park Shenzhen Branch."],
            [("tech_companies", 1700, "about", "Around 1,700 technology companies"),
             ("countries_regions", 26, "exact", "26 countries and regions"),
             ("research_professionals", 13000, "over", "more than 13,000 research professionals"),
             ("unicorns", 10, "over", "over 10 unicorns")]),
    "E7x": (["Founded in 2001, Hong Kong Science and Technology Parks Corporation (HKSTP) works to position "
             "Hong Kong as an international I&T hub. Its ecosystem counts 1,800 technology companies from 26 "
             "countries and regions, more than 13,000 research professionals and over 10 unicorns.",
             "HKSTP's locations are Hong Kong Science Park, InnoCentre, three InnoParks and the Hong Kong "
             "Science Park Shenzhen Branch."],
            [("tech_companies", 1800, "exact", "1,800 technology companies"),
             ("countries_regions", 26, "exact", "26 countries and regions"),
             ("research_professionals", 13000, "over", "more than 13,000 research professionals"),
             ("unicorns", 10, "over", "over 10 unicorns")]),
    "E7b": (["Over 1,700 technology companies, drawn from 26 countries and regions, are part of the ecosystem "
             "of Hong Kong Science and Technology Parks Corporation (HKSTP), together with more than 13,000 "
             "research professionals; over 10 unicorns have emerged from it. HKSTP was established in 2001.",
             "It operates Hong Kong Science Park, InnoCentre, three InnoParks and a Shenzhen branch."],
            [("tech_companies", 1700, "over", "Over 1,700 technology companies"),
             ("countries_regions", 26, "exact", "26 countries and regions"),
             ("research_professionals", 13000, "over", "more than 13,000 research professionals"),
             ("unicorns", 10, "over", "over 10 unicorns")]),
    "E8": (["Established in 2001, Hong Kong Science and Technology Parks Corporation (HKSTP) drives Hong "
            "Kong's development as an international I&T hub. Today the HKSTP ecosystem counts more than 2,200 "
            "technology companies from 25 countries and regions, more than 15,000 research professionals and "
            "14 unicorns.",
            "Its locations span Hong Kong Science Park, InnoCentre, three InnoParks and the Shenzhen branch."],
           [("tech_companies", 2200, "over", "more than 2,200 technology companies"),
            ("countries_regions", 25, "exact", "25 countries and regions"),
            ("research_professionals", 15000, "over", "more than 15,000 research professionals"),
            ("unicorns", 14, "exact", "14 unicorns")]),
    "E8b": (["Hong Kong Science and Technology Parks Corporation (HKSTP), established in 2001, is home to an "
             "ecosystem of 14 unicorns and technology companies numbering over 2,200, from 25 countries and "
             "regions, with more than 15,000 research professionals at work in them.",
             "Its locations span Hong Kong Science Park, InnoCentre, three InnoParks and the Shenzhen branch."],
            [("unicorns", 14, "exact", "14 unicorns"),
             ("tech_companies", 2200, "over", "technology companies numbering over 2,200"),
             ("countries_regions", 25, "exact", "25 countries and regions"),
             ("research_professionals", 15000, "over", "more than 15,000 research professionals")]),
}

ABOUT_ZH = {
    "Z0": (["香港科技園公司於2001年成立，為法定機構，致力推動香港創新科技發展。公司管理位於白石角的香港科學園、"
            "九龍塘的創新中心，以及大埔、將軍澳和元朗三個工業邨，為科技企業提供基礎設施及全方位支援。"], []),
    "Z4": (["香港科技園公司於2001年成立，致力將香港建設成為國際創新科技中心。科技園公司透過香港科學園、創新中心"
            "及位於大埔、將軍澳和元朗的三個創新園，支援逾1,100間科技公司發展。"],
           [("tech_companies", 1100, "over", "逾1,100間科技公司")]),
    "Z5": (["香港科技園公司成立於2001年，多年來建立了蓬勃的創科生態圈，現時匯聚超過1,400間科技公司及逾13,000名"
            "研發人員，公司來自24個國家和地區，並孕育了14家獨角獸。",
            "科技園公司的主要據點包括位於沙田的香港科學園、九龍塘的創新中心，以及大埔、將軍澳和元朗三個創新園。"],
           [("tech_companies", 1400, "over", "超過1,400間科技公司"),
            ("research_professionals", 13000, "over", "逾13,000名研發人員"),
            ("countries_regions", 24, "exact", "24個國家和地區"),
            ("unicorns", 14, "exact", "14家獨角獸")]),
    "Z6": (["香港科技園公司於2001年成立，使命是推動香港成為國際創新科技中心。其生態圈支持超過10家獨角獸、"
            "逾1.3萬名研發人員，以及來自24個國家和地區、超過1,700間科技公司。"],
           [("unicorns", 10, "over", "超過10家獨角獸"),
            ("research_professionals", 13000, "over", "逾1.3萬名研發人員"),
            ("countries_regions", 24, "exact", "24個國家和地區"),
            ("tech_companies", 1700, "over", "超過1,700間科技公司")]),
    # Z7s: the Chinese About not yet updated (countries and regions still 24)
    "Z7s": (["香港科技園公司於2001年成立。生態圈內的科技公司逾1,700間，分別來自24個國家和地區；研發人員超過13,000名，"
             "並培育出超過10家獨角獸。",
             "科技園公司的據點包括香港科學園、創新中心、三個創新園及香港科學園深圳分園。"],
            [("tech_companies", 1700, "over", "科技公司逾1,700間"),
             ("countries_regions", 24, "exact", "24個國家和地區"),
             ("research_professionals", 13000, "over", "研發人員超過13,000名"),
             ("unicorns", 10, "over", "超過10家獨角獸")]),
    "Z7": (["香港科技園公司於2001年成立。生態圈內的科技公司逾1,700間，分別來自26個國家和地區；研發人員超過13,000名，"
            "並培育出超過10家獨角獸。",
            "科技園公司的據點包括香港科學園、創新中心、三個創新園及香港科學園深圳分園。"],
           [("tech_companies", 1700, "over", "科技公司逾1,700間"),
            ("countries_regions", 26, "exact", "26個國家和地區"),
            ("research_professionals", 13000, "over", "研發人員超過13,000名"),
            ("unicorns", 10, "over", "超過10家獨角獸")]),
    "Z8": (["香港科技園公司於2001年成立，推動香港發展成為國際創新科技中心。園區內的科技公司超過2,200間，來自25個"
            "國家和地區，研發人員逾15,000名，並孕育了14家獨角獸。",
            "據點遍及香港科學園、創新中心、三個創新園及深圳分園。"],
           [("tech_companies", 2200, "over", "科技公司超過2,200間"),
            ("countries_regions", 25, "exact", "25個國家和地區"),
            ("research_professionals", 15000, "over", "研發人員逾15,000名"),
            ("unicorns", 14, "exact", "14家獨角獸")]),
    "Z8b": (["香港科技園公司成立於2001年。今天，科技園公司的生態圈有14家獨角獸、1.5萬多名研發人員，以及來自25個"
             "國家和地區的2,200多間科技公司。",
             "據點遍及香港科學園、創新中心、三個創新園及深圳分園。"],
            [("unicorns", 14, "exact", "14家獨角獸"),
             ("research_professionals", 15000, "over", "1.5萬多名研發人員"),
             ("countries_regions", 25, "exact", "25個國家和地區"),
             ("tech_companies", 2200, "over", "2,200多間科技公司")]),
}

# ---------------------------------------------------------------- trap kinds (default reasons)
WHY = {
    "event": "an event's figure (one delegation, expo, competition, ceremony, programme round): scope event, never in a standing timeline",
    "graduating_class": "a graduating class or cohort of one programme round: scope event, not the park's start-up or company count",
    "survey": "a survey's respondents: scope event",
    "signing": "a signing ceremony's count: scope event",
    "expo": "one career expo's jobs/companies/visitors; each expo is its own event, expos are never one timeline",
    "competition": "a competition's entries/finalists/countries: scope event",
    "target": "an aim, plan, forecast or expectation: scope target",
    "history": "a past figure given for comparison: scope history",
    "other_org": "another organisation's or place's figure (subject is not hkstp); stated once per language, so no timeline of its own moves",
    "site": "one site's figure (not hkstp as a whole); compared only with the same site",
    "as_of": "a standing figure whose as_of is earlier than the publication date; ordered by as_of",
    "year": "a year, anniversary or date: never a count",
    "phone": "a phone number or address in chrome/contact: not a claim",
    "page_photo": "a photo or page number: not a claim",
    "subset": "a subset of the park's companies (one sector or one site's new arrivals): not the tech_companies total",
    "single": "a standing figure stated once per language only: nothing to compare, no finding",
}


def T(sentence, kind, why=None):
    return (sentence, kind, why or WHY[kind])


def S(subject, metric, value, q, text, as_of=None):
    d = dict(subject=subject, metric=metric, value=value, q=q, text=text)
    if as_of:
        d["as_of"] = as_of
    return d


RELEASES = []


def R(slug, date, **eds):
    RELEASES.append(dict(slug=slug, date=date, eds={k.replace("_", "-"): v for k, v in eds.items()}))


def E(title, paras, about=None, subtitle=None, captions=(), takeaways=(), standing=(), traps=(),
      label=None):
    return dict(title=title, paras=list(paras), about=about, subtitle=subtitle, captions=list(captions),
                takeaways=list(takeaways), standing=list(standing), traps=list(traps), label=label)


# ================================================================ 2015
R("twenty-eight-start-ups-graduate-from-hkstp-incubation-programme", "2015-04-16",
  en=E("Twenty-eight Start-ups Graduate from HKSTP Incubation Programme",
       ["(Hong Kong, 16 April 2015) – A class of 28 technology start-ups graduated today from the Incubation "
        "Programme of Hong Kong Science and Technology Parks Corporation (HKSTP), at a ceremony held at Hong "
        "Kong Science Park.",
        "The graduating companies, drawn from electronics, biotechnology, green technology and information "
        "technology, filed 19 patents between them during their time in the programme and raised HK$52 million "
        "in funding.",
        "“Every one of these teams arrived with an idea and is leaving with a product,” said Dr Marcus Ho, "
        "Head of Incubation at HKSTP.",
        "Applications for the next intake open on 4 May 2015, and the programme will admit up to 40 companies "
        "in the coming year."],
       about="E1",
       captions=["Photo 1: The 2015 graduates with HKSTP management at the ceremony."],
       traps=[T("A class of 28 technology start-ups graduated today", "graduating_class"),
              T("the programme will admit up to 40 companies in the coming year", "target"),
              T("Photo 1: The 2015 graduates with HKSTP management at the ceremony.", "year",
                "'the 2015 graduates' is a year, not 2,015 graduates")]),
  zh_hant=E("二十八間初創企業從科技園公司培育計劃畢業",
            ["(香港,2015年4月16日) 香港科技園公司（科技園公司）今日於香港科學園舉行畢業典禮，共有28間科技初創企業"
             "完成培育計劃。",
             "這批畢業公司來自電子、生物科技、綠色科技及資訊科技等範疇，在培育期間合共申請了19項專利，並籌得"
             "5,200萬港元資金。",
             "科技園公司培育計劃主管何文軒博士表示：「每支團隊帶着一個構思進來，帶着一件產品離開。」",
             "新一期培育計劃將於2015年5月4日起接受申請，來年最多取錄40間公司。"],
            about="Z0",
            traps=[T("共有28間科技初創企業完成培育計劃", "graduating_class"),
                   T("來年最多取錄40間公司", "target")]))

R("elevator-pitch-competition-2015-crowns-its-champion", "2015-11-05",
  en=E("Elevator Pitch Competition 2015 Crowns its Champion",
       ["(Hong Kong, 5 November 2015) – Sixteen finalists, chosen from more than 150 entries submitted by teams "
        "in 12 countries and regions, pitched their ventures on stage tonight at the final of the Elevator Pitch "
        "Competition 2015 organised by HKSTP.",
        "The champion, a medical imaging team, takes home a cash prize of HK$100,000 together with a fast-track "
        "interview for the Incubation Programme.",
        "“The standard rises every year,” said Ms Vivian Tsang, Head of Entrepreneurship at HKSTP. “Half of "
        "this year’s finalists already have paying customers.”"],
       about="E1b",
       traps=[T("chosen from more than 150 entries submitted by teams in 12 countries and regions", "competition",
                "a competition's entries and the countries they came from: scope event, not countries_regions of the park")]))

# ================================================================ 2016
R("hkstp-celebrates-15-years-of-innovation", "2016-05-06",
  en=E("HKSTP Celebrates 15 Years of Innovation",
       ["(Hong Kong, 6 May 2016) – Hong Kong Science and Technology Parks Corporation (HKSTP) marked its 15th "
        "anniversary today with a reception at Hong Kong Science Park for government officials, park companies "
        "and partners.",
        "The Science Park has come a long way since its first phase opened in 2002 with 30 tenants.",
        "## Two strategic initiatives",
        "The Corporation also unveiled two strategic initiatives: a Science Park expansion adding about 74,000 "
        "square metres of floor space, and a plan to turn its industrial estates into hubs for smart production."],
       about="E1",
       captions=["Photo 1: Guests toast the 15th anniversary of HKSTP.",
                 "Photo 2&3: Park companies show their products at the anniversary reception."],
       traps=[T("marked its 15th anniversary today", "year"),
              T("since its first phase opened in 2002 with 30 tenants", "history",
                "the Science Park's tenants in 2002: a past figure (history), and one site's"),
              T("Photo 2&3: Park companies show their products at the anniversary reception.", "page_photo")]),
  zh_hant=E("科技園公司慶祝成立15周年",
            ["(香港, 2016年5月6日)—香港科技園公司今日在香港科學園舉行酒會，與政府官員、園區公司及合作夥伴一同慶祝"
             "成立15周年。",
             "科學園第一期於2002年啟用時只有30間租戶，今非昔比。",
             "科技園公司同日公布兩項策略措施，包括擴建科學園，增加約74,000平方米樓面面積。"],
            about="Z0",
            traps=[T("一同慶祝成立15周年", "year"),
                   T("科學園第一期於2002年啟用時只有30間租戶", "history")]))

R("park-companies-join-hkstp-mission-to-silicon-valley", "2016-10-20",
  en=E("Park Companies Join HKSTP Mission to Silicon Valley",
       ["(Hong Kong, 20 October 2016) – Eighteen park companies joined an HKSTP business mission to Silicon "
        "Valley this week, meeting investors and corporate partners in San Francisco, Palo Alto and San Jose.",
        "Over the five days the delegation held more than 60 business meetings.",
        "HKSTP plans to bring another 100 companies into the Science Park by the end of 2018, once new floors "
        "become available."],
       about="E1b",
       traps=[T("Eighteen park companies joined an HKSTP business mission to Silicon Valley", "event"),
              T("HKSTP plans to bring another 100 companies into the Science Park by the end of 2018", "target")]),
  zh_hant=E("園區公司參與科技園公司矽谷考察團",
            ["(香港,2016年10月20日) 本星期共有18間園區公司參加香港科技園公司率領的矽谷商務考察團，在三藩市、"
             "帕羅奧圖及聖荷西與投資者及企業夥伴會面。",
             "代表團在五天行程中進行了逾60場商務會議。",
             "科技園公司計劃於2018年底前，再吸引100間公司進駐科學園。"],
            about="Z0",
            traps=[T("本星期共有18間園區公司參加香港科技園公司率領的矽谷商務考察團", "event"),
                   T("科技園公司計劃於2018年底前，再吸引100間公司進駐科學園。", "target")]))

# ================================================================ 2017
R("career-fair-2017-offers-over-1200-jobs", "2017-03-09",
  en=E("Career Fair 2017 Offers over 1,200 Jobs",
       ["(Hong Kong, 9 March 2017) – More than 1,200 job vacancies from 90 park companies are on offer at the "
        "HKSTP Career Fair 2017, which opens tomorrow at Hong Kong Science Park.",
        "About 80% of the positions are in research and development, from firmware engineers to laboratory "
        "scientists.",
        "“Park companies are hiring across every discipline, and the fair is the quickest way to meet them in "
        "person,” said Ms Carol Yiu, Head of Talent Programmes at HKSTP.",
        "Some 6,000 visitors are expected over the two days."],
       about="E1",
       traps=[T("More than 1,200 job vacancies from 90 park companies are on offer at the HKSTP Career Fair 2017",
                "expo"),
              T("Some 6,000 visitors are expected over the two days.", "target")]),
  zh_hant=E("2017創科職位博覽提供逾1,200個職位",
            ["(香港,2017年3月9日) 香港科技園公司「2017創科職位博覽」明日在香港科學園揭幕，90間園區公司將提供超過"
             "1,200個職位空缺。",
             "約八成職位屬研發崗位。",
             "預計兩日展期將吸引約6,000名訪客。"],
            about="Z0",
            traps=[T("90間園區公司將提供超過1,200個職位空缺", "expo"),
                   T("預計兩日展期將吸引約6,000名訪客。", "target")]))

R("construction-starts-on-innocell", "2017-11-21",
  en=E("Construction Starts on InnoCell",
       ["(Hong Kong, 21 November 2017) – Construction has begun on InnoCell, a residential block next to Hong "
        "Kong Science Park that will provide at least 500 residential units for researchers and start-up "
        "founders.",
        "The building is expected to welcome its first residents in 2020.",
        "A survey of 220 park employees conducted in June found that 63% would consider living on campus."],
       about="E1",
       traps=[T("will provide at least 500 residential units", "target"),
              T("A survey of 220 park employees conducted in June", "survey",
                "a survey's respondents, not the community size")]))

# ================================================================ 2018
R("hkstp-and-mainland-partners-sign-12-agreements-in-shenzhen", "2018-04-19",
  en=E("HKSTP and Mainland Partners Sign 12 Agreements in Shenzhen",
       ["(Hong Kong, 19 April 2018) – Twelve cooperation agreements were signed at a ceremony in Shenzhen today "
        "between HKSTP, park companies and Mainland partners, deepening collaboration across the Greater Bay "
        "Area.",
        "HKSTP plans a presence in Shenzhen that is expected to house 150 companies within five years of "
        "opening.",
        "## Building a cross-boundary corridor",
        "Mr Leo Fung, Chief Corporate Development Officer of HKSTP, said the agreements would “let our "
        "companies test products on both sides of the boundary without starting from scratch.”",
        "The partner companies together employ more than 3,000 engineers."],
       about="E2",
       traps=[T("Twelve cooperation agreements were signed at a ceremony in Shenzhen today", "signing"),
              T("expected to house 150 companies within five years of opening", "target",
                "a forecast for the future Shenzhen branch (subject hkstp/shenzhen, scope target)"),
              T("The partner companies together employ more than 3,000 engineers.", "other_org",
                "partners' staff (subject other), not HKSTP's research professionals")]),
  zh_hant=E("科技園公司與內地夥伴在深圳簽署12份協議",
            ["(香港,2018年4月19日) 科技園公司、園區公司與內地夥伴今日在深圳舉行簽約儀式，共簽署12份合作協議，"
             "深化大灣區合作。",
             "科技園公司計劃在深圳設點，預計開業五年內可容納150間公司。",
             "這些合作夥伴合共聘用逾3,000名工程師。"],
            about="Z0",
            traps=[T("共簽署12份合作協議", "signing"),
                   T("預計開業五年內可容納150間公司", "target"),
                   T("這些合作夥伴合共聘用逾3,000名工程師。", "other_org")]),
  zh_hans=E("香港科技园公司与内地伙伴在深圳签署12份协议",
            ["(香港，2018年4月19日) 香港科技园公司、园区公司与内地伙伴今日在深圳签署12份合作协议，推动大湾区"
             "创科合作。",
             "香港科技园公司计划在深圳设点，预计开业五年内可容纳150家公司。",
             "这些合作伙伴合共聘用逾3,000名工程师。"],
            traps=[T("今日在深圳签署12份合作协议", "signing"),
                   T("预计开业五年内可容纳150家公司", "target"),
                   T("这些合作伙伴合共聘用逾3,000名工程师。", "other_org")]))

R("two-innohk-research-clusters-to-be-housed-at-science-park", "2018-10-10",
  en=E("Two InnoHK Research Clusters to be Housed at Science Park",
       ["(Hong Kong, 10 October 2018) – The Government's two InnoHK research clusters, one for healthcare "
        "technologies and one for artificial intelligence and robotics, will be located at Hong Kong Science "
        "Park, HKSTP confirmed today.",
        "The clusters are expected to host up to 28 research laboratories formed with universities and "
        "institutes from around the world.",
        "The Hong Kong University of Science and Technology, among the first to express interest, has more "
        "than 16,000 students."],
       about="E2",
       traps=[T("expected to host up to 28 research laboratories", "target"),
              T("has more than 16,000 students", "other_org", "a university's students (subject other)")]),
  zh_hant=E("兩個InnoHK研發平台落戶科學園",
            ["(香港,2018年10月10日) 科技園公司今日確認，政府的兩個InnoHK研發平台，即醫療科技及人工智能與機械人"
             "科技平台，將設於香港科學園。",
             "兩個平台預計可容納多達28所與海外大學及研究機構合作成立的實驗室。"],
            about="Z0",
            traps=[T("預計可容納多達28所", "target")]))

# ================================================================ 2019
R("eighty-companies-graduate-from-hkstp-incubation-in-2019", "2019-03-21",
  en=E("Eighty Companies Graduate from HKSTP Incubation in 2019",
       ["(Hong Kong, 21 March 2019) – Eighty companies graduated from HKSTP’s incubation programmes this year. "
        "Between them, the 2019 graduates won 99 awards, filed 38 patents and raised HK$134 million.",
        "Demand keeps growing: the programmes received over 600 applications and enquiries last year, and HKSTP "
        "aims to admit more than 500 companies over the next five years."],
       about="E2",
       traps=[T("Eighty companies graduated from HKSTP’s incubation programmes this year.", "graduating_class"),
              T("the 2019 graduates won 99 awards", "year"),
              T("the programmes received over 600 applications and enquiries last year", "event"),
              T("HKSTP aims to admit more than 500 companies over the next five years", "target")]),
  zh_hant=E("80間公司2019年從科技園公司培育計劃畢業",
            ["(香港,2019年3月21日) 今年共有80間公司從科技園公司的培育計劃畢業。2019年的畢業公司合共獲得99個獎項、"
             "申請38項專利，並籌得1.34億港元。",
             "科技園公司去年收到逾600份申請及查詢，並以在未來五年取錄超過500間公司為目標。"],
            about="Z0",
            traps=[T("今年共有80間公司從科技園公司的培育計劃畢業", "graduating_class"),
                   T("80間公司2019年從科技園公司培育計劃畢業", "year",
                     "title: a graduating class (80間) next to a year (2019年); neither is a standing count"),
                   T("並以在未來五年取錄超過500間公司為目標", "target")]),
  zh_hans=E("80家公司2019年从香港科技园公司培育计划毕业",
            ["(香港，2019年3月21日) 今年有80家公司从香港科技园公司的培育计划毕业，获奖多达99项，申请专利38项，"
             "筹集资金接近1.34亿港元。",
             "香港科技园公司的目标是在未来五年取录超过500家公司。"],
            traps=[T("今年有80家公司从香港科技园公司的培育计划毕业", "graduating_class"),
                   T("目标是在未来五年取录超过500家公司", "target")]))

R("i-and-t-career-expo-2019-opens-with-2500-jobs", "2019-09-05",
  en=E("I&T Career Expo 2019 Opens with 2,500+ Jobs",
       ["(Hong Kong, 5 September 2019) – Over 250 companies are recruiting at this year's I&T Career Expo at "
        "Hong Kong Science Park, with 2,500+ jobs on offer.",
        "More than 500 participants joined the workshops on CV writing and interviews held before the expo.",
        "The expo hotline, 2629 6688, is open from 9 am to 6 pm."],
       about="E2",
       traps=[T("Over 250 companies are recruiting at this year's I&T Career Expo", "expo"),
              T("More than 500 participants joined the workshops", "event"),
              T("The expo hotline, 2629 6688, is open from 9 am to 6 pm.", "phone")]),
  zh_hant=E("2019創科職業博覽提供逾2,500個職位",
            ["(香港,2019年9月5日) 今年在香港科學園舉行的創科職業博覽有超過250間公司參與招聘，提供逾2,500個職位。",
             "博覽前舉行的履歷及面試工作坊吸引了超過500名參加者。",
             "博覽查詢熱線：2629 6688。"],
            about="Z0",
            traps=[T("有超過250間公司參與招聘，提供逾2,500個職位", "expo"),
                   T("博覽查詢熱線：2629 6688。", "phone")]))

# ================================================================ 2020
R("hkstp-welcomes-2020-21-budget", "2020-02-26",
  en=E("HKSTP Welcomes 2020-21 Budget",
       ["(Hong Kong, 26 February 2020) – Hong Kong Science and Technology Parks Corporation (HKSTP) welcomes "
        "the 2020-21 Budget announced today and its continued support for innovation and technology.",
        "## Talent and infrastructure",
        "With its parks now housing more than 1,000 companies, HKSTP will use the new resources to add "
        "laboratory space and widen its talent programmes.",
        "“The measures arrive at the right moment for ventures that are ready to scale,” said Dr Helen Sze, "
        "Chairman of HKSTP.",
        "InvestHK assisted 387 overseas and Mainland companies to set up or expand in Hong Kong in 2019."],
       about="E3",
       standing=[S("hkstp", "tech_companies", 1000, "over", "more than 1,000 companies")],
       traps=[T("InvestHK assisted 387 overseas and Mainland companies to set up or expand in Hong Kong in 2019.",
                "other_org", "InvestHK's figure for 2019 (subject investhk, a year's result)")]),
  zh_hant=E("科技園公司歡迎2020-21年度財政預算案",
            ["(香港,2020年2月26日) 香港科技園公司歡迎今日公布的2020-21年度財政預算案繼續支持創新科技發展。",
             "科技園公司會運用新資源增建實驗室及擴展人才計劃。",
             "科技園公司主席施慧玲博士表示：「這些措施來得及時，正好幫助準備擴展規模的企業。」",
             "投資推廣署於2019年協助387間海外及內地公司在港開業或擴展業務。"],
            about="Z0",
            traps=[T("投資推廣署於2019年協助387間海外及內地公司在港開業或擴展業務。", "other_org")]))

R("a-record-108-start-ups-graduate-in-2020", "2020-05-28",
  en=E("A Record 108 Start-ups Graduate in 2020",
       ["(Hong Kong, 28 May 2020) – A record 108 start-ups graduated from HKSTP’s programmes this year: 78 from "
        "the Incubation Programme and 30 from the Science and Technology Entrepreneur Programme.",
        "The graduates come from six markets and hold 41 patents between them.",
        "The ceremony was held online this year."],
       about="E3",
       captions=["Photo 1: Graduates join the online ceremony.", "Photo 2: Page 3 of the graduation booklet."],
       traps=[T("A record 108 start-ups graduated from HKSTP’s programmes this year", "graduating_class"),
              T("78 from the Incubation Programme and 30 from the Science and Technology Entrepreneur Programme",
                "graduating_class"),
              T("Photo 2: Page 3 of the graduation booklet.", "page_photo")]),
  zh_hant=E("創紀錄108間初創企業2020年畢業",
            ["(香港,2020年5月28日) 今年共有創紀錄的108間初創企業從科技園公司的計劃畢業，其中78間來自培育計劃，"
             "30間來自科技企業家計劃。",
             "畢業公司來自六個市場，合共持有41項專利。"],
            about="Z0",
            traps=[T("今年共有創紀錄的108間初創企業從科技園公司的計劃畢業", "graduating_class"),
                   T("創紀錄108間初創企業2020年畢業", "year",
                     "title: a graduating class (108間) next to a year (2020年)")]))

R("epic-2020-draws-476-entries", "2020-11-06",
  en=E("EPiC 2020 Draws 476 Entries",
       ["(Hong Kong, 6 November 2020) – The fifth Entrepreneurship Programme for Innovation Challenge (EPiC) "
        "drew 476 entries from 37 countries and cities, HKSTP announced at tonight’s grand final.",
        "Of the 170 semi-finalists, drawn from 31 markets, ten reached the final, competing for a top prize of "
        "US$200,000.",
        "The livestream of the final attracted over 77,000 views."],
       about="E3",
       traps=[T("drew 476 entries from 37 countries and cities", "competition",
                "a competition's entries and where they came from, not the park's countries and regions"),
              T("Of the 170 semi-finalists, drawn from 31 markets, ten reached the final", "competition"),
              T("The fifth Entrepreneurship Programme", "year", "an edition number")]))

# ================================================================ 2021
R("hkstp-corporate-venture-fund-grows-to-hk-600-million", "2021-02-24",
  en=E("HKSTP Corporate Venture Fund Grows to HK$600 Million",
       ["(Hong Kong, 24 February 2021) – HKSTP welcomes the Government’s injection of HK$350 million into the "
        "HKSTP Corporate Venture Fund, bringing the fund to HK$600 million.",
        "Since its launch, each HK$1 from the Fund has been matched by HK$13 of private capital.",
        "“Patient capital is what deep-tech founders tell us they lack most,” said Mr Ray Chan, Head of "
        "Investment at HKSTP.",
        "Demand for space remains strong: Hong Kong Science Park, now home to about 950 companies, will add "
        "laboratory floors under its expansion programme."],
       about="E4",
       standing=[S("hkstp/science-park", "tech_companies", 950, "about", "about 950 companies"),
                 # added by the issue-19 engineer: the fund's size and its co-investment ratio are HKSTP's standing
                 # figures by the contract (DESIGN.md: "standing (the subject's figure as it stands)"; the issue:
                 # "companies it houses, its fund, its staff")
                 S("hkstp", "fund_hkd", 600000000, "exact", "HK$600 million"),
                 S("hkstp", "co_investment_ratio", 13, "exact", "HK$13")],
       traps=[T("Hong Kong Science Park, now home to about 950 companies", "site",
                "the Science Park's own figure (subject hkstp/science-park): nothing against hkstp's over 1,100; "
                "its science-park findings are in expected-findings.yaml")]),
  zh_hant=E("科技園公司企業投資基金增至6億港元",
            ["(香港,2021年2月24日) 科技園公司歡迎政府向企業投資基金注資3.5億港元，令基金總額增至6億港元。",
             "基金自成立以來，每投資1港元，可帶動13港元私人資金。"],
            about="Z4",
            standing=[S("hkstp", "fund_hkd", 600000000, "exact", "6億港元"),
                      S("hkstp", "co_investment_ratio", 13, "exact", "13港元私人資金")]))

R("science-park-tenant-survey-seven-in-ten-plan-to-expand", "2021-03-18",
  en=E("Science Park Tenant Survey: Seven in Ten Plan to Expand",
       ["(Hong Kong, 18 March 2021) – Seven in ten Science Park companies plan to expand their teams this year, "
        "according to a tenant survey released today by HKSTP.",
        "The survey drew responses from 312 companies between December and February.",
        "As at end-January 2021, around 900 companies were operating in the Science Park, occupying about 92% of "
        "its lettable space."],
       about="E4",
       standing=[S("hkstp/science-park", "tech_companies", 900, "about", "around 900 companies",
                   as_of="2021-01-31")],
       traps=[T("The survey drew responses from 312 companies between December and February.", "survey"),
              T("As at end-January 2021, around 900 companies were operating in the Science Park", "as_of",
                "the Science Park's figure as at 2021-01-31 (subject hkstp/science-park, as_of before publication): "
                "nothing against hkstp; ordered by as_of in the science-park timeline")]),
  zh_hant=E("科學園租戶調查：七成公司計劃擴充",
            ["(香港,2021年3月18日) 科技園公司今日公布的租戶調查顯示，七成科學園公司計劃今年擴充團隊。",
             "是次調查於去年12月至今年2月進行，共有312間公司回應。",
             "截至2021年1月底，科學園內約有900間公司營運，佔用約92%可出租樓面。"],
            about="Z4",
            standing=[S("hkstp/science-park", "tech_companies", 900, "about", "約有900間公司",
                        as_of="2021-01-31")],
            traps=[T("共有312間公司回應", "survey"),
                   T("截至2021年1月底，科學園內約有900間公司營運", "as_of",
                     "科學園 (hkstp/science-park) as at 2021-01-31: nothing against hkstp's 逾1,100間")]))

R("hkstp-marks-its-20th-anniversary", "2021-10-06",
  en=E("HKSTP Marks its 20th Anniversary",
       ["(Hong Kong, 6 October 2021) – Hong Kong Science and Technology Parks Corporation (HKSTP) today "
        "celebrated its 20th anniversary with park companies, partners and the Government.",
        "Its community has grown many times over since 2002, when fewer than 100 companies were based at the "
        "Corporation's sites.",
        "Dr Helen Sze, Chairman of HKSTP, thanked the founding tenants “who took a chance on an empty stretch "
        "of reclaimed land by Tolo Harbour.”",
        "A time capsule, to be opened on the 40th anniversary in 2041, was sealed at the ceremony."],
       about="E4",
       traps=[T("celebrated its 20th anniversary", "year"),
              T("since 2002, when fewer than 100 companies were based at the Corporation's sites", "history"),
              T("to be opened on the 40th anniversary in 2041", "year")]),
  zh_hant=E("科技園公司慶祝成立20周年",
            ["(香港,2021年10月6日) 香港科技園公司今日與園區公司、合作夥伴及政府代表慶祝成立20周年。",
             "園區社群由2002年不足100間公司發展至今，規模已擴大多倍。",
             "典禮上封存了一個時間囊，將於2041年40周年時開啟。"],
            about="Z4",
            traps=[T("園區社群由2002年不足100間公司發展至今", "history"),
                   T("將於2041年40周年時開啟", "year")]))

# ================================================================ 2022
R("virtual-career-expo-2022-offers-2900-jobs", "2022-03-10",
  en=E("Virtual Career Expo 2022 Offers 2,900 Jobs",
       ["(Hong Kong, 10 March 2022) – Over 280 companies are offering more than 2,900 jobs at the virtual I&T "
        "Career Expo that opens today.",
        "Last year's edition offered 2,100 jobs."],
       about="E4",
       traps=[T("Over 280 companies are offering more than 2,900 jobs at the virtual I&T Career Expo", "expo"),
              T("Last year's edition offered 2,100 jobs.", "history")]),
  zh_hant=E("2022網上創科職業博覽提供2,900個職位",
            ["(香港,2022年3月10日) 逾280間公司參與今日開幕的網上創科職業博覽，提供超過2,900個職位。",
             "去年博覽則提供2,100個職位。"],
            about="Z4",
            traps=[T("逾280間公司參與今日開幕的網上創科職業博覽，提供超過2,900個職位。", "expo"),
                   T("去年博覽則提供2,100個職位。", "history")]),
  zh_hans=E("2022网上创科职业博览提供2,900个职位",
            ["(香港，2022年3月10日) 超过280家公司参与今日开幕的网上创科职业博览，提供逾2,900个职位。",
             "去年博览提供2,100个职位。"],
            traps=[T("超过280家公司参与今日开幕的网上创科职业博览，提供逾2,900个职位。", "expo"),
                   T("去年博览提供2,100个职位。", "history")]))

R("hkstp-and-cyberport-launch-joint-accelerator", "2022-07-11",
  en=E("HKSTP and Cyberport Launch Joint Accelerator",
       ["(Hong Kong, 11 July 2022) – HKSTP and Cyberport today launched a joint accelerator for fintech and "
        "smart city ventures.",
        "Cyberport, home to over 1,900 start-ups, will co-run the programme from its campus in Pok Fu Lam.",
        "The first cohort of 20 ventures, ten from each organisation, starts in September."],
       about="E4",
       traps=[T("Cyberport, home to over 1,900 start-ups", "other_org", "Cyberport's start-ups (subject cyberport)"),
              T("The first cohort of 20 ventures, ten from each organisation, starts in September.", "event")]),
  zh_hant=E("科技園公司與數碼港推出聯合加速計劃",
            ["(香港,2022年7月11日) 科技園公司與數碼港今日推出聯合加速計劃，支援金融科技及智慧城市企業。",
             "數碼港現有逾1,900間初創企業，將在其薄扶林園區合辦計劃。",
             "首批20間企業將於9月開始參與計劃。"],
            about="Z4",
            traps=[T("數碼港現有逾1,900間初創企業", "other_org"),
                   T("首批20間企業將於9月開始參與計劃。", "event")]))

R("twenty-two-park-companies-head-to-web-summit-lisbon", "2022-11-17",
  en=E("Twenty-two Park Companies Head to Web Summit Lisbon",
       ["(Hong Kong, 17 November 2022) – Twenty-two park companies joined the HKSTP delegation to Web Summit in "
        "Lisbon, the largest group HKSTP has taken to Europe.",
        "The delegation met more than 40 investors over three days.",
        "HKSTP's target is to take at least 100 companies overseas next year."],
       about="E4",
       traps=[T("Twenty-two park companies joined the HKSTP delegation to Web Summit in Lisbon", "event"),
              T("HKSTP's target is to take at least 100 companies overseas next year.", "target")]),
  zh_hant=E("22間園區公司參與里斯本Web Summit",
            ["(香港,2022年11月17日) 共22間園區公司隨科技園公司代表團出席在里斯本舉行的Web Summit，是科技園公司"
             "歷來率領赴歐洲規模最大的代表團。",
             "代表團三日內與超過40位投資者會面。",
             "科技園公司的目標是明年帶領最少100間公司出外拓展。"],
            about="Z4",
            traps=[T("共22間園區公司隨科技園公司代表團出席", "event"),
                   T("科技園公司的目標是明年帶領最少100間公司出外拓展。", "target")]))

# ================================================================ 2023
R("global-internship-programme-offers-100-placements", "2023-01-11",
  en=E("Global Internship Programme Offers 100 Placements",
       ["(Hong Kong, 11 January 2023) – Around 100 university students will spend the summer at park companies "
        "under HKSTP’s Global Internship Programme, with more than 50 park companies taking part in the scheme.",
        "Applications close on 28 February 2023."],
       about="E4",
       takeaways=["Internships at park companies for university students",
                  "Applications close on 28 February 2023"],
       traps=[T("with more than 50 park companies taking part in the scheme", "event"),
              T("Around 100 university students will spend the summer at park companies", "event")]),
  zh_hant=E("環球實習計劃提供100個實習名額",
            ["(香港,2023年1月11日) 科技園公司環球實習計劃今年將安排約100名大學生到園區公司實習，逾50間園區公司"
             "參與計劃。",
             "申請於2023年2月28日截止。"],
            about="Z4",
            traps=[T("逾50間園區公司參與計劃", "event")]))

R("hkstp-welcomes-2023-24-budget", "2023-03-02",
  en=E("HKSTP Welcomes 2023-24 Budget",
       ["(Hong Kong, 2 March 2023) – HKSTP welcomes the 2023-24 Budget and its focus on attracting enterprises "
        "and talent.",
        "The number of companies at HKSTP's parks has grown strongly, up from around 600 in 2017.",
        "The park community now counts about 19,000 people.",
        "HKSTP's Corporate Venture Fund has reached HK$1 billion, and every HK$1 it invests has attracted HK$18 "
        "of external funding."],
       about="E4",
       takeaways=["Budget to attract enterprises and talent", "Corporate Venture Fund reaches HK$1 billion"],
       standing=[S("hkstp", "community_size", 19000, "about", "about 19,000 people"),
                 S("hkstp", "fund_hkd", 1000000000, "exact", "HK$1 billion"),
                 S("hkstp", "co_investment_ratio", 18, "exact", "HK$18")],
       traps=[T("up from around 600 in 2017", "history"),
              T("The park community now counts about 19,000 people.", "single",
                "community_size stated once in English: no finding")]),
  zh_hant=E("科技園公司歡迎2023-24年度財政預算案",
            ["(香港,2023年3月2日) 科技園公司歡迎2023-24年度財政預算案，重點吸引企業及人才。",
             "園區公司數目增長強勁，較2017年的約600間大幅上升。",
             "園區社群約有1.9萬人。",
             "科技園公司企業投資基金已達10億元，每投資1元可吸引18元外來投資。"],
            about="Z4",
            standing=[S("hkstp", "community_size", 19000, "about", "約有1.9萬人"),
                      S("hkstp", "fund_hkd", 1000000000, "exact", "達10億元"),
                      S("hkstp", "co_investment_ratio", 18, "exact", "18元")],
            traps=[T("較2017年的約600間大幅上升", "history"),
                   T("園區社群約有1.9萬人。", "single", "community_size stated once in Traditional Chinese")]))

R("science-park-shenzhen-branch-to-open-in-september", "2023-06-02",
  en=E("Science Park Shenzhen Branch to Open in September",
       ["(Hong Kong, 2 June 2023) – Hong Kong Science Park Shenzhen Branch will open in Futian in September, "
        "HKSTP announced today. HKSTP aims to attract over 150 tech firms to its Shenzhen branch by 2026.",
        "At home, the Science Park alone now houses more than 1,100 technology companies, and its laboratories "
        "are close to fully let.",
        "HKSTP, 22 years old this year, sees the branch as a gateway for companies heading in both directions.",
        "“Shenzhen gives our companies a supply chain next door; Hong Kong gives Shenzhen companies the world,” "
        "said Mr Leo Fung, Chief Corporate Development Officer of HKSTP."],
       about="E5",
       takeaways=["Shenzhen branch opens in September", "Gateway to the Mainland market"],
       standing=[S("hkstp/science-park", "tech_companies", 1100, "over", "more than 1,100 technology companies")],
       traps=[T("HKSTP aims to attract over 150 tech firms to its Shenzhen branch by 2026.", "target"),
              T("HKSTP, 22 years old this year", "year"),
              T("the Science Park alone now houses more than 1,100 technology companies", "site",
                "the Science Park alone (hkstp/science-park) beside HKSTP's more than 1,400: nothing against hkstp")]),
  zh_hant=E("香港科學園深圳分園9月開幕",
            ["(香港,2023年6月2日) 科技園公司今日宣布，香港科學園深圳分園將於9月在福田開幕。科技園公司目標在2026年"
             "前吸引超過150間科技企業進駐深圳分園。",
             "單計科學園，現已有逾1,100間科技公司進駐，實驗室接近全部租出。"],
            about="Z5",
            standing=[S("hkstp/science-park", "tech_companies", 1100, "over", "逾1,100間科技公司")],
            traps=[T("目標在2026年前吸引超過150間科技企業進駐深圳分園", "target"),
                   T("單計科學園，現已有逾1,100間科技公司進駐", "site",
                     "科學園 alone (hkstp/science-park) beside HKSTP's 超過1,400間: nothing against hkstp")]),
  zh_hans=E("香港科学园深圳分园9月开幕",
            ["(香港，2023年6月2日) 香港科技园公司今日宣布，香港科学园深圳分园将于9月在福田开幕，目标于2026年前"
             "吸引逾150家科技企业进驻。"],
            traps=[T("目标于2026年前吸引逾150家科技企业进驻", "target")]))

R("hong-kong-science-park-shenzhen-branch-opens-in-futian", "2023-09-07",
  en=E("Hong Kong Science Park Shenzhen Branch Opens in Futian",
       ["(Hong Kong, 7 September 2023) – Hong Kong Science Park Shenzhen Branch opened today in Futian, with "
        "31,000 square metres of laboratories, offices and exhibition space.",
        "Sixteen companies signed up as the branch's first tenants at today's ceremony.",
        "The branch is expected to house 150 companies by 2026."],
       about="E5",
       takeaways=["31,000 square metres in Futian", "First tenants signed at the opening"],
       traps=[T("Sixteen companies signed up as the branch's first tenants at today's ceremony.", "signing"),
              T("The branch is expected to house 150 companies by 2026.", "target")]),
  zh_hant=E("香港科學園深圳分園於福田開幕",
            ["(香港,2023年9月7日) 香港科學園深圳分園今日在福田開幕，提供31,000平方米實驗室、辦公室及展覽空間。",
             "開幕儀式上有16間公司簽約成為首批租戶。",
             "深圳分園預計於2026年可容納150間公司。"],
            about="Z5",
            traps=[T("開幕儀式上有16間公司簽約成為首批租戶。", "signing"),
                   T("深圳分園預計於2026年可容納150間公司。", "target")]),
  zh_hans=E("香港科学园深圳分园于福田开幕",
            ["(香港，2023年9月7日) 香港科学园深圳分园今日在福田开幕，提供31,000平方米实验室、办公室及展览空间。",
             "开幕仪式上有16家公司签约成为首批租户。",
             "深圳分园预计于2026年可容纳150家公司。"],
            traps=[T("开幕仪式上有16家公司签约成为首批租户。", "signing"),
                   T("深圳分园预计于2026年可容纳150家公司。", "target")]))

R("climate-tech-summit-draws-over-800-attendees", "2023-12-06",
  en=E("Climate Tech Summit Draws over 800 Attendees",
       ["(Hong Kong, 6 December 2023) – More than 800 people attended the Climate Tech Summit at Hong Kong "
        "Science Park today.",
        "Last week HKSTP led a delegation of 12 green-tech companies to COP28 in Dubai."],
       about="E6",
       takeaways=["Over 800 attendees at the summit", "Green-tech delegation to COP28"],
       traps=[T("More than 800 people attended the Climate Tech Summit", "event"),
              T("led a delegation of 12 green-tech companies to COP28 in Dubai", "event")]),
  zh_hant=E("氣候科技峰會吸引逾800人出席",
            ["(香港,2023年12月6日) 逾800人今日出席在香港科學園舉行的氣候科技峰會。",
             "科技園公司上星期率領12間綠色科技公司出席在杜拜舉行的COP28。"],
            about="Z6",
            traps=[T("逾800人今日出席在香港科學園舉行的氣候科技峰會。", "event"),
                   T("率領12間綠色科技公司出席在杜拜舉行的COP28", "event")]))

# ================================================================ 2024
R("hkstp-welcomes-2024-25-budget", "2024-02-28",
  en=E("HKSTP Welcomes 2024-25 Budget",
       ["(Hong Kong, 28 February 2024) – HKSTP welcomes the 2024-25 Budget and its measures to bring enterprises "
        "and talent to the city.",
        "## Attracting enterprises",
        "Around 10 strategic enterprises have committed since last year to setting up at the Science Park.",
        "## Developing talent",
        "HKSTP's flagship career expo on 8 March will offer more than 3,000 job openings.",
        "“The Budget keeps I&T at the centre of the city's growth plan,” said Dr Helen Sze, Chairman of HKSTP."],
       about="E7a",
       takeaways=["Budget measures for enterprises and talent", "Career expo on 8 March"],
       traps=[T("Around 10 strategic enterprises have committed since last year to setting up at the Science Park.",
                "subset", "new arrivals at one site over a period, not a standing count"),
              T("HKSTP's flagship career expo on 8 March will offer more than 3,000 job openings.", "expo")]),
  zh_hant=E("科技園公司歡迎2024-25年度財政預算案",
            ["(香港,2024年2月28日) 科技園公司歡迎2024-25年度財政預算案吸引企業及人才來港的措施。",
             "自去年起，約10間策略企業已承諾落戶科學園。",
             "科技園公司3月8日舉行的大型職業博覽將提供超過3,000個職位。"],
            about="Z7s",
            traps=[T("自去年起，約10間策略企業已承諾落戶科學園。", "subset"),
                   T("將提供超過3,000個職位", "expo")]),
  zh_hans=E("香港科技园公司欢迎2024-25年度财政预算案",
            ["(香港，2024年2月28日) 香港科技园公司欢迎2024-25年度财政预算案吸引企业及人才的措施。",
             "3月8日举行的大型创科招聘博览将提供超过3,000个职位。"],
            traps=[T("3月8日举行的大型创科招聘博览将提供超过3,000个职位。", "expo")]))

R("park-companies-join-delegation-to-riyadh-for-leap-2024", "2024-03-12",
  en=E("Park Companies Join Delegation to Riyadh for LEAP 2024",
       ["(Hong Kong, 12 March, 2024) – More than 50 park companies joined the delegation to Riyadh for LEAP "
        "2024, the largest technology event in the region.",
        "Seven partnerships were signed during the visit, two involving HKSTP and five between park companies "
        "and Saudi partners."],
       about="E7a",
       takeaways=["Largest HKSTP delegation to the Middle East", "Seven partnerships signed"],
       traps=[T("More than 50 park companies joined the delegation to Riyadh for LEAP 2024", "event"),
              T("Seven partnerships were signed during the visit", "signing")]),
  zh_hant=E("園區公司隨團出席利雅得LEAP 2024",
            ["(香港, 2024 年 3 月 12 日)— 逾50間園區公司隨代表團前往利雅得出席LEAP 2024。",
             "訪問期間共簽署七項合作協議。"],
            about="Z7",
            traps=[T("逾50間園區公司隨代表團前往利雅得出席LEAP 2024", "event")]))

R("hkstp-announces-board-appointments", "2024-06-21",
  en=E("HKSTP Announces Board Appointments",
       ["(Hong Kong, 21 June 2024) – The Government has appointed four new members to the Board of HKSTP and "
        "reappointed five, with effect from 1 July 2024.",
        "Under the Board's stewardship, HKSTP's community has grown from around 600 technology companies in "
        "2017 to 1,800 today."],
       about="E7x",
       standing=[S("hkstp", "tech_companies", 1800, "exact", "1,800 today")],
       traps=[T("appointed four new members to the Board of HKSTP and reappointed five", "event"),
              T("from around 600 technology companies in 2017", "history")]))

R("hkstp-start-up-community-passes-800", "2024-06-25",
  en=E("HKSTP Start-up Community Passes 800",
       ["(Hong Kong, 25 June 2024) – HKSTP is now home to more than 800 start-ups, the Corporation said at its "
        "annual start-up day.",
        "Hong Kong as a whole had some 4,700 start-ups last year, according to InvestHK's annual survey.",
        "Over 1,700 technology companies now work at HKSTP's sites.",
        "“A start-up that lands here finds its first customers among its neighbours,” said Ms Vivian Tsang, "
        "Head of Entrepreneurship at HKSTP."],
       about="E7b",
       takeaways=["More than 800 start-ups at HKSTP", "Annual start-up day"],
       standing=[S("hkstp", "startups", 800, "over", "more than 800 start-ups"),
                 S("hkstp", "tech_companies", 1700, "over", "Over 1,700 technology companies")],
       traps=[T("Hong Kong as a whole had some 4,700 start-ups last year", "other_org",
                "Hong Kong's start-ups (subject hong-kong), stated once per language"),
              T("HKSTP is now home to more than 800 start-ups", "single",
                "startups stated once per language: no finding")]),
  zh_hant=E("科技園公司初創社群突破800間",
            ["(香港,2024年6月25日) 科技園公司在年度初創日表示，現時有逾800間初創企業以科技園為基地。",
             "根據投資推廣署的年度調查，全港去年約有4,700間初創企業。"],
            about="Z7",
            standing=[S("hkstp", "startups", 800, "over", "逾800間初創企業")],
            traps=[T("全港去年約有4,700間初創企業", "other_org")]),
  zh_hans=E("香港科技园初创社群突破800家",
            ["(香港，2024年6月25日) 香港科技园公司在年度初创日表示，目前香港科技园汇聚逾1,700家科技公司及超过"
             "800家初创企业。",
             "根据投资推广署的年度调查，全港去年约有4,700家初创企业。"],
            standing=[S("hkstp", "tech_companies", 1700, "over", "逾1,700家科技公司"),
                      S("hkstp", "startups", 800, "over", "超过800家初创企业")],
            traps=[T("全港去年约有4,700家初创企业", "other_org")]))

R("graduation-2024-honours-165-start-ups", "2024-07-19",
  en=E("Graduation 2024 Honours 165 Start-ups",
       ["(Hong Kong, 19 July 2024) – This year's graduation ceremony honoured 165 start-ups from 23 economies "
        "that completed HKSTP's incubation programmes.",
        "Nearly 70% of the 2024 graduates have already secured paying customers."],
       about="E7b",
       takeaways=["165 graduating start-ups", "Founders from 23 economies"],
       traps=[T("honoured 165 start-ups from 23 economies", "graduating_class",
                "a graduating class and the economies it came from: scope event"),
              T("Nearly 70% of the 2024 graduates", "year")]),
  zh_hant=E("2024畢業典禮表揚165間初創企業",
            ["(香港,2024年7月19日) 今年的畢業典禮表揚了來自23個經濟體、完成科技園公司培育計劃的165間初創企業。",
             "2024年的畢業公司中，近七成已有付費客戶。"],
            about="Z7",
            traps=[T("來自23個經濟體、完成科技園公司培育計劃的165間初創企業", "graduating_class")]))

R("twelve-partners-join-hkstp-digital-health-alliance", "2024-10-10",
  en=E("Twelve Partners Join HKSTP Digital Health Alliance",
       ["(Hong Kong, 10 October 2024) – Twelve strategic partners signed up to HKSTP's digital health alliance "
        "at a ceremony today.",
        "One of the partners, a regional hospital group, employs more than 9,000 clinical and research staff."],
       about="E7b",
       takeaways=["Digital health alliance launched"],
       traps=[T("Twelve strategic partners signed up to HKSTP's digital health alliance", "signing"),
              T("employs more than 9,000 clinical and research staff", "other_org",
                "a partner's staff (subject other), not HKSTP's research professionals")]),
  zh_hant=E("12個夥伴加入科技園公司數碼健康聯盟",
            ["(香港,2024年10月10日) 12個策略夥伴今日在儀式上加入科技園公司的數碼健康聯盟。",
             "其中一個夥伴為區域醫療集團，聘用超過9,000名臨床及研究人員。"],
            about="Z7",
            traps=[T("聘用超過9,000名臨床及研究人員", "other_org")]))

# ================================================================ 2025
R("hkstp-leads-24-companies-to-mwc-barcelona", "2025-03-17",
  en=E("HKSTP Leads 24 Companies to MWC Barcelona",
       ["(Hong Kong, 17 March 2025) – HKSTP led 24 companies to MWC Barcelona, where the Hong Kong pavilion drew "
        "over 7,500 visitors and generated over 1,000 business opportunities.",
        "The team also met more than 300 students at two universities in Barcelona."],
       about="E8",
       takeaways=["24 companies at MWC", "Over 7,500 pavilion visitors"],
       captions=["Photo 1: The Hong Kong pavilion at MWC Barcelona.",
                 "Photo 2&3: Park companies demonstrate their products to visitors."],
       traps=[T("HKSTP led 24 companies to MWC Barcelona", "event",
                "a delegation of 24 companies (and 24 is also a countries figure elsewhere): scope event"),
              T("the Hong Kong pavilion drew over 7,500 visitors", "event")]),
  zh_hant=E("科技園公司率領24間公司出席巴塞隆拿MWC",
            ["(香港, 2025 年 3 月 17 日)— 科技園公司率領24間公司出席巴塞隆拿MWC，香港館吸引超過7,500名訪客，"
             "帶來逾1,000個商機。",
             "現時科技園內的科技公司超過2,200間，不少正積極開拓歐洲市場。"],
            about="Z8",
            standing=[S("hkstp", "tech_companies", 2200, "over", "科技公司超過2,200間")],
            traps=[T("科技園公司率領24間公司出席巴塞隆拿MWC", "event")]))

R("career-expo-2025-offers-1600-positions", "2025-06-02",
  en=E("Career Expo 2025 Offers 1,600 Positions",
       ["(Hong Kong, 2 June 2025) – About 13,000 visitors came to this year's I&T Career Expo at Hong Kong "
        "Science Park, where over 150 companies offered more than 1,600 positions.",
        "About 80% of the roles are in research and development."],
       about="E8b",
       takeaways=["About 13,000 visitors", "More than 1,600 positions"],
       traps=[T("About 13,000 visitors came to this year's I&T Career Expo", "expo",
                "an expo's visitors (13,000, the research-professional figure of the past, by coincidence)"),
              T("over 150 companies offered more than 1,600 positions", "expo")]),
  zh_hant=E("2025創科職業博覽提供1,600個職位",
            ["(香港,2025年6月2日) 今年的創科職業博覽吸引約13,000名訪客，逾150間公司提供超過1,600個職位。",
             "約八成職位屬研發崗位。"],
            about="Z8b",
            traps=[T("今年的創科職業博覽吸引約13,000名訪客", "expo"),
                   T("逾150間公司提供超過1,600個職位", "expo")]),
  zh_hans=E("2025创科职业博览提供1,600个职位",
            ["(香港，2025年6月2日) 今年的创科职业博览吸引约1.3万名访客，超过150家公司提供逾1,600个职位。",
             "香港科技园的科技公司已超过2,200家，人才需求持续增加。"],
            standing=[S("hkstp", "tech_companies", 2200, "over", "科技公司已超过2,200家")],
            traps=[T("吸引约1.3万名访客", "expo"),
                   T("超过150家公司提供逾1,600个职位", "expo")]))

R("innoparks-pilot-scheme-and-new-industrialisation", "2025-09-17",
  en=E("InnoParks Pilot Scheme Advances New Industrialisation",
       ["(Hong Kong, 17 September 2025) – Thirteen companies took part in the scheme's pilot round, testing "
        "smart production lines at the Tseung Kwan O InnoPark.",
        "HKSTP aims to bring in over 150 tech firms to the InnoParks' new manufacturing centres, which are "
        "expected to house 300 companies by 2027.",
        "The expansion adds approximately 20 hectares of land to HKSTP's parks, where technology companies now "
        "number more than 2,200.",
        "With the new land, HKSTP expects its parks to house 2,500 technology companies by 2027."],
       about="E8", subtitle="Pilot round tests smart production lines at Tseung Kwan O",
       takeaways=["Pilot round for smart production", "Manufacturing centres at the InnoParks"],
       standing=[S("hkstp", "tech_companies", 2200, "over", "technology companies now number more than 2,200")],
       traps=[T("Thirteen companies took part in the scheme's pilot round", "event"),
              T("HKSTP aims to bring in over 150 tech firms to the InnoParks' new manufacturing centres", "target"),
              T("expected to house 300 companies by 2027", "target"),
              T("HKSTP expects its parks to house 2,500 technology companies by 2027.", "target",
                "a forecast of hkstp's own tech_companies (scope target) beside the standing more than 2,200")]),
  zh_hant=E("創新園試點計劃推動新型工業化",
            ["(香港,2025年9月17日) 13間公司參與計劃的試點，於將軍澳創新園測試智能生產線。",
             "科技園公司目標吸引超過150間科技企業進駐創新園的新製造中心，預計到2027年可容納300間公司。",
             "隨着新土地落成，科技園公司預計到2027年，園區將容納2,500間科技公司。"],
            about="Z8",
            traps=[T("13間公司參與計劃的試點", "event"),
                   T("目標吸引超過150間科技企業進駐創新園的新製造中心", "target"),
                   T("預計到2027年可容納300間公司", "target"),
                   T("預計到2027年，園區將容納2,500間科技公司", "target",
                     "a forecast of hkstp's own tech_companies (預計, 將) beside the standing 超過2,200間")]))
