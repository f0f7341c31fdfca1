"""Bilingual building blocks for matrix deals: parties per country, products per kind, places, forums.

All names are invented. A ``Bi`` holds a text in both languages; a plain ``str`` where a ``Bi``
could stand is a name given in one language only (the deal file's plain-string form), which a
draft in either language may print as it is.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bi:
    """A text in Traditional Chinese and in English."""

    zh: str
    en: str

    def data(self) -> dict[str, str]:
        """The deal-file form ``{zh-TW: ..., en: ...}``."""
        return {"zh-TW": self.zh, "en": self.en}


Name = Bi | str


def text_data(value: Name) -> dict[str, str] | str:
    """A Bi or a one-language name in deal-file form."""
    return value.data() if isinstance(value, Bi) else value


@dataclass(frozen=True)
class Company:
    """One invented company of a country."""

    country: str  # ISO 3166 alpha-2
    name: Name
    address: Bi
    representative: Bi
    title: Bi
    email_domain: str
    tax_id: str | None = None  # Taiwanese 統一編號 (valid check digit)
    registration: str | None = None


# Two companies per country: index 0 tends to supply, index 1 to distribute, but either may take
# either role. Taiwanese 統一編號 are the valid ones the examples use.
COMPANIES: dict[str, tuple[Company, Company]] = {
    "TW": (
        Company(
            "TW",
            Bi("晴川智能科技股份有限公司", "Qingchuan Smart Technology Co., Ltd."),
            Bi("臺北市內湖區瑞光路 321 號 8 樓", "8F, No. 321, Ruiguang Rd., Neihu Dist., Taipei City"),
            Bi("林志明", "Chih-Ming Lin"),
            Bi("董事長", "Chairman"),
            "qingchuan.example.tw",
            tax_id="24549210",
        ),
        Company(
            "TW",
            Bi("北辰通路股份有限公司", "Beichen Channel Co., Ltd."),
            Bi("新北市板橋區文化路一段 100 號 12 樓", "12F, No. 100, Sec. 1, Wenhua Rd., Banqiao Dist., New Taipei City"),
            Bi("王大同", "Ta-Tung Wang"),
            Bi("總經理", "President"),
            "beichen.example.tw",
            tax_id="12345675",
        ),
    ),
    "SG": (
        Company(
            "SG",
            Bi("獅城數據私人有限公司", "Lion City Data Pte. Ltd."),
            Bi("新加坡濱海大道 10 號 #20-01（郵遞區號 018983）", "10 Marina Boulevard, #20-01, Singapore 018983"),
            Bi("陳美玲", "Mei Ling Tan"),
            Bi("董事總經理", "Managing Director"),
            "lioncity.example.sg",
            registration="201912345K",
        ),
        Company(
            "SG",
            "Straits Compliance Solutions Pte. Ltd.",
            Bi("新加坡萊佛士坊 30 號 #17-01（郵遞區號 048622）", "30 Raffles Place, #17-01, Singapore 048622"),
            Bi("阿俊‧梅農", "Arjun Menon"),
            Bi("董事", "Director"),
            "straits.example.sg",
            registration="201654321M",
        ),
    ),
    "HK": (
        Company(
            "HK",
            Bi("港灣數碼有限公司", "Harbour Digital Limited"),
            Bi("香港中環皇后大道中 99 號 20 樓", "20/F, 99 Queen's Road Central, Central, Hong Kong"),
            Bi("何志偉", "Chi-Wai Ho"),
            Bi("董事", "Director"),
            "harbourdigital.example.hk",
            registration="CR 3141592",
        ),
        Company(
            "HK",
            Bi("維港通路有限公司", "Victoria Channel Limited"),
            Bi("香港九龍尖沙咀廣東道 5 號 12 樓", "12/F, 5 Canton Road, Tsim Sha Tsui, Kowloon, Hong Kong"),
            Bi("李嘉敏", "Ka-Man Lee"),
            Bi("總經理", "General Manager"),
            "victoriachannel.example.hk",
            registration="CR 2718281",
        ),
    ),
    "JP": (
        Company(
            "JP",
            Bi("櫻井精機股份有限公司", "Sakurai Precision K.K."),
            Bi("日本東京都千代田區丸之內一丁目 1 番 1 號", "1-1 Marunouchi 1-chome, Chiyoda-ku, Tokyo, Japan"),
            Bi("櫻井健一", "Kenichi Sakurai"),
            Bi("代表取締役", "Representative Director"),
            "sakurai.example.jp",
            registration="0100-01-123456",
        ),
        Company(
            "JP",
            "Naniwa Trading K.K.",
            Bi("日本大阪府大阪市北區梅田三丁目 2 番 1 號", "3-2-1 Umeda, Kita-ku, Osaka, Japan"),
            Bi("中村裕子", "Yuko Nakamura"),
            Bi("社長", "President"),
            "naniwa.example.jp",
            registration="1200-01-654321",
        ),
    ),
    "US": (
        Company(
            "US",
            "Pinecrest Networks, Inc.",
            Bi("美國紐約州紐約市第五大道 350 號 4100 室（郵遞區號 10118）", "350 Fifth Avenue, Suite 4100, New York, NY 10118, USA"),
            Bi("約翰‧卡特", "John Carter"),
            Bi("執行長", "Chief Executive Officer"),
            "pinecrest.example.com",
            registration="DE 7654321",
        ),
        Company(
            "US",
            Bi("金門灣分析有限責任公司", "Golden Gate Analytics LLC"),
            Bi("美國加利福尼亞州舊金山市市場街 100 號（郵遞區號 94105）", "100 Market Street, San Francisco, CA 94105, USA"),
            Bi("蘿拉‧金", "Laura Kim"),
            Bi("總裁", "President"),
            "goldengate.example.com",
            registration="CA 202012345",
        ),
    ),
    "GB": (
        Company(
            "GB",
            "Thameside Systems Ltd",
            Bi("英國倫敦市齊普賽街 1 號（郵遞區號 EC2V 6DN）", "1 Cheapside, London EC2V 6DN, United Kingdom"),
            Bi("奧利佛‧班奈特", "Oliver Bennett"),
            Bi("董事", "Director"),
            "thameside.example.co.uk",
            registration="12345678",
        ),
        Company(
            "GB",
            Bi("北海通路有限公司", "North Sea Channel Limited"),
            Bi("英國曼徹斯特市國王街 40 號（郵遞區號 M2 4LY）", "40 King Street, Manchester M2 4LY, United Kingdom"),
            Bi("艾蜜莉‧休斯", "Emily Hughes"),
            Bi("總經理", "Managing Director"),
            "northsea.example.co.uk",
            registration="87654321",
        ),
    ),
}

# The country whose companies and courts suit each governing law.
LAW_COUNTRY: dict[str, str] = {
    "TW": "TW", "SG": "SG", "HK": "HK", "JP": "JP", "US-NY": "US", "US-CA": "US", "EN": "GB",
}
# A foreign counterpart for "mixed" deals: a partner abroad.
FOREIGN_OF: dict[str, str] = {"TW": "SG", "SG": "TW", "HK": "JP", "JP": "HK", "US": "GB", "GB": "US"}

CURRENCY: dict[str, str] = {"TW": "TWD", "SG": "SGD", "HK": "HKD", "JP": "JPY", "US": "USD", "GB": "EUR"}

REGIONS: dict[str, tuple[Bi, ...]] = {
    "TW": (Bi("臺北市", "Taipei City"), Bi("新北市", "New Taipei City"), Bi("桃園市", "Taoyuan City")),
    "SG": (Bi("新加坡", "Singapore"), Bi("馬來西亞", "Malaysia")),
    "HK": (Bi("香港特別行政區", "Hong Kong SAR"), Bi("澳門特別行政區", "Macao SAR")),
    "JP": (Bi("日本關東地區", "the Kanto region of Japan"), Bi("日本關西地區", "the Kansai region of Japan")),
    "US": (Bi("美國紐約州", "the State of New York"), Bi("美國加利福尼亞州", "the State of California")),
    "GB": (Bi("英格蘭", "England"), Bi("威爾斯", "Wales")),
}

CITY: dict[str, Bi] = {
    "TW": Bi("臺北市", "Taipei"), "SG": Bi("新加坡", "Singapore"), "HK": Bi("香港", "Hong Kong"),
    "JP": Bi("東京", "Tokyo"), "US": Bi("紐約", "New York"), "GB": Bi("倫敦", "London"),
}

# Arbitration institutions (free text in the deal) and the seat each is usually chosen with.
INSTITUTIONS: dict[str, tuple[Bi, Bi]] = {
    "CAA": (Bi("中華民國仲裁協會", "the Chinese Arbitration Association, Taipei"), Bi("臺北市", "Taipei")),
    "HKIAC": (Bi("香港國際仲裁中心", "the Hong Kong International Arbitration Centre"), Bi("香港", "Hong Kong")),
    "SIAC": (Bi("新加坡國際仲裁中心", "the Singapore International Arbitration Centre"), Bi("新加坡", "Singapore")),
    "JCAA": (Bi("日本商事仲裁協會", "the Japan Commercial Arbitration Association"), Bi("東京", "Tokyo")),
    "ICC": (Bi("國際商會國際仲裁院", "the International Court of Arbitration of the International Chamber of Commerce"), Bi("巴黎", "Paris")),
    "ICDR": (Bi("國際爭議解決中心", "the International Centre for Dispute Resolution"), Bi("紐約", "New York")),
    "LCIA": (Bi("倫敦國際仲裁院", "the London Court of International Arbitration"), Bi("倫敦", "London")),
}

# The agreed court of first instance that fits each governing law.
COURTS: dict[str, Bi] = {
    "TW": Bi("臺灣臺北地方法院", "the Taiwan Taipei District Court"),
    "SG": Bi("新加坡高等法院", "the General Division of the High Court of Singapore"),
    "HK": Bi("香港特別行政區高等法院原訟法庭", "the Court of First Instance of the High Court of Hong Kong"),
    "JP": Bi("日本東京地方裁判所", "the Tokyo District Court"),
    "US-NY": Bi("美國紐約州紐約郡最高法院", "the Supreme Court of the State of New York, County of New York"),
    "US-CA": Bi("美國加利福尼亞州舊金山郡高等法院", "the Superior Court of California, County of San Francisco"),
    "EN": Bi("英格蘭及威爾斯高等法院", "the High Court of Justice of England and Wales"),
}

# What is sold: product lines per kind, each (name, code, list price in the deal's currency units).
PRODUCTS: dict[str, tuple[tuple[Name, str, int], ...]] = {
    "goods": (
        (Bi("晴川 SmartEnergy 商用能源管理閘道器", "Qingchuan SmartEnergy commercial energy gateway"), "SE-GW200", 48000),
        (Bi("晴川無線溫濕度感測器", "Qingchuan wireless temperature and humidity sensor"), "SE-TH10", 3500),
    ),
    "software": (
        (Bi("合規篩檢軟體（年訂閱，每席）", "Compliance screening software (annual subscription, per seat)"), "LL-AML-S", 2400),
        (Bi("法遵報表軟體（年訂閱，每法人）", "Regulatory reporting software (annual subscription, per entity)"), "LL-REG-E", 18000),
    ),
    "services": (
        (Bi("設備聯網導入服務（每案）", "Equipment connectivity implementation service (per project)"), "FL-IMPL", 150000),
        (Bi("年度維運服務（每廠區）", "Annual operation and maintenance service (per site)"), "FL-OPS-Y", 60000),
    ),
}

DELIVERY_TERMS: dict[str, str] = {
    "zh-TW": "甲方指定之乙方倉庫交貨（運費由甲方負擔）",
    "en": "DAP at the Partner's warehouse (Incoterms 2020)",
    "bilingual": "FCA Taipei (Incoterms 2020)",
}

PURPOSE: dict[str, Bi] = {
    "distributor": Bi("雙方基於共同拓展約定區域商用市場之願景，建立長期互惠之經銷夥伴關係。",
                      "The parties share the aim of growing the commercial market in the Territory through a long-term distribution partnership."),
    "reseller": Bi("雙方擬透過熟悉當地市場之轉售商，將甲方之產品提供予約定區域內之企業客戶。",
                   "The parties wish to bring the Supplier's products to business customers in the Territory through a reseller that knows the local market."),
    "referral": Bi("雙方擬由乙方向潛在客戶轉介甲方之產品，由甲方自行締約及收款。",
                   "The parties wish the Referral Partner to introduce prospective customers to the Company, which contracts with and invoices them itself."),
    "agency": Bi("甲方擬委任乙方於約定區域內為甲方招攬客戶並媒介交易。",
                 "The Principal wishes to engage the Agent to canvass customers and arrange sales for the Principal in the Territory."),
    "strategic_alliance": Bi("雙方結合彼此之技術及客戶基礎，共同開發約定區域之市場。",
                             "The parties combine their technology and customer bases to develop the market in the Territory together."),
}

# KPI names and data sources per metric, in both languages (numbers come from the examples).
KPI_TEXTS: dict[str, tuple[Bi, Bi]] = {
    "net_sales": (Bi("季度銷售金額", "Net sales"), Bi("甲方出貨系統紀錄", "Supplier's order records")),
    "units_sold": (Bi("銷售數量", "Units sold"), Bi("乙方銷售報表", "Partner's sales reports")),
    "new_customers": (Bi("新增客戶數", "New customers"), Bi("夥伴入口網站之客戶登錄資料", "Customer registrations on the partner portal")),
    "customer_satisfaction": (Bi("客戶滿意度", "Customer satisfaction"), Bi("第三方客戶滿意度調查", "Independent customer survey")),
    "certified_staff": (Bi("取得原廠認證之人員數", "Certified staff"), Bi("甲方教育訓練平台紀錄", "Supplier's training records")),
    "response_time": (Bi("平均回應時間", "Average response time"), Bi("雙方共用之服務工單系統", "Shared service ticket system")),
    "campaign_participation": (Bi("共同行銷活動參與次數", "Joint marketing campaigns"), Bi("雙方行銷活動紀錄", "Campaign records of both parties")),
}

CONTACT_PEOPLE: tuple[tuple[Bi, Bi], tuple[Bi, Bi]] = (
    (Bi("陳怡君", "Yi-Chun Chen"), Bi("通路業務處處長", "Head of Channel Sales")),
    (Bi("張雅婷", "Ya-Ting Chang"), Bi("採購經理", "Purchasing Manager")),
)

MEDIATION: Bi = Bi("中華民國仲裁協會調解中心", "the Mediation Center of the Chinese Arbitration Association")
