"""Bilingual vocabularies and patterns, one entry per topic: the classifier's knowledge.

Each entry may give:

- ``heading``: words that name the topic in a heading (article / clause title), either language;
- ``en`` / ``zh``: patterns that show the clause in body text (English is matched case-insensitively);
- ``exclude``: if the sentence around a match also matches this, the match does not count;
- ``require``: the sentence around a match must also match this;
- ``keys``: strings, one of which every English match contains (a fast pre-filter: only
  paragraphs holding a key are searched). ``tests/test_check_classify.py`` checks that the
  pre-filter never hides a match.

Patterns describe how such clauses are worded in general (learned from reading many
agreements), never the text of particular files. ``[^.;]{0,n}`` keeps a match inside one
English sentence; ``[^。；]{0,n}`` inside one Chinese sentence.
"""

from __future__ import annotations

S = r"[^.;\n]"  # inside an English sentence
Z = r"[^。；\n]"  # inside a Chinese sentence
EXCL = r"exclusive(?<!non-exclusive)(?<!non- exclusive)(?<!nonexclusive)(?<!non exclusive)"
PERIOD = r"(?:\w+[- ])?(?:\(\d+\)\s*)?(?:days?|months?|years?|weeks?)"
AGREEMENT = r"(?:本(?:契約|合約|協議|合同|約)(?:書)?)"  # 合同: mainland usage (s2twp keeps it)
# A Chinese sentence that says a provision does NOT exist ("本合約不設最低進貨數量", "不另約定違約金",
# "不構成獨家承諾", "建議售價僅供參考", "…之約定刪除"); used as an exclude by topics often stated negatively.
# The English counterpart: "there is no minimum purchase requirement", "nothing in this Agreement shall
# oblige the Distributor to buy". Both are added to the exclude list of the topics often negated.
NEG_EN = (r"\bthere (?:is|are|shall be|will be) no\b|\bno (?:minimum|obligation|exclusiv\w*|liquidated|most[- ]favou?red|right of first)\b|"
          r"\bnothing (?:in|contained in) this agreement (?:shall|will) (?:require|obligate|oblige|be construed)")
NEG_ZH = (r"不設|不另(?:行)?(?:約定|訂定|設定)|不(?:作|予)?約定|未(?:另)?(?:約定|訂定)|無[^，。；]{0,10}之約定|無(?:任何)?義務|不採(?:用)?|"
          r"不構成|不具(?:有)?(?:排他|獨家|專屬)|不限制|僅供參考|不受其?拘束|(?:之約定|規定)[^。；]{0,15}刪除|得自由|"
          r"自行決定|自由決定|不以任何方式|不因[^，。；]{0,20}而(?:延長|延展|續約)")

# What a party must do once the agreement has ended: return, destroy, buy back, settle, take down signs,
# stop using the name (不得再以…名义), refund or keep fees.
POST_ACTS = (r"(?:返還|退回|交還|歸還|交回|回收|交接|繼續(?:銷售|出售|販售)|移交|銷毀|停止|買回|回購|收回|結算|結清|出清|移轉|清償|付清|拆除|撤除|摘除|撤下|下架|刪除|退還|"
             r"註銷|清算|對[帳賬]|清退|不予退還|無息返還|(?:不得|不能|不再)(?:再|繼續)(?:以|使用|銷售|經營|享有|宣稱|對外)|不再(?:以|使用|享有))")

VOCAB: dict[str, dict[str, list[str]]] = {
    # ---------------------------------------------------------------- rights
    "appointment": {
        "heading": [r"appointment", r"grant of (?:rights|distribution)", r"指定|委任|授權經銷|經銷權|代理權"],
        "support": [r"指定|委任|委託|授權|經銷|代理|加盟"],
        "en": [
            rf"\bappoints?\b{S}{{0,120}}\b(?:as|to be|its)\b{S}{{0,40}}(?:distributor|reseller|agent|representative|dealer|"
            r"partner|sales|referral|licensee|franchisee)",
            r"\baccepts? (?:such |the )?appointment",
            rf"\bgrants?{S}{{0,80}}\bright (?:to|and license to) (?:market|sell|resell|distribute|promote|solicit)",
        ],
        "zh": [
            rf"(?:指定|委任|委託|授權)(?:乙方|甲方|經銷商|代理商|貴公司|本公司|被授權(?:人|方)|受託(?:人|方)|加盟(?:主|者)){Z}{{0,30}}(?:經銷|代理|轉售|銷售|推廣|推介|合作夥伴)",
            r"(?:經銷|代理|轉售)(?:權|之權利)",
            r"(?:獨家|非獨家)(?:經銷|代理|轉售)",
            rf"同意乙方{Z}{{0,30}}(?:開設|設立|經營){Z}{{0,20}}(?:加盟|專賣|特許)",
        ],
    },
    "exclusivity": {
        "heading": [r"(?<!non-)(?<!non)exclusiv", r"(?<!非)獨家|(?<!非)專屬(?!管轄)"],
        "en": [
            EXCL + r" (?:distributor|reseller|agent|representative|dealer|supplier|provider|partner|"
            r"licensee|franchisee|manufacturer|sponsor|marketing|sales|distribution|rights?|licen[cs]e|basis|"
            r"worldwide|arrangement|relationship|period|territory|purchase|provider|source|dealings?)",
            EXCL + r",? (?:\w+[- ]){0,3}(?:right|licen[cs]e)",
            r"\bsole and exclusive\b(?! (?:remedy|remedies|liability|jurisdiction|discretion|option|property|owner))",
            # buying only from the other party ("purchase its requirements exclusively from"); a bare "exclusively by /
            # to / with" (used exclusively by, exclusively with respect to) said nothing of exclusive dealing
            r"\b(?:purchase|buy|obtain|source|procure|order)\w*\b" + S + r"{0,60}\bexclusively from\b",
            r"\b(?:purchase|buy|obtain|source) (?:all|one hundred percent|100%)\b" + S + r"{0,60}requirements",
            r"\bexclusivity\b",
            # "appoints the Referral Partner ... as its exclusive referral partner" / "as its sole agent"
            r"\bappoints?\b" + S + r"{0,100}\bas (?:its|the|their|our) (?:sole|" + EXCL + r")\b",
            r"(?:shall|will) not" + S + r"{0,60}\b(?:appoint|authorize|grant|license|engage) any (?:other|third)",
            r"(?:shall|will) not" + S + r"{0,80}\b(?:circumvent)",
        ],
        "zh": [r"(?<!非)獨家(?!(?:的|之)?(?:知識產權|智慧財產權|專利|版權|著作權))", r"(?<!非)專屬(?:經銷|代理|授權|權)", r"唯一(?:之)?(?:經銷|代理)",
               rf"不(?:得|再|會){Z}{{0,20}}(?:另行|再行)?(?<!轉)(?:指定|授權|委任|委託){Z}{{0,20}}(?:第三人|第三方|其他){Z}{{0,15}}(?:經銷|代理|銷售|販售|轉售|推廣)",
               rf"不(?:得|再|會)?{Z}{{0,10}}(?:在|於|向)(?:乙方|代理商|經銷商|加盟商|被授權方|其)(?:的|之)?(?:代理|經銷|授權|銷售|獨家)?(?:區域|地區|市場|轄區|商圈)(?:內)?"
               rf"{Z}{{0,20}}(?:銷售|供貨|發貨|發展|設立|直銷|經營|授權|招募)",
               r"商圈保護", rf"不得{Z}{{0,30}}(?:自行|授權他人|另行)(?:開設|設立){Z}{{0,20}}(?:門市|店|據點|分店)",
               rf"全部(?:數量|需求|需要量)?{Z}{{0,6}}(?:均)?(?:應|須)向{Z}{{0,12}}(?:採購|購買|進貨)",
               # the supplier's promise not to appoint another (不在该区域内另行发展其他经销商 / 不再开设直营店)
               rf"不(?:再|得|會)?(?:在|於){Z}{{0,20}}(?:另行|再)?(?:發展|設立|指定|授權|委託|招募|開設){Z}{{0,10}}(?:其他|其它|第二家|第三方)?"
               r"(?:經銷商|代理商|加盟商|加盟店|分店|直營店|門市|經銷|代理)",
               rf"不(?:再|得)?(?:開設|設立){Z}{{0,6}}(?:直營|分店|門市|加盟店)",
               r"(?:獨佔|獨占|排他)(?:性)?(?:的|之)?(?:經銷|代理|銷售|經營|授權|權利|權)",
               # 唯一的授权经销商 / 不另设其他经销商 / 不再另行发展代理
               r"唯一(?:的|之)?(?:授權|指定|合法|特約)?(?:經銷|代理|供應|合作)(?:商|人|夥伴|權)",
               rf"不(?:再|得|會)?(?:另行|另|再)(?:設|設立|發展|指定|授權|委託|招募|開設|增設|委任)(?:{Z}{{0,6}})?(?:其他|其它|第二家|第三方|新的)(?:的)?"
               r"(?:經銷商|代理商|加盟商|加盟店|分店|直營店|門市|經銷|代理|合作方|合作夥伴)"],
        "exclude": [r"exclusive (?:jurisdiction|remedy|remedies|venue|forum|discretion|control|property)",
                    r"not exclusive of|cumulative|inure exclusively|exclusive right, title|exclusively (?:for|to) (?:the )?benefit",
                    r"專屬管轄", NEG_EN, NEG_ZH, r"(?:表示|自稱|宣稱|表彰)其?(?:為|係)", r"非(?:專屬|獨家)",
                    rf"以{Z}{{0,10}}(?:獨家|專屬|唯一){Z}{{0,12}}名義",
                    # the partner barred from appointing sub-partners restricts sub-distribution, not the supplier
                    rf"乙方{Z}{{0,20}}不得{Z}{{0,10}}(?:指定|委任|授權)"],
    },
    "territory": {
        "heading": [r"\bterritor", r"區域|地區|(?:經銷|銷售|代理|營業|授權)範圍|商圈"],
        "en": [r"\bterritor(?:y|ies)\b"],
        "zh": [r"(?:經銷|銷售|代理|授權)(?:區域|地區|範圍)", r"區域(?:為|限於|：|如下)", r"商圈保護",
               rf"(?<!不)(?:只|僅|限)(?:在|於){Z}{{0,25}}(?:地區|區域|境內|國內|國家)(?:內)?{Z}{{0,6}}(?:有效|銷售|經銷|代理|使用|經營)",
               rf"(?:銷往|銷售至|出口至|外銷至){Z}{{0,6}}(?:下列|以下|其他)?(?:國家|地區)",
               # mainland and franchise wording (after s2twp): 加盟区域 / 特许区域, 僅限於…地区, 区域以外 …
               # 窜货 / 跨区, a store's protected radius (半径五百米内)
               r"(?:加盟|特許|推廣|經營|代理|經銷|銷售)(?:區域|地域|轄區)",
               rf"(?<!不)(?:僅|只|限)(?:限)?(?:在|於){Z}{{0,25}}(?:地區|區域|地域|境內|國內|大陸|全境|省內|市內|縣內|轄區)",
               rf"(?:區域|地區|地域|轄區)(?:以)?外{Z}{{0,20}}(?:銷售|發貨|出貨|供貨|經營|招攬|投放|竄貨|串貨|推廣)",
               # 只能在指定区域内推广 / 销往区域之外 / 江苏省的区域总代理
               rf"(?:只|僅)(?:能|可|得|准)(?:在|於){Z}{{0,25}}(?:地區|區域|地域|境內|國內|轄區|市場|(?:省|市|縣|區|國)(?:範圍|全境))",
               rf"(?:只|僅)(?:能|可|得|准|限)(?:在|於){Z}{{0,12}}(?:省|市|縣|區|州)(?:內|範圍內|境內|轄區內)?(?:的)?"
               r"(?:開展|銷售|經銷|代理|經營|推廣|從事|設立|批發|分銷|發展|招募)",
               rf"(?:銷往|銷售到|銷至|發往|流入|賣到){Z}{{0,15}}(?:區域|地區|地域|轄區|市場)(?:以|之)外",
               r"(?:區域|地區|省級|市級|縣級|全國)(?:總|獨家|一級|二級)?(?:代理|經銷)(?:商|權|資格)?(?!合同|協議)",
               r"跨(?:區域?|地區)(?:銷售|經營|竄貨|串貨)|越區(?:銷售|經營)|竄貨|串貨|衝貨",
               r"(?:地區|區域|省|市|縣|境內|全境)(?:內)?(?:的|之)(?:獨家|唯一|總|區域)?(?:經銷|代理|加盟|特許經營)(?:商|權|人|資格)",
               rf"半徑{Z}{{0,10}}(?:公尺|公里|米|千米|km|KM)",
               # a right granted within a country or region (承认受让方在中华人民共和国境内制造和销售)
               rf"(?:授權|授予|許可|允許|承認|同意|准許|准予)(?:受讓方|被許可方|被許可人|乙方|被授權方|經銷商|代理商|加盟商|加盟店|被特許人)"
               rf"{Z}{{0,6}}(?:在|於){Z}{{0,20}}(?:國|省|市|縣|州|地區|大陸|臺灣|台灣|香港|澳門)(?:境內|範圍內|全境|轄區內)"],
        "exclude": [NEG_ZH, rf"(?:拓展|擴大|擴展|開拓){Z}{{0,12}}(?:銷售|經銷|市場)(?:範圍|區域|地區)"],
    },
    "products": {
        "heading": [r"^products?$", r"產品|商品"],
        "en": [r"[\"“]products?[\"”] (?:means|shall mean|refers)", r"(?:products|product list) (?:set forth|listed|described) in"],
        "zh": [r"(?:本(?:契約|合約)(?:所稱)?)?(?:產品|商品)(?:係指|指|範圍|如附件|詳如)", r"(?:產品|商品)(?:清單|明細)"],
    },
    "license_grant": {
        "heading": [r"licen[cs]e", r"授權(?!經銷)|商標使用"],
        # "加盟授權 / 經銷授權" over an appointment is no licence: the section must let someone use something
        "support": [rf"(?<!未)(?<!未經)(?:授權|許可|同意|准予|允許){Z}{{0,40}}(?<!不得)使用|使用權|授(?:予|與)"],
        "en": [
            rf"\bgrants?\b{S}{{0,120}}\b(?:licen[cs]e|sublicen[cs]e|right to (?:use|reproduce|display|publish|copy|modify|"
            r"make|have made|perform))",
            r"(?:exclusive|royalty[- ]free|fully[- ]paid|limited|worldwide|perpetual|irrevocable|revocable|"
            r"non-?transferable|non-?sublicensable)[, ]+(?:(?:and|or)\s+)?(?:[\w-]+[, ]+){0,5}licen[cs]e\b",
            r"\bhereby licen[cs]es\b",
            r"\blicen[cs]e (?:to|under) (?:use|the|its|any|such|all)\b",
            rf"\bright to use\b{S}{{0,60}}(?:trademarks?|marks?|names?|logos?|software|content|technology|materials|"
            r"know-how|patents?|intellectual property)",
        ],
        "zh": [rf"(?<!未)(?<!未經)授權(?!的使用){Z}{{0,40}}(?:使用|重製|散布|利用)", rf"授予{Z}{{0,30}}(?:使用權|授權|使用{Z}{{0,10}}之權)",
               r"商標(?:使用)?授權", rf"(?<!不)(?:得|有權)(?:於{Z}{{0,20}})?使用{Z}{{0,20}}(?:商標|標章|名稱|標誌|軟體|素材)",
               rf"授(?:與|予){Z}{{0,30}}(?:製造|生產|銷售|使用|經銷){Z}{{0,30}}(?:權利|權)",
               # 同意乙方…使用甲方之商标 / 许可被许可方使用: a grant worded as consent to use
               rf"(?:同意|授權|許可|准予|允許)(?:乙方|被許可方|被授權方|被許可人|加盟店|加盟者|加盟商|需方|經銷商|代理商|合作方)"
               rf"(?:在|於)?{Z}{{0,60}}(?<!不)(?<!不得)使用{Z}{{0,20}}(?:商標|標章|名稱|標誌|標識|軟體|素材|商號|招牌|專利|技術|著作|品牌)",
               rf"(?:承認|同意|准許|允許|確認|准予)(?:受讓方|被許可方|被許可人|乙方|被授權方|加盟商|經銷商)(?:在|於)?{Z}{{0,40}}"
               rf"(?:製造|生產|使用|銷售|經銷|出口|複製)(?:{Z}{{0,20}})(?:的|之)(?:權利|權)(?!利?義務)"],
        "exclude": [r"licen[cs]ed? (?:under the laws|to do business|by the state)|business licen[cs]e|driver's licen",
                    r"licensed? (?:professional|broker|dealer|insurance)", rf"不得(?:利用|以){Z}{{0,20}}(?:授權|名義)"],
    },
    "ip_ownership": {
        "heading": [r"ownership of (?:intellectual|ip|work|improvement|invention|data|results)", r"智慧財產權(?:歸屬)?|權利歸屬"],
        # "智慧財產權" over a section on using each other's marks or not infringing is no ownership
        "support": [r"歸(?!還)|屬於|所有(?:權|人|者)|擁有|享有|權利人|讓與|移轉"],
        "en": [
            rf"\bassigns?\b{S}{{0,100}}\b(?:right,? title,? and interest|intellectual property|inventions?|"
            r"improvements?|copyrights?|patents?|work product|know-how|developments?)",
            r"\b(?:shall|will) (?:be|become) the (?:sole and )?(?:exclusive )?property of\b",
            rf"\b(?:shall|will) (?:solely |exclusively )?own (?:all|any|the entire)\b{S}{{0,80}}"
            r"(?:right|intellectual|invention|improvement|result|data|work|development|technology)",
            r"\bworks? made for hire\b",
            r"\b(?:shall|will) vest (?:solely )?in\b",
            r"\bhereby (?:irrevocably )?(?:assigns|transfers|conveys)\b",
        ],
        "zh": [rf"(?:智慧財產權|著作(?:財產)?權|專利(?:申請)?權|所有權|商標權){Z}{{0,30}}(?:歸屬|屬於|歸)",
               rf"(?:讓與|移轉){Z}{{0,30}}(?:智慧財產|專利權|著作權|著作財產權|商標權)",
               rf"(?:研發|開發|改良|創作){Z}{{0,30}}(?:成果|權利){Z}{{0,20}}(?:歸屬|屬於|歸)",
               rf"(?:品牌|商標|技術|專利|著作權|智慧財產權){Z}{{0,30}}(?:只|僅|均|皆)?(?:屬於|歸)(?:各自|許可方|授權方|甲方|乙方|雙方)",
               rf"(?:技術|專利|商標){Z}{{0,20}}(?:的|之)合法(?:所有者|所有人|權利人|持有者|持有人|擁有者|擁有人)"],
        "exclude": [r"assign(?:s|ment)? (?:this agreement|its rights under this agreement)", r"(?:account|receivable)",
                    r"each party (?:shall|will) (?:own|retain)|\bretains?\b|confidential information",
                    rf"(?:原有|既有){Z}{{0,40}}(?:仍)?(?:歸|屬)"],
    },
    "rofr": {
        "heading": [r"first (?:refusal|offer|negotiation)", r"優先(?:購買|承購|承買|議約|受讓)權?"],
        "en": [
            # also the plural ("rights of first refusal", "rights of first negotiation") and a right of last refusal
            r"\b(?:right of first|rights of (?:first|last)) (?:refusal|offer|negotiation)\b",
            r"\bfirst right (?:to|of) (?:refusal|offer|negotiat|purchase|acquire|obtain|buy)",
            rf"\b(?:option|right) to (?:purchase|acquire|buy|match)\b{S}{{0,120}}(?:same terms|the price|terms and conditions "
            r"(?:of|contained in) (?:such|the) (?:offer|proposal)|prior to (?:offering|selling)|before (?:offering|selling))",
            rf"\bbona fide{S}{{0,30}}offer\b{S}{{0,200}}\b(?:right|option) to\b",
            r"\bROF[RON]\b",
            r"\bfirst (?:opportunity|option) to (?:negotiate|purchase|acquire|bid|offer)",
        ],
        "zh": [r"優先(?:購買|承購|承買|議約|受讓|承租|續約|合作)(?:之)?權", r"優先(?:洽談|協商|議價|承購|承買|受讓)"],
        "exclude": [NEG_EN, NEG_ZH],
    },
    "most_favored_nation": {
        "heading": [r"most[- ]favou?red", r"最惠"],
        "en": [
            r"\bmost[- ]favou?red[- ](?:nation|customer|licensee|pricing|terms)",
            # "shall not be less favourable than the terms given to any other licensee"
            rf"\bnot (?:be )?(?:less|more) favou?rable\b{S}{{0,60}}\bthan\b{S}{{0,100}}(?:other|any|third|similarly|comparable|customers?)",
            rf"\b(?:no less|not less|at least as|equally) favou?rable{S}{{0,60}}\b(?:than|as)\b{S}{{0,100}}"
            r"(?:other|any|third|similarly|comparable|customers?)",
            rf"\b(?:more|most) favou?rable{S}{{0,60}}(?:terms|prices?|pricing|rates?|conditions){S}{{0,80}}"
            r"(?:than those|to any|granted to|offered to|other customer|third part)",
            rf"\b(?:lower|better|more favou?rable) (?:prices?|pricing|rates?|terms)\b{S}{{0,100}}"
            r"(?:to any|than (?:those|it)|offered to|granted to|other (?:customer|licensee|distributor))"
            rf"{S}{{0,100}}(?:shall|will|promptly|adjust|extend|offer|reduce|same)",
        ],
        "zh": [r"最惠(?:待遇|國|客戶|條款)", rf"不(?:得)?(?:劣於|高於|優於){Z}{{0,20}}(?:其他|第三人|同類)",
               rf"(?:價格|條件){Z}{{0,20}}(?:優於|低於){Z}{{0,30}}(?:本契約|乙方|甲方){Z}{{0,20}}(?:適用|調整|比照)"],
        "exclude": [NEG_EN, NEG_ZH, r"通知所載之?條件|以相同條件"],
    },
    # ---------------------------------------------------------------- obligations
    "partner_obligations": {
        "heading": [r"(?:distributor|reseller|partner|agent|dealer)'?s? (?:obligations|duties|responsibilities)",
                    r"(?:obligations|duties) of (?:the )?(?:distributor|reseller|partner|agent|dealer)", r"乙方(?:之)?(?:義務|責任)|經銷商(?:之)?義務"],
        "en": [rf"\b(?:distributor|reseller|partner|agent|dealer|representative)\b (?:shall|will|agrees to)\b{S}{{0,40}}"
               r"(?:best efforts|commercially reasonable efforts|reasonable efforts|diligently|actively) "
               r"(?:to )?(?:promote|market|sell|solicit|develop)"],
        "zh": [rf"乙方應{Z}{{0,40}}(?:積極|盡力|致力){Z}{{0,20}}(?:推廣|行銷|銷售|開發)", rf"乙方應{Z}{{0,30}}(?:維持|建立){Z}{{0,20}}(?:庫存|銷售|服務|據點)"],
    },
    "vendor_support": {
        "heading": [r"(?:supplier|vendor|company|manufacturer)'?s? (?:obligations|support|duties)", r"support",
                    r"甲方(?:之)?(?:義務|支援|責任)|支援|訓練"],
        "en": [r"\b(?:sales|technical|marketing|product) (?:support|training)\b", r"\bmarketing (?:materials?|collateral)\b"],
        "zh": [r"(?:技術|行銷|銷售|售後)(?:支援|協助)", r"(?:教育)?訓練(?:課程)?", r"行銷(?:素材|資料|文宣|物料)"],
    },
    "non_compete": {
        "heading": [r"non-?compet", r"competing products", r"競業|競爭產品"],
        # "競業限制之解除" over a release from the covenant is no non-compete
        "support": [rf"(?:不得|不可|不能|禁止|避免){Z}{{0,40}}(?:經營|經銷|銷售|販售|從事|代理|投資|生產|製造|加盟|任職|競爭)"],
        "en": [
            r"\bnon-?compet\w*",
            r"\bcovenant not to compete\b",
            rf"\b(?:shall|will|may) not\b{S}{{0,200}}\b(?:compet(?:e|es|ing|itive|itor|itors)\b)",
            rf"\bnot\b{S}{{0,40}}\b(?:engage|participate|invest|be interested)\b{S}{{0,100}}\b(?:business|activit)",
            r"\bcompeting (?:products?|businesses|business|services?|brands?|lines?)\b",
            r"\bin competition with\b",
        ],
        "zh": [r"競業", rf"不得{Z}{{0,40}}(?:競爭|相同或類似|類似或相同|同類|替代)(?:之|性)?(?:產品|商品|業務|營業|服務|品牌)",
               r"競爭(?:產品|商品|品牌|業務)", rf"不得{Z}{{0,60}}(?:有|具)競爭(?:關係|性)",
               r"(?:相|互相|相互|直接|間接|存在|構成|形成)競爭(?:關係)?(?:的|之)(?:產品|商品|品牌|業務|企業|公司|單位)",
               rf"(?:不得|不可|不能|禁止|嚴禁){Z}{{0,30}}(?:為|替|與|向|代理|經銷|協助|加入|受僱於|任職於){Z}{{0,10}}競爭對手",
               # 不得经营与甲方相同或类似之饮料店 / 不得销售其他同类产品 / 竞品
               rf"(?:不得|不可|不能|禁止|嚴禁){Z}{{0,40}}(?:經營|從事|銷售|代理|經銷|生產|加盟|投資)(?:與|和|同){Z}{{0,15}}(?:相同|類似|近似|相似|同類|相近|競爭)",
               rf"(?:不得|不可|不能|禁止|嚴禁){Z}{{0,20}}(?:經營|銷售|代理|經銷|生產)(?:其他|其它|任何){Z}{{0,10}}(?:同類|類似|競爭|相同)",
               rf"不得{Z}{{0,20}}(?:銷售|經銷|代理|推廣)競品",
               # 推广非甲方提供的同类产品 / 不得…开展同类业务 / 绕开甲方直接与其客户合作
               r"(?:銷售|推廣|經銷|代理|經營|販售|推銷)非(?:甲方|乙方|本公司|供方|總部|平[臺台]|許可方)(?:所)?(?:提供|生產|授權|供應)?(?:的|之)?"
               r"(?:同類|類似|相同|競爭)(?:產品|商品|品牌|服務)?",
               rf"(?:不得|不可|不能|禁止|嚴禁){Z}{{0,60}}(?:開展|從事|經營|承接|進行)(?:相同|同類|類似|相似|競爭)(?:的|性)?(?:業務|生意|項目|產品|服務)",
               rf"(?:繞開|繞過|避開|跳過|撇開|越過)(?:甲方|乙方|本公司|平[臺台]|供方|我方|對方){Z}{{0,20}}(?:直接)?(?:與|和|同|跟){Z}{{0,30}}(?:合作|交易|聯繫|簽約|簽訂|開展|接洽)"],
        "exclude": [NEG_EN, NEG_ZH, r"competitive (?:pricing|prices|rates|bidding|advantage|position)", r"\bcompetent\b", r"may not compete",
                    r"不正當競爭"],
    },
    "non_solicit": {
        "heading": [r"non-?solicit", r"solicitation", r"招攬|挖角"],
        "en": [
            r"\bnon-?solicit\w*",
            rf"\b(?:not|neither|nor|never)\b{S}{{0,80}}\b(?:solicit\w*|hire|employ|recruit|induce|entice|engage)\b{S}{{0,120}}"
            r"\b(?:employees?|personnel|staff|employ(?:ment|ed)|workers|officers)\b",
            rf"\b(?:not|neither|nor|never)\b{S}{{0,60}}\b(?:solicit\w*|divert|entice|induce)\b{S}{{0,80}}\b(?:customers?|clients?|accounts|business)\b",
            rf"\b(?:divert|attempt to divert)\b{S}{{0,60}}\b(?:business|customers?|clients?)\b",
        ],
        "zh": [rf"不得{Z}{{0,40}}(?:招攬|挖角|聘僱|僱用|聘用|引誘|勸誘){Z}{{0,20}}(?:他方|對方|甲方|乙方|本公司|貴公司|"
               r"[被]?授權(?:人|方)|委託(?:人|方)|受託(?:人|方)|供應商|經銷商|總部|加盟(?:主|者))(?:之|的|所屬)?"
               rf"{Z}{{0,30}}(?:員工|人員|客戶|受僱人|職員|顧客)", r"禁止招攬"],
        "exclude": [r"solicit (?:orders|sales|bids|proposals|proxies|votes)\b(?! from)"],
    },
    "reporting": {
        "heading": [r"report", r"報告|報表"],
        "en": [r"\b(?:monthly|quarterly|weekly|annual|periodic) (?:sales |inventory |written )?reports?\b",
               rf"\b(?:shall|will) (?:provide|submit|deliver|furnish)\b{S}{{0,80}}\breports?\b"],
        "zh": [r"(?:銷售|庫存|存貨|業績|市場)(?:報告|報表|資料|資訊)", rf"(?:提出|提供|提交){Z}{{0,20}}報(?:告|表)"],
    },
    "ordering": {
        "heading": [r"\border(?:s|ing)?\b(?! of precedence)|\bdelivery\b|\bshipment", r"訂(?:購|單)|交貨|出貨"],
        "en": [r"\bpurchase orders?\b", r"\b(?:delivery|shipping) terms\b", r"\bIncoterms\b"],
        "zh": [r"訂單", r"訂購", r"交貨"],
    },
    "volume_restriction": {
        "heading": [r"volume|quantity limit", r"數量(?:限制|上限)|配額"],
        "en": [
            rf"\b(?:not|no|never)\b{S}{{0,30}}\b(?:to )?(?:exceed|more than|in excess of)\b{S}{{0,80}}"
            r"(?:units|quantit|volume|per (?:calendar )?(?:year|month|quarter|week|day)|hours|forecast|capacity|denominations?|copies)",
            r"\bmaximum (?:quantity|quantities|number of units|volume|order quantit)",
            rf"\b(?:limited|capped|restricted) to\b{S}{{0,40}}(?:units|quantit|volume|copies)",
            rf"\bexceed(?:s|ing)?\b{S}{{0,40}}\b(?:the )?(?:forecast|capacity|maximum)",
            rf"\b(?:in excess of|above|beyond)\b{S}{{0,30}}(?:forecast|maximum|capacity|allocation)",
            # use above what was bought is charged or needs approval ("excess usage", "overage fees", "if the number of
            # users exceeds … additional fees"); a supplier not bound to deliver more than a ceiling
            r"\bexcess (?:use|usage)\b", r"\boverage(?:s| fees?| charges?)\b",
            rf"\b(?:use|usage|volume|quantit\w*|number of (?:users|units|transactions|copies|seats|licen[cs]es|end users))\b{S}{{0,60}}\bexceed\w*\b{S}{{0,100}}"
            r"\b(?:additional|pay|fees?|charges?|consent|approval|surcharge|invoice)\b",
            rf"\bnot (?:be )?(?:obligated|required|obliged) to (?:supply|deliver|accept|fill|manufacture|sell|provide)\b{S}{{0,80}}"
            r"\b(?:in excess of|more than|exceed\w*|above|beyond)\b",
        ],
        "exclude": [NEG_EN, NEG_ZH, r"liab|interest rate|damages|expenses|confidential|insurance"],
        "zh": [rf"(?:採購|訂購|訂單|供應|出貨|進貨|進線)(?:之)?(?:數量|量)(?:合計)?{Z}{{0,10}}(?:上限|不得超過|超過|以{Z}{{0,10}}為限)", r"最高(?:採購|訂購|供應|出貨)量", r"配額"],
    },
    "price_restriction": {
        "heading": [r"resale price|price (?:restriction|protection)", r"轉售價格|價格(?:限制|維持)"],
        "support": [r"不得|應依|應按|建議|低於|高於|維持|統一|遵守"],
        "en": [
            r"\b(?:minimum )?(?:resale|retail|advertised) prices?\b",
            rf"\b(?:may|shall|will) not (?:be )?(?:increase|raise|change|adjust)\w*\b{S}{{0,40}}\b(?:prices?|fees|rates)\b",
            rf"\b(?:prices?|fees|rates)\b{S}{{0,60}}\b(?:may|shall|will) (?:only )?be (?:adjusted|increased|changed) only\b",
            rf"\b(?:price|fee) (?:increases?|adjustments?)\b{S}{{0,60}}\b(?:shall|will|may) not exceed\b",
            r"\bprice (?:freeze|cap|ceiling)\b",
        ],
        "zh": [rf"(?:應|須|不得|維持|遵守|依照|按)(?:{Z}{{0,20}})(?:轉售|零售|建議(?:零)?售|最低(?:轉)?售)價",
               rf"(?:轉售|零售|建議(?:零)?售|最低(?:轉)?售)價(?:格)?{Z}{{0,20}}(?:銷售|出售|轉售|為準|為限)",
               rf"(?:不得|不能|不可)(?:以|用)?(?:低於|高於){Z}{{0,20}}價(?:格)?{Z}{{0,4}}(?:銷售|出售|轉售|報價|販售|賣)",
               rf"(?:售價|價格){Z}{{0,30}}(?:應依|應依照|應遵守){Z}{{0,20}}(?:公告|訂定|價目表|價格表)",
               rf"(?:調漲|漲幅|調整)(?:之)?(?:幅度)?{Z}{{0,20}}不得(?:超過|逾)", rf"(?:不得|不能|不可){Z}{{0,10}}(?:折價|降價|削價|殺價)",
               r"(?:維持|限制|約定)(?:轉售|銷售|零售)?價格",
               # mainland wording: 零售价格不得低于统一指导价 / 不得擅自给予折扣 / 报价应按价格表 / 价格在合同期内不作调整
               rf"(?:售價|價格|零售價|銷售價|報價|轉售價|單價|費率)(?:格)?{Z}{{0,6}}(?:不得|不能|不可|不應|不允許|禁止)(?:低於|高於|超過|超出|擅自|任意|隨意)",
               rf"(?:不得|不能|不可|不允許|嚴禁|禁止)(?:以|用)?(?:低於|高於){Z}{{0,30}}(?:價|價格|售價){Z}{{0,20}}(?:銷售|出售|轉售|報價|販售|賣|開設|上架|供貨|發貨|批發|分銷)",
               rf"(?:不得|不能|不可|不允許|嚴禁|禁止){Z}{{0,15}}(?:擅自|自行|任意|隨意)(?:給予|提供)?(?:折扣|折讓|打折|降價|削價|讓價|加價|漲價|調價|調高|調降|變更價格|變更售價)",
               rf"(?:報價|對外銷售|販售|出售|零售|轉售)(?:時)?{Z}{{0,10}}(?:應|須|必須)(?:依|依照|按照|按|遵守|執行){Z}{{0,15}}"
               r"(?:價格表|價目表|定價|統一價|指導價|規定(?:的|之)?價格|公告(?:的|之)?價格)",
               r"(?:統一|指導)(?:零售|銷售)?(?:價格|價)(?:體系)?|最低(?:零售|銷售)(?:價格|價)|亂價|低價(?:傾銷|銷售|促銷)",
               rf"(?:價格|單價|費率|售價|收費標準|價款){Z}{{0,20}}(?:不作|不予|不得|不再)(?:調整|變更|上調|調漲|變動)",
               rf"(?:低於|高於|違反|擾亂){Z}{{0,15}}(?:規定|指導|限定|統一|最低|約定|公布|公佈|公告)(?:的|之)?(?:零售|銷售|市場)?(?:價格|售價|價)(?:體系)?{Z}{{0,8}}(?:銷售|出售|轉售|報價|販售|供貨|的)",
               rf"(?:執行|遵守|維護|服從){Z}{{0,10}}(?:價格政策|價格體系|價格管理|限價|價格規定|市場價格)",
               # 不得擅自改换…价格 / 提价须提前…书面通知
               rf"(?:不得|不能|不可|禁止|嚴禁)(?:擅自|自行|任意|隨意|私自)?(?:改換|更改|變更|修改|調整|改動|變動|提高|降低){Z}{{0,12}}(?:價格|售價|零售價|單價|定價)",
               rf"(?:提價|漲價|調價|調整價格|價格調整|價格變動|上調價格){Z}{{0,30}}(?:提前|事先|預先){Z}{{0,15}}(?:書面)?(?:通知|告知)"],
        "exclude": [NEG_EN, NEG_ZH, rf"供{Z}{{0,8}}參考"],
    },
    "confidentiality": {
        "heading": [r"confidential", r"保密|機密"],
        "en": [r"\bconfidential information\b", r"\bconfidentiality\b",
               rf"\b(?:keep|hold|maintain|treat)\b{S}{{0,40}}\b(?:confidential|in (?:strict )?confidence|secret)\b"],
        "zh": [r"保密", r"機密(?:資訊|資料)", r"營業秘密", r"商業(?:秘密|祕密)", rf"保守{Z}{{0,6}}(?:秘密|祕密|機密)",
               rf"不(?:得)?(?:對外)?(?:公開|披露|揭露|洩露|透露){Z}{{0,10}}(?:或|及)?(?:向第三(?:方|人))?{Z}{{0,20}}(?:資料|資訊|內容|祕密|秘密)",
               rf"不(?:得|能|可|應)?(?:擅自)?(?:向|對|讓){Z}{{0,12}}(?:洩露|洩漏|透露|披露|揭露){Z}{{0,20}}(?:資料|資訊|內容|祕密|秘密|條款|技術|價格|客戶|名單)",
               rf"不(?:得|能|可|應)?(?:擅自)?(?:向|對|讓)(?:任何)?(?:第三方|第三人|他人|其他人|外界|外人|無關人員|其他單位|其他公司)(?:{Z}{{0,6}})?(?:告知|提供){Z}{{0,20}}(?:資料|資訊|內容|祕密|秘密|條款|技術|價格|客戶|名單)",
               rf"不(?:得|能|可|應)?(?:擅自)?將{Z}{{0,25}}(?:資料|資訊|內容|祕密|秘密|條款|技術|價格|客戶|名單){Z}{{0,6}}(?:洩露|洩漏|透露|披露|揭露|提供|告知)(?:給|予)"],
    },
    "data_protection": {
        "heading": [r"data protection|privacy|personal (?:data|information)", r"個人資料|個資"],
        "en": [r"\bpersonal (?:data|information)\b", r"\bdata protection\b", r"\bprivacy (?:laws?|act|regulations?|polic)",
               r"\bGDPR\b", r"\bpersonally identifiable\b"],
        "zh": [r"個人資料", r"個資", r"隱私"],
    },
    "communication": {
        "heading": [r"governance|communication|relationship management|contacts?$|steering committee", r"溝通|聯繫|窗口|治理"],
        "en": [r"\b(?:relationship|account|partner|channel) managers?\b", r"\b(?:steering|joint|management|coordination) committee\b",
               rf"\b(?:meet|meetings?)\b{S}{{0,40}}\b(?:monthly|quarterly|weekly|regular(?:ly)?|periodic(?:ally)?)\b",
               r"\b(?:contact person|point of contact|liaison)\b", r"\bjoint (?:annual )?business plan\b"],
        "zh": [r"(?:溝通|聯繫|聯絡)(?:機制|窗口|管道|平台|平臺|人)", r"(?:專責|業務|聯絡)窗口",
               rf"(?:定期|每月|每季|每週){Z}{{0,10}}(?:會議|會報|聯繫)", r"聯合(?:年度)?(?:營運|業務)計畫"],
    },
    "warranty_duration": {
        "heading": [r"warrant(?:y|ies) period|warranty duration", r"保固|瑕疵擔保"],
        "en": [
            rf"\bwarrant\w*\b{S}{{0,160}}\b(?:for a period of|period of|for \w+ \(\d+\)|for \d+|until)\b{S}{{0,60}}"
            r"(?:days?|months?|years?)",
            rf"\b(?:for|within) (?:a period of )?(?:\w+ )?(?:\(\d+\) )?(?:days?|months?|years?)\b{S}{{0,40}}"
            r"(?:after|from|following|of) (?:the )?(?:date of )?(?:delivery|shipment|receipt|installation|acceptance|purchase|sale)\b"
            rf"{S}{{0,200}}(?:warrant|defect|nonconform|non-conform|reject|inspect)",
            r"\bwarranty (?:period|term)\b",
            # a warranty named by its length ("a twelve (12) month limited warranty", "one-year warranty") or said to
            # start / end at a time ("the warranty begins on the date of shipment and ends eighteen months later")
            r"\b(?:\d+|one|two|three|four|five|six|ten|twelve|eighteen|twenty-four|thirty-six|\w+ \(\d+\))[- ](?:days?|months?|years?)(?:['’]s?)? "
            r"(?:limited |product |parts and labou?r |standard )?warrant(?:y|ies)\b",
            rf"\bwarranty\b{S}{{0,40}}\b(?:commenc|begin|start|expir|end)\w*\b{S}{{0,60}}\b(?:days?|months?|years?|date of)\b",
            rf"\b(?:reject|inspect)\w*\b{S}{{0,160}}\b(?:within|for)\b{S}{{0,40}}(?:days?|months?)\b",
        ],
        "zh": [r"保固(?:期間|期限|期)", r"瑕疵擔保(?:期間|責任)", rf"(?:交貨|驗收|收貨|交付)(?:後|之日起){Z}{{0,20}}(?:日|個月|年)內{Z}{{0,30}}(?:瑕疵|檢驗|退換|更換|修復)",
               rf"保固{Z}{{0,10}}(?:年|個月)", r"質保(?:期|期限|期間)|保修(?:期|期限|期間)|質量保證期"],
    },
    "liability_cap": {
        "heading": [r"limitation(?:s)? (?:of|on) liability|liability cap|limitation of damages|consequential damages",
                    r"責任(?:限制|上限)|損害賠償(?:之)?(?:範圍|限制|上限)"],
        "en": [
            rf"\b(?:in no event|under no circumstances)\b{S}{{0,250}}\b(?:liab\w*|responsible)\b",
            r"\b(?:aggregate|total|maximum|cumulative|entire) liability\b",
            rf"\bliab\w*\b{S}{{0,150}}\b(?:shall|will) not exceed\b",
            rf"\b(?:not|no party|neither party)\b{S}{{0,40}}\bliable\b{S}{{0,80}}\b(?:indirect|consequential|special|incidental|"
            r"punitive|exemplary|lost profits|loss of profits)",
            r"\blimitations? (?:of|on) liability\b",
            r"\b(?:consequential|incidental|punitive|exemplary|indirect)(?:,? (?:or |and )?(?:special|incidental|consequential|"
            r"punitive|exemplary|indirect))*,? (?:or |and )?(?:special )?damages\b",
            rf"\b(?:waives?|waive to the fullest)\b{S}{{0,80}}\b(?:punitive|exemplary|consequential)\b",
            rf"\b(?:not be (?:responsible|liable)|no liability)\b{S}{{0,80}}\b(?:indirect|consequential) (?:loss|damage)",
        ],
        # 违约金…但以该批货款百分之十为上限: a cap on the penalty, as on damages
        "zh": [rf"(?:賠償|違約金)(?:責任)?(?:總額|上限|範圍)?{Z}{{0,40}}(?:以|不超過|不得超過|最高){Z}{{0,40}}為(?:上)?限",
               r"責任(?:上限|限制)", rf"(?:間接|衍生|附帶|懲罰性|特別)(?:性)?(?:損害|損失){Z}{{0,40}}(?:不負|免|不予)",
               rf"(?:可得利益|預期利益|利潤|商譽|營業|經營)(?:的)?(?:損失|損害){Z}{{0,20}}(?:均|概)?(?:不承擔|不負|不予賠償|不賠償|免責)",
               rf"不(?:負|承擔|負擔|賠償){Z}{{0,30}}(?:間接|衍生|附帶|特別|所失利益|預期利益|可得利益|利潤損失|商譽損失|營業損失)",
               # mainland wording: 累计赔偿总额不超过 / 最高赔偿限额 / 一切损失不承担任何责任 (a general exclusion)
               rf"(?:累計|累積|合計|總計|全部|最高)(?:的)?(?:賠償|責任|違約金){Z}{{0,30}}(?:不超過|不得超過|不高於|不應超過|以{Z}{{0,40}}為限)",
               r"(?:賠償|責任)(?:限額|上限)|最高賠償(?:額|金額|限額)",
               # 不对间接损失、利润损失承担责任 / 赔偿金额最高不超过 / 违约责任以…为限
               rf"不(?:對|就|向|為){Z}{{0,20}}(?:間接|衍生|附帶|特別|懲罰性|可得利益|預期利益|利潤|商譽|營業)(?:性)?(?:的)?{Z}{{0,20}}(?:承擔|負|負擔|賠償)",
               rf"(?:賠償|責任|違約金)(?:金額|數額|額|總額|範圍)?{Z}{{0,20}}(?:最高|最多)(?:不(?:得|應)?(?:超過|超出|高於)|為|以)",
               rf"(?:賠償|責任|違約金)(?:的)?(?:金額|數額|總額|範圍)?{Z}{{0,30}}不(?:得|應)?(?:超過|超出|高於){Z}{{0,30}}(?:價款|貨款|費用|金額|總額|總價|服務費|貨值|%|％|百分之)",
               rf"(?:賠償|違約|承擔)(?:的)?責任{Z}{{0,30}}以{Z}{{0,40}}為(?:上)?限",
               rf"(?:任何|一切)(?:直接(?:或|及|、|和)?間接)?(?:的)?(?:損失|損害){Z}{{0,30}}(?:均|概)?不(?:承擔|負|負擔)(?:任何)?(?:的)?(?:賠償)?責任",
               rf"(?:賠償|罰金|罰款|違約金|責任){Z}{{0,10}}(?:總額|總計|累計|合計|上限){Z}{{0,20}}不(?:得|應)?(?:超過|逾|高於)",
               rf"使用{Z}{{0,30}}(?:風險|後果){Z}{{0,30}}(?:由|自行){Z}{{0,20}}承擔{Z}{{0,40}}不(?:承擔|負)(?:任何)?(?:賠償)?責任"],
    },
    "indemnity": {
        "heading": [r"indemnif", r"賠償|補償"],
        "en": [r"\bindemnif\w*", r"\bhold (?:\w+ )?harmless\b"],
        "zh": [rf"(?:賠償|補償){Z}{{0,30}}(?:一切)?(?:損害|損失)", rf"使{Z}{{0,10}}免(?:於|受){Z}{{0,20}}(?:損害|責任|追訴|請求)"],
    },
    "insurance": {
        "heading": [r"insurance", r"保險(?!費)"],
        "en": [
            rf"\b(?:maintain|obtain|carry|procure|keep|purchase|have)\b{S}{{0,100}}\binsurance\b",
            rf"\binsurance\b{S}{{0,100}}\b(?:coverage|polic(?:y|ies)|certificate|limits?|amount|insurer|carrier|deductible)",
            r"\badditional(?:ly)? insured\b", r"\bcertificates? of insurance\b", r"\bself-insur", r"\binsured against\b",
            r"\b(?:sufficiently|adequately) insured\b",
        ],
        "zh": [rf"(?:投保|購買|維持|加保){Z}{{0,30}}(?:保險|險)", r"(?:產品責任|公共意外責任|責任)(?:保)?險", r"保險(?:單|金額|契約)"],
        "exclude": [NEG_EN, NEG_ZH, r"Deposit Insurance|insurance (?:company|companies) act|insurance (?:agency|agent) license|"
                    r"life insurance|health insurance product"],
    },
    "liquidated_damages": {
        "heading": [r"liquidated damages|penalt", r"違約金|懲罰"],
        "en": [
            r"\bliquidated damages\b",
            # a penalty with an amount or a rate ("a penalty of $500", "of two percent", "per day of delay"); the word
            # near "of" / "amount" alone was mostly statutory and tax penalties
            rf"\bpenalt(?:y|ies)\b{S}{{0,30}}(?:of \$|of (?:\w+ )?(?:\(\d+\) )?(?:percent|%)|equal to|per (?:day|week|month))",
            r"\b(?:termination|cancellation|early termination|break(?:age)?|exit) (?:fee|charge|payment)s?\b",
            rf"\b(?:pay|owe)\b{S}{{0,80}}\b(?:as a penalty|a penalty)\b",
        ],
        "exclude": [NEG_EN, NEG_ZH, r"without penalty|interest and penalties|penalties and interest|fines,? (?:or|and) penalties|penalty of nullity|"
                    r"perjury|penalties imposed|tax"],
        "zh": [r"違約金", rf"(?:每|按|逾)(?:日|期){Z}{{0,20}}(?:計罰|罰款|罰金|違約金)", r"懲罰性(?:違約金|賠償)"],
    },
    # ---------------------------------------------------------------- profit sharing
    "pricing": {
        "heading": [r"^price|pricing|prices and|discount", r"價格|售價|折扣|進貨價"],
        "en": [r"\bprice list\b", rf"\b(?:prices?|discounts?)\b{S}{{0,60}}\b(?:set forth in|schedule|exhibit|off (?:the )?list)\b"],
        "zh": [r"(?:價格|售價|牌價|折扣|進貨價|建議售價)"],
    },
    "payment_terms": {
        "heading": [r"payment", r"付款|支付|給付|價金"],
        "en": [rf"\b(?:payments?|invoices?|amounts? due)\b{S}{{0,100}}\b(?:within|net)\b{S}{{0,20}}\bdays?\b",
               rf"\b(?:shall|will) pay\b{S}{{0,80}}\bwithin\b{S}{{0,30}}\bdays?\b", r"\bpayment terms\b"],
        "zh": [rf"(?:付款|支付|給付|匯款){Z}{{0,30}}(?:日內|期限|方式|條件)", r"(?:發票|請款)",
               rf"(?:每月|每季|每年|每週|於|在){Z}{{0,15}}(?:日前|日內|底前|之前|以前){Z}{{0,20}}(?:支付|給付|付清|匯入|匯付|結算|繳納|繳付|付款)",
               r"(?:日|個工作日|天)內(?:支付|付款|付清|給付|匯付|結清)",
               rf"(?:轉賬|轉帳|電匯|匯款)(?:方式)?{Z}{{0,10}}(?:支付|付清|付款)",
               # 款项汇到甲方指定账号 / 款到发货 / 每月…对代理商进行结算
               rf"(?:匯到|匯至|匯入|轉入|轉至|打入|打到|存入|支付至|支付到|付至)(?:{Z}{{0,10}})?(?:指定|約定|提供)(?:的|之)?(?:銀行)?(?:[帳賬]戶|[帳賬]號)",
               r"款到(?:後)?(?:發貨|出貨|開通|供貨|安排|交貨)|先款後貨",
               rf"(?:定時|定期|按期|按月|按季|每月|每季|每週|每年)(?:{Z}{{0,20}})?(?:對|向|與){Z}{{0,10}}(?:進行)?結算"],
    },
    "revenue_sharing": {
        "heading": [r"revenue shar|profit shar|royalt|commission|rebate", r"回饋|分潤|佣金|利潤分配|權利金|報酬"],
        "support": [r"%|％|百分之|比例|比率|成數|金額|計算|支付|給付|提撥"],
        "en": [
            r"\broyalt(?:y|ies)\b",
            r"\b(?:revenue|profit|income|fee)[- ]shar\w*",
            r"\b(?:percent|%)\)? of (?:the |all |such )?(?:\w+ ){0,2}(?:net|gross|adjusted|aggregate|total) "
            r"(?:sales|revenues?|profits?|receipts|income|billings|proceeds|collections|margin)",
            r"\bcommissions? (?:of|equal to|equivalent to|at (?:a|the) rate|rate|calculated|based on|payable)\b",
            r"\bshare (?:of|in) (?:the )?(?:\w+ ){0,2}(?:revenues?|profits?|income|proceeds|fees)\b",
            rf"\b(?:receive|retain|entitled to)\b{S}{{0,40}}\b(?:\d+%|percent)\b{S}{{0,60}}\b(?:revenue|profit|sales|proceeds|fees)",
            r"\bsplit\b" + S + r"{0,40}\b(?:revenue|profit|proceeds|fees)",
            rf"\b(?:each party|parties) (?:shall )?shares?\b{S}{{0,30}}\d+%",
        ],
        "zh": [r"回饋金", r"利潤(?:分配|分享|分成)", r"分潤", r"佣金", r"權利金", r"(?:營收|收入|營業額)(?:分享|分成|分配|拆分)",
               r"拆[帳賬]", r"(?<!績效)(?:銷售)?獎勵金", r"(?:推介|轉介|推薦)(?:費|報酬|獎金)",
               r"傭金|提成(?:費|比例)?", rf"分成(?:比例|費|收益|收入|款)|(?:收益|收入|利潤|營收|銷售額){Z}{{0,10}}(?:按|依){Z}{{0,10}}分成",
               rf"支付{Z}{{0,20}}(?:相應|相關)?的?酬金",
               # a payment reckoned as a share of sales (按促成交易金额的百分之八支付), a split (收入按六比四分配),
               # rebates (返利 / 返点), franchise royalties (特许权使用费)
               rf"(?:按|依|以|按照|依照){Z}{{0,20}}(?:金額|額|收入|營業額|銷售額|回款|貨款|交易額|收益|利潤|流水|營收|價款|成交額)(?:的)?"
               r"(?:百分之|[0-9０-９.]+\s*[%％])(?:(?!違約金|滯納金|定金|訂金|預付|首付|保證金|罰款|罰金|賠償|稅|利息)[^。；\n]){0,30}"
               rf"(?:支付|給予|計提|提取|收取|繳納|返還|獲得|享有|計算|結算)(?!{Z}{{0,6}}(?:違約金|滯納金|定金|訂金|預付|首付|保證金|罰款|罰金|賠償|稅|利息))",
               rf"(?:收入|收益|利潤|營收|營業額|銷售額|利益|淨利|盈利|分紅){Z}{{0,15}}(?:按|依|以|按照){Z}{{0,15}}(?:比例)?(?:分配|分成|分享|劃分|拆分)",
               rf"(?:按|依|以)(?:照)?{Z}{{0,10}}比例(?:分配|分成|分享|劃分|拆分){Z}{{0,6}}(?:收入|收益|利潤|營收|營業額|銷售額|利益|淨利|盈利|分紅|款項)",
               r"返利|返點|(?:特許權|特許經營(?:權)?|品牌|商標)使用費|許可使用費|提成費"],
        "exclude": [r"royalty[- ]free", r"(?:exchange|european|trade|utilit\w*|public service) commission",
                    rf"不(?:向{Z}{{0,10}})?(?:支付|收取|給予|計發){Z}{{0,6}}(?:任何)?(?:的)?(?:佣金|傭金|提成|分成|返利|報酬)"],
    },
    "mdf": {
        "heading": [r"market(?:ing)? development|\bco-?op\b|cooperative advertising", r"行銷(?:發展)?(?:基金|補助)"],
        "en": [r"\bmarket(?:ing)? development funds?\b", r"\bMDF\b", r"\bco-?op(?:erative)? (?:advertising|marketing) (?:funds?|program)"],
        "zh": [r"行銷(?:發展)?(?:基金|補助|經費)", r"\bMDF\b"],
    },
    "audit_rights": {
        "heading": [r"audit|inspection of records|books and records|records and", r"查核|稽核|查帳|帳冊"],
        "en": [
            rf"\b(?:right|entitled|permit|allow|may|shall have access)\b{S}{{0,80}}\b(?:audit|inspect|examine|review|copy)\w*"
            rf"\b{S}{{0,80}}\b(?:books|records|accounts|facilit(?:y|ies)|premises|plants?|operations|procedures)\b",
            rf"\b(?:audit|inspect|examin)\w*\b{S}{{0,60}}\b(?:books|records|accounts|facilit(?:y|ies)|premises|sites?)\b",
            rf"\b(?:books|records|accounts)\b{S}{{0,150}}\b(?:available|access|open)\b{S}{{0,60}}\b(?:inspect|examin|review|audit)",
            r"\baudit rights?\b", r"\b(?:such )?audits? (?:shall|will|may)\b",
        ],
        "zh": [rf"(?:查核|稽核|檢查|查閱|審計|查[帳賬]|查詢|調閱|核查|查驗|抽查|審查){Z}{{0,30}}(?:[帳賬]冊|[帳賬]簿|[帳賬]本|[帳賬]目|紀錄|記錄|會計|報表|單據|憑證|[臺台][帳賬]|流水|明細)",
               # 要求…提供原始记录、结算单据…以核查 / 委托会计师事务所审计 / 有权审计
               rf"(?:提供|提交|出示){Z}{{0,30}}(?:紀錄|記錄|單據|憑證|[帳賬]目|[臺台][帳賬]|明細|報表){Z}{{0,20}}(?:以|供|用於|進行)?(?:查核|核查|稽核|審計|核對|查驗|核實)",
               rf"(?:委託|聘請|指定|委任){Z}{{0,15}}(?:會計師|審計機構|會計師事務所|稽核人員){Z}{{0,20}}(?:審計|查核|核查|稽核|檢查|查帳|查賬)",
               rf"(?:有權|得|可以?)(?:隨時|定期|不定期)?(?:對{Z}{{0,20}})?(?:進行)?(?:審計|稽核|查帳|查賬)",
               rf"調閱{Z}{{0,20}}(?:資料|文件){Z}{{0,6}}(?:查核|核對|稽核)",
               rf"(?:[帳賬]冊|[帳賬]簿|[帳賬]本|[帳賬]目|會計紀錄|會計記錄|紀錄|記錄|[臺台][帳賬]){Z}{{0,40}}(?:得|有權|供|接受|配合|提供){Z}{{0,20}}(?:查核|稽核|檢查|查閱|審計|核查|抽查|審查)",
               r"稽核權|查帳權",
               # 台账…甲方可随时查阅 / 有权核对…记录 / 有权对其财务状况进行检查 / 派员到…检查账目
               rf"(?:[帳賬]冊|[帳賬]簿|[帳賬]本|[帳賬]目|[臺台][帳賬]|紀錄|記錄|單據|憑證|報表){Z}{{0,30}}(?:可|可以|能|均可)(?:隨時|定期|不定期)?(?:進行)?(?:查閱|查核|核查|核對|檢查|稽核|審計|抽查|調閱|查驗)",
               rf"(?:有權|(?:得|可|可以)(?:隨時|定期|不定期|派員|派人))(?:隨時|定期|不定期)?(?:派員|派人|委派{Z}{{0,10}})?(?:到|至|前往)?{Z}{{0,20}}(?:查閱|查核|核查|核對|檢查|稽核|審計|抽查|調閱|查驗)"
               rf"{Z}{{0,20}}(?:[帳賬]|紀錄|記錄|財務|報表|單據|憑證|進銷存|出入庫|庫存資料|銷售資料)",
               rf"(?:有權|得|可以?)(?:隨時|定期|不定期)?對{Z}{{0,20}}(?:財務|[帳賬]|經營狀況|經營情況|銷售情況|庫存|進銷存|紀錄|記錄)(?:{Z}{{0,10}})?(?:進行)?(?:檢查|查核|核查|審計|稽核|抽查|核對|查驗)"],
        "exclude": [r"audited (?:financial|consolidated|balance)|independent (?:registered )?public accounting firm"],
    },
    # ---------------------------------------------------------------- exit
    "expiration": {
        "heading": [r"^term$|^term(?: of| and)|duration|effective period|^period", r"(?:期間|期限|有效期)(?![內中])"],
        "support": [rf"起{Z}{{0,40}}(?:至|到){Z}{{0,40}}(?:止|屆滿)|屆滿|期滿|為期|有效期|生效|[0-9一二三四五六七八九十兩]\s*(?:年|個月)"],
        "en": [
            rf"\b(?:commence|become effective|be effective|take effect|remain in (?:full )?(?:force|effect)|continue)\w*\b{S}{{0,160}}"
            r"\b(?:until|through|thereafter|for (?:a|an initial) (?:period|term) of|for \w+ \(\d+\) (?:years?|months?)|"
            r"for (?:a |an )?(?:\w+ )?(?:\(\d+\) )?(?:years?|months?)|in perpetuity|unless (?:sooner|earlier) terminated)",
            rf"\b(?:initial )?term of this (?:agreement|contract)\b{S}{{0,60}}\b(?:shall|will|is|be)\b",
            rf"\b(?:shall|will) (?:automatically )?(?:expire|terminate)\b{S}{{0,40}}\b(?:on|at|upon the (?:expiration|end)|at the end)\b",
            r"\bexpir(?:e|es|ation|y)(?: date)?\b" + S + r"{0,20}\b(?:on|of)\b" + S + r"{0,40}\b(?:19|20)\d\d\b",
            r"\bin perpetuity\b", r"\b(?:initial|original) term\b",
            r"\bterm of (?:\w+ )?(?:\(\d+\) )?(?:years?|months?)\b",
        ],
        "zh": [rf"{AGREEMENT}?(?:之)?(?:有效)?(?:期間|期限)(?:為|自|如下|：)", rf"自{Z}{{0,40}}起(?:至|算){Z}{{0,40}}(?:止|屆滿|為止)",
               r"有效期(?:間|限)?(?![間限內中])", rf"{AGREEMENT}{Z}{{0,20}}(?:生效){Z}{{0,30}}(?:年|個月)",
               rf"生效{Z}{{0,30}}至{Z}{{0,30}}(?:期滿|屆滿|為止|終止)"],
        "exclude": [r"每滿"],
    },
    "renewal": {
        "heading": [r"renewal|extension of (?:the )?term", r"續約|延展|展延|續展"],
        "en": [
            r"\b(?:automatically|auto-?) ?(?:be )?(?:renew|extend|continue)\w*",
            rf"\b(?:renew\w*|extend\w*)\b{S}{{0,40}}\bfor (?:an? |one |two |\w+ \(\d+\) )?(?:additional|successive|further|consecutive|subsequent|like)",
            r"\brenewal (?:term|period)s?\b",
            r"\b(?:successive|additional|further|consecutive) (?:\w+ )?(?:\(\d+\) )?(?:[\w-]+ )?(?:year|month|annual)\w* (?:terms?|periods?)\b",
            r"\b(?:option|right) to (?:renew|extend)\b", r"\b(?:may|shall|will) be (?:renewed|extended)\b",
            r"\bsuccessor (?:franchise|agreement|term)\b",
            r"\b(?:from year to year|year-to-year|month-to-month|on an annual basis thereafter)\b",
            rf"\bthereafter\b{S}{{0,60}}\bcontinue\b",
        ],
        "zh": [r"自動(?:續約|延展|展延|續展|延長|續期|延期|延續|順延)", r"續約", r"(?:延展|展延|續展|延長|續期)[^。；，\n]{0,8}(?:年|個月)", r"(?:契約|合約|協議|約)(?:書)?(?:之)?(?:有效)?(?:期間|期限)?(?:得|應|將|自動)?(?:延展|展延|續展|延長|續期)",
               rf"(?:期滿|屆滿){Z}{{0,40}}(?:延長|延展|展延|續約|續展|續簽|續訂|順延|延續|續期)",
               # mainland wording (after s2twp): 续签 → 續簽, 顺延 → 順延
               rf"(?:自動)?順延{Z}{{0,8}}(?:年|個月|期)", r"續簽|續訂(?:合同|協議|契約|合約)", r"續訂(?:新的?)?(?:經銷|代理|合作|加盟|服務|供貨|銷售)?(?:合同|協議|契約|合約)", r"優先續(?:約|簽|訂)",
               # 自动延续一年，以此类推 / 续期 / 期满…未提出异议的…继续有效
               rf"(?:自動|繼續)(?:延續|續期|生效|有效){Z}{{0,8}}(?:年|個月|期)", rf"(?:延續|續期){Z}{{0,6}}(?:一|二|兩|三|[0-9０-９]+)(?:年|個月|期)",
               rf"(?:期滿|屆滿|到期){Z}{{0,30}}(?:未|均未|沒有|無)(?:提出|以書面)?{Z}{{0,10}}(?:異議|不續|終止){Z}{{0,30}}(?:延續|續期|延長|續約|順延|繼續有效|自動)"],
        "exclude": [NEG_EN, NEG_ZH, r"保固|保證期|另行(?:協議|協商|簽訂|議定)|未(?:完成|能)續約|(?:決定|選擇)不(?:再)?續(?:約|簽|訂|期)",
                    # 期满后不再续签，合同自然终止
                    rf"不(?:再)?續(?:簽|約|訂|期)(?:的)?[，,]?{Z}{{0,10}}(?:自然|自行|即行|即|自動)(?:終止|失效)", r"不(?:會|再|得)?自動(?:續|延|順延)"],
    },
    "renewal_notice": {
        "heading": [r"non-?renewal", r"不續約"],
        "en": [
            rf"\b(?:unless|until)\b{S}{{0,150}}\b(?:notice|notif\w*)\b{S}{{0,150}}",
            rf"\b(?:notice|notify)\b{S}{{0,80}}\b(?:non-?renewal|not to (?:renew|extend)|intention not|intent not|election not)",
            r"\bnon-?renewal\b",
            rf"\b(?:notice|notif\w*)\b{S}{{0,120}}\b(?:prior to|before|in advance of)\b{S}{{0,40}}\b(?:expiration|expiry|end of|the then|renewal)",
            rf"\bto (?:renew|extend)\b{S}{{0,80}}\b(?:notice)\b{S}{{0,80}}(?:prior to|before)",
        ],
        "require": [r"renew|extend|extension|successive|continue|expir|term\b|續約|延展|展延|續展|期滿|屆滿|延長"],
        "zh": [rf"(?:期滿|屆滿|到期){Z}{{0,20}}(?:日|個月)前{Z}{{0,40}}(?:通知|表示){Z}{{0,20}}(?:不續|不再續|不延|終止|無意)",
               rf"不(?:再)?續約{Z}{{0,20}}(?:通知|意思)", rf"未{Z}{{0,40}}(?:通知|表示){Z}{{0,20}}(?:不續約|不再續|不延展|終止)",
               rf"(?:期滿|屆滿|到期)前{Z}{{0,20}}(?:未|均未|沒有)(?:提出|以書面)?{Z}{{0,10}}(?:書面)?(?:異議|不續|終止)"],
    },
    "termination_for_cause": {
        "heading": [r"termination for (?:cause|breach|default)|events? of default|breach", r"違約|終止|解除"],
        # "違約責任" over damages only, "終止後之處理" over what follows an end: no termination for cause
        "support": [rf"(?:違約|違反|違背|未(?:依|按|能|履行)|不(?:依|按)|逾期|拖欠|否則|情形之一|不合格|破產|重整|解散){Z}{{0,60}}(?:終止|解除)"],
        "en": [
            rf"\bterminat\w*\b{S}{{0,150}}\b(?:material(?:ly)? breach|breach\w*|default\w*|insolven\w*|bankrupt\w*|fails? to (?:cure|remedy))",
            rf"\b(?:material(?:ly)? breach\w*|default\w*)\b{S}{{0,200}}\bterminat\w*",
            rf"\bbreach\w*\b{S}{{0,80}}\b(?:not|fails? to be|remains?) (?:cured|remedied)",
        ],
        "zh": [rf"違(?:約|反){Z}{{0,60}}(?:終止|解除){AGREEMENT}?", rf"(?:破產|重整|解散|清算|停業){Z}{{0,40}}(?:終止|解除)",
               rf"限期{Z}{{0,20}}(?:改正|改善|補正)", rf"(?:終止|解除){Z}{{0,20}}{AGREEMENT}{Z}{{0,30}}違(?:約|反)",
               rf"(?:出現|發生){Z}{{0,30}}(?:事故|違法){Z}{{0,30}}(?:終止|解除)",
               # 经书面催告后十日内仍未改正的，有权解除 / 拖欠货款… / 有下列情形之一的，甲方有权解除本合同
               rf"(?:催告|通知|要求)(?:後)?{Z}{{0,20}}(?:仍|依然)?(?:未|不)(?:改正|改善|補正|糾正|履行|支付|付清){Z}{{0,30}}(?:終止|解除)",
               rf"(?:拖欠|積欠|遲延支付|逾期(?:未)?支付){Z}{{0,40}}(?:終止|解除)",
               rf"有下列(?:情形|情事|行為|事由)之一{Z}{{0,30}}(?:有權|得|可以?)(?:立即|隨時|單方)?{Z}{{0,10}}(?:終止|解除)",
               # 不按规定支付货款…有权中止合同 / 迟交…超过六个月时，有权终止合同
               rf"(?:不按|未按|拒不|逾期){Z}{{0,40}}(?:有權|得|可以?)(?:立即|隨時|單方)?(?:中止|終止|解除)(?:本)?(?:合同|協議|合約|契約|合作)",
               rf"(?:遲交|遲延|延遲|逾期|拖延)(?:交付|交貨|履行|付款|支付)?{Z}{{0,20}}(?:超過|達到|逾|滿){Z}{{0,15}}(?:日|天|週|周|個月|月|年)(?:時|的|者|後)?[，,]?"
               rf"{Z}{{0,20}}(?:有權|得|可以?)(?:立即|隨時|單方)?(?:終止|解除)",
               # 不能…，否则甲方有权终止合作协议 / 一经发现，甲方有权立即解除本协议 / 考核不合格…有权终止合同
               rf"(?:否則|一經(?:發現|查實|核實)|經查(?:實|證屬實)|如有違反|若有違反|(?:考核|檢驗|驗收)不合格){Z}{{0,30}}"
               rf"(?:有權|得|可以?)(?:立即|隨時|單方|直接)?{Z}{{0,6}}(?:終止|解除)"],
    },
    "termination_for_convenience": {
        "heading": [r"termination for convenience|termination without cause", r"任意終止|提前終止"],
        "en": [
            rf"\b(?:may|right to|entitled to|can|option to|elect to|be terminable|terminable)\b{S}{{0,60}}\bterminat\w*\b{S}{{0,150}}"
            r"\b(?:for any reason|without cause|for convenience|at (?:any time|will|its (?:sole )?"
            r"(?:discretion|option))|with or without cause|for no reason|without (?:any )?reason)",
            r"\bterminat\w* (?:for convenience|without cause|at will)\b",
            rf"\b(?:without cause|for convenience|for any reason|with or without cause)\b{S}{{0,100}}\bterminat\w*",
            rf"\b(?:may|right to|entitled to|can|option to|elect to)\b{S}{{0,60}}\bterminat\w*\b{S}{{0,100}}\b(?:upon|by giving|with|on|providing|after|giving)\b{S}{{0,50}}"
            rf"(?:days?|months?|years?)['’]?\)?\s*(?:prior |advance |written |prior written )*notice",
            rf"\b(?:days?|months?)['’]?\)? (?:prior |advance )?(?:written )?notice\b{S}{{0,80}}\bterminat\w*",
            rf"\bterminat\w*\b{S}{{0,30}}\bby (?:either|any|each) party\b{S}{{0,20}}\bfor any reason\b",
            rf"\b(?:may|right to|entitled to|can|option to|elect to)\b{S}{{0,60}}\bterminat\w*\b{S}{{0,60}}\b(?:upon|by giving|with|on|providing|giving)\b"
            rf"{S}{{0,40}}\b(?:months?|days?)['’]s\s*(?:prior |advance |written |prior written )*notice",
            rf"\b(?:notice|notif\w*)\b{S}{{0,60}}\b(?:at least|not less than|no less than)\b{S}{{0,40}}(?:days?|months?)\b{S}{{0,60}}"
            r"(?:prior to|before) the (?:desired|intended|effective) (?:date of )?termination",
        ],
        "zh": [r"任意終止", rf"(?:隨時|無須(?:任何)?理由|不附理由){Z}{{0,30}}(?:終止|解除)",
               rf"(?:得|可)(?:隨時)?(?:以書面)?(?:於|提前|預先){Z}{{0,20}}(?:日|個月)(?:前)?{Z}{{0,10}}通知{Z}{{0,20}}(?:終止|解除)",
               rf"(?:有權|得|可)(?:於|在)?任何時(?:間|候){Z}{{0,30}}(?:終止|解除)",
               rf"(?:欲|擬|如需|要求|需要|如要|若需|如欲|若欲)(?:提前)?(?:變更或)?(?:終止|解除){Z}{{0,40}}(?:前|提前){Z}{{0,10}}(?:告知|通知)",
               # 均有权在提前两个月书面通知对方后单方解除
               rf"(?:有權|得|可|可以)(?:隨時)?(?:在|於)?(?:以書面(?:形式)?)?(?:提前|預先){Z}{{0,20}}(?:日|天|個月|週|周)(?:前)?{Z}{{0,12}}(?:通知|告知){Z}{{0,20}}(?:終止|解除)",
               # …或由一方至少提前三十天书面通知另一方所确定的日期为止
               rf"(?:一方|任何一方|任一方)(?:當事人)?(?:至少)?(?:提前|預先){Z}{{0,12}}(?:日|天|個月)(?:以)?(?:書面)?通知{Z}{{0,20}}(?:確定|指定|選定)(?:的|之)?(?:日期|日)"],
        "exclude": [rf"知悉|接獲{Z}{{0,6}}通知(?:後|之日)|控制權|股權|經營權", r"breach|default|insolv|bankrupt|fail(?:s|ure|ed)? to|renew|expir|non-?renewal|cure|violat|force majeure|"
                    r"written agreement|mutual(?:ly)? (?:agree|consent)|survive|"
                    r"(?<!承擔)(?<!視為)(?<!構成)(?<!屬於)違約|違反|破產|重整|改正|未達|續約|期滿|屆滿|事故|違法"],
    },
    "kpi_termination": {
        "heading": [r"termination for (?:failure|under-?performance|performance)", r"未達(?:績效|目標)"],
        "support": [r"終止|解除|取消"],
        "en": [
            rf"\b(?:fail\w*|failure) to (?:meet|achieve|attain|satisfy|reach|purchase)\b{S}{{0,100}}"
            rf"(?:minimum|target|quota|KPI|performance|purchase|commitment|forecast){S}{{0,160}}\bterminat\w*",
            rf"\bterminat\w*\b{S}{{0,140}}\b(?:fail\w*|failure) to (?:meet|achieve|attain|satisfy|reach)\b{S}{{0,60}}"
            r"(?:minimum|target|quota|KPI|performance|purchase|commitment)",
        ],
        "zh": [rf"未(?:能)?達(?:成|到)?{Z}{{0,60}}(?:績效|目標|KPI|指標|最低|門檻){Z}{{0,80}}(?:終止|解除)",
               rf"(?:終止|解除){Z}{{0,60}}未(?:能)?達(?:成|到)?{Z}{{0,40}}(?:績效|目標|KPI|指標)",
               rf"(?:目標|指標|標準|評核|考核|達成率){Z}{{0,40}}(?:未達|不合格|未能達成){Z}{{0,80}}(?:終止|解除)"],
    },
    "change_of_control": {
        "heading": [r"change (?:of|in) control", r"控制權"],
        "en": [
            r"\bchange (?:of|in) (?:the )?(?:\w+ ){0,2}(?:control|ownership|management)\b",
            rf"\b(?:acquisition|acquires?|acquired|purchase) (?:of )?(?:a |the )?(?:majority|controlling interest|control)\b{S}{{0,60}}"
            r"\b(?:stock|shares|voting|equity|capital|interest|assets|of (?:the other|such|either) party)",
            rf"\bmerge[sd]?\b (?:with|into)\b{S}{{0,150}}\b(?:terminat\w*|notif\w*|consent|deemed|assign\w*)\b",
            rf"\b(?:terminat\w*|notif\w*)\b{S}{{0,150}}\b(?:merge[sd]?|merger) (?:of|with|into)\b",
            rf"\b(?:merger|consolidation|acquisition|reorganization|amalgamation)\b{S}{{0,150}}"
            r"\b(?:deemed|constitut\w*|terminat\w*|assignment|consent|notif\w*|transfer)\b",
            r"\b(?:sale|transfer|disposition) of (?:all or )?substantially all (?:of )?(?:its|the|their)\b",
            r"\b(?:more than|at least) (?:fifty percent|50%|a majority)\b" + S + r"{0,60}\b(?:voting|equity|shares|stock|interest)",
            rf"\b(?:majority|controlling interest)\b{S}{{0,40}}\b(?:voting|equity|outstanding|shares|stock)\b{S}{{0,100}}"
            r"\b(?:transfer|acquir|sold|sale|change)",
            # a party taken over ("if the Distributor is acquired by a competitor") or a new owner of a majority
            r"\b(?:is|be|becomes?|being) (?:acquired|purchased|taken over) by\b",
            rf"\bbeneficial own\w*\b{S}{{0,40}}\b(?:50|fifty|majority)",
        ],
        "exclude": [r"[\"“](?:affiliate|control|controlled|subsidiary)[\"”]|means|shall mean|bankruptcy|receivership|"
                    r"benefit of creditors|securities and exchange"],
        "zh": [r"控制權(?:之)?(?:變更|移轉|變動|異動)", rf"(?:合併|收購|分割|分立|兼併|併購|概括(?:承受|讓與)){Z}{{0,60}}(?:終止|解除|通知|同意|視為)",
               # 控股股东或实际控制人发生变化 / 实际控制人变更
               rf"被{Z}{{0,10}}(?:收購|兼併|併購|吞併)",
               rf"(?:控股股東|實際控制人|實際控制方|實際控制權|控股權|控制權|股權結構|大股東|第一大股東)(?:或{Z}{{0,8}})?(?:發生)?(?:重大)?(?:的)?(?:變更|變化|變動|異動|轉移|移轉|轉讓)",
               rf"(?:股權|股份|經營權|出資額){Z}{{0,30}}(?:變更|變動|異動|移轉|轉讓){Z}{{0,60}}(?:終止|通知|同意|視為)"],
    },
    "post_termination": {
        "heading": [r"(?:effect|consequences?|rights and obligations) (?:of|upon|on) (?:termination|expiration|expiry)|"
                    r"post-?termination|upon termination|transition", r"終止(?:後|之效果|之效力)|契約消滅後|終止後"],
        "support": [POST_ACTS, rf"仍(?:應|須|有效|得|繼續)|存續|不因{Z}{{0,20}}(?:終止|屆滿)"],
        "en": [
            rf"\b(?:upon|after|following|on|in the event of|at the time of)\b (?:the )?(?:any )?(?:early )?(?:termination|expiration|expiry)"
            rf"{S}{{0,250}}\b(?:shall|will|may)\b{S}{{0,100}}\b(?:return|destroy|cease|continue|sell|purchase|repurchase|"
            r"buy back|transition|remain|pay|provide|deliver|complete|fulfil|honou?r|assign|purchase|supply)",
            r"\b(?:sell[- ]off|wind[- ]down|transition(?:-out)? period|transition(?:al)? (?:services|assistance)|"
            r"termination assistance|run-?off)\b",
            rf"\b(?:sell|dispose of|liquidate|repurchase|buy back|purchase|distribute)\b{S}{{0,40}}\b(?:remaining|existing|unsold|residual|then-current|its|all) "
            r"(?:inventory|inventories|stocks?)\b",
            r"\b(?:liquidation|sell-?off|run-?off|wind-?down|phase-?out) period\b",
            rf"\bfor (?:a period of )?{PERIOD}\b{S}{{0,30}}\b(?:after|following) (?:the )?(?:termination|expiration|expiry)\b",
            rf"\b(?:after|following|upon|on) (?:the )?(?:termination|expiration|expiry)\b{S}{{0,80}}\b(?:and|for) (?:a period of )?{PERIOD}",
            r"\bupon (?:the )?(?:termination|expiration)(?: or (?:expiration|termination))? of (?:this|the) agreement\b"
            + S + r"{0,10}[:,]?$",
        ],
        "exclude": [r"confidential|solicit|compet|indemnif|audit|records|books|"
                    r"cease (?:to use|using|all use|use of|the use)|(?:licen[cs]es?|rights?|authori[sz]ation)\b[^.;]{0,60}\b(?:terminate|cease|revert)"],
        "zh": [rf"(?:終止|屆滿|消滅|解除)(?:或(?:期間)?(?:終止|屆滿|解除|消滅))?(?:之)?(?:後|時){Z}{{0,80}}(?:應|得|須){Z}{{0,60}}"
               r"(?:返還|銷毀|停止|買回|回購|移交|結算|出清|繼續|交還|移轉|清償|協助|支付|付清|歸還|退還|退回|交回)",
               rf"(?:終止|屆滿|解除)(?:之)?後{Z}{{0,40}}(?:仍(?:有權|得|可|應|須)|無須退還|不予退還|不退還)",
               rf"(?:應|須|得)於{Z}{{0,10}}(?:終止|屆滿|解除){Z}{{0,20}}(?:後|之日起){Z}{{0,30}}"
               r"(?:返還|銷毀|停止|買回|回購|移交|結算|結清|交付|交還|出清)",
               rf"(?:庫存|存貨){Z}{{0,30}}(?:買回|回購|出清|處理)", r"客戶(?:移轉|移交|交接)",
               # 本合同终止或期满不再续期的，乙方应… / 终止或期满未续约时，应拆除招牌 / 终止后…下架、删除
               rf"(?:終止|屆滿|期滿|到期|消滅|解除)(?:或{Z}{{0,8}})?(?:之)?(?:後|時|的[，,]){Z}{{0,80}}(?:應|須|得|需){Z}{{0,60}}"
               r"(?:返還|銷毀|停止|買回|回購|移交|結算|結清|出清|交還|移轉|清償|支付|付清|拆除|撤除|下架|刪除|退還|註銷|清算|變更(?:企業|公司)?名稱)",
               rf"(?:終止|屆滿|期滿|解除)(?:前|後){Z}{{0,30}}(?:已|尚未)?(?:成交|完成|發生|簽訂){Z}{{0,30}}(?:仍|繼續)(?:按|依|應|得|可)",
               # 合同解除之日起十五日内…退回 / 协议因任何原因终止，…摘除招牌 / 合作结束后…对账结清 /
               # 合同终止以后不得再以…名义 / 协议到期不再续约的，…货物…收回
               rf"(?:終止|解除|屆滿|期滿|結束)(?:之日|日)起{Z}{{0,20}}(?:日|個工作日|工作日|天|個月)內{Z}{{0,40}}{POST_ACTS}",
               rf"(?:{AGREEMENT}|合同|協議|合約|契約|合作|代理|經銷|加盟|授權|特許經營)(?:關係)?(?:因{Z}{{0,10}})?(?:提前|到期|期滿|屆滿)?(?:終止|解除|屆滿|期滿|到期|結束)"
               rf"(?:或{Z}{{0,8}})?(?:以後|之後|後|時|的[，,]|[，,]){Z}{{0,80}}{POST_ACTS}",
               rf"(?:不再續約|不續約|未續約|未能續約|不再續簽|未續簽|不再續期|未獲續期)(?:的|時|後)[，,]?{Z}{{0,60}}{POST_ACTS}",
               # 提前终止不影响已产生的…提成的结算
               rf"(?:終止|解除|屆滿|期滿|到期)(?:{Z}{{0,4}})?不影響{Z}{{0,30}}(?:結算|支付|付清|結清|佣金|傭金|提成|款項|貨款)"],
    },
    "survival": {
        "heading": [r"surviv", r"存續"],
        "en": [r"\b(?:shall|will|to) survive\b", r"\bsurvival\b"],
        "zh": [rf"(?:終止|屆滿|消滅|解除)(?:後|時){Z}{{0,40}}(?:仍|繼續){Z}{{0,10}}(?:有效|適用|存續)", r"(?:繼續)?存續"],
    },
    "anti_assignment": {
        "heading": [r"assignment|transfer of (?:rights|agreement)|successors and assigns", r"轉讓|讓與|移轉"],
        "en": [
            rf"\b(?:may|shall|will|can)(?:\s+not|not)\b{S}{{0,80}}\b(?:assign\w*|transfer\w*|delegat\w*|sublicen\w*|subcontract\w*)",
            rf"\b(?:assign\w*|transfer\w*|delegat\w*)\b{S}{{0,150}}\bwithout (?:first )?(?:obtaining )?(?:the )?(?:express )?"
            r"(?:prior )?(?:express )?(?:written )?(?:consent|approval|permission)",
            rf"\bneither (?:party|this agreement)\b{S}{{0,100}}\b(?:assign|transfer)\w*",
            r"\bnon-? ?(?:assignable|transferable)\b",
            r"\b(?:any )?(?:purported|attempted) (?:assignment|transfer)\b",
            rf"\bno (?:party|right)\b{S}{{0,40}}\b(?:assign|transfer)\w*",
        ],
        "zh": [rf"不得{Z}{{0,40}}(?:讓與|轉讓|移轉|轉包|複委任|設定質權)",
               rf"(?:讓與|轉讓|移轉){Z}{{0,40}}(?:應|須|需)(?:經|得|事先取得){Z}{{0,15}}(?:書面)?同意",
               rf"未經{Z}{{0,30}}同意{Z}{{0,40}}(?:讓與|轉讓|移轉|轉包)",
               r"不(?:可|得|能)(?:轉讓|讓與|移轉|轉授權|再許可)(?:的|之)(?:權利|許可|授權|使用權|許可權)"],
    },
    # ---------------------------------------------------------------- KPIs
    "minimum_commitment": {
        "heading": [r"minimum (?:purchase|commitment|order|sales|requirements?|quantit|volume|royalt)|purchase commitment|"
                    r"sales targets?", r"最低(?:採購|進貨|銷售|訂購)|採購承諾|銷售目標"],
        "en": [
            r"\bminimum (?:annual |quarterly |monthly |yearly )?(?:purchase|order|sales|quantit|volume|commitment|requirement|"
            r"payment|royalt|fee|revenue|guarantee|amount|number of|level|purchases|units|capacity|inventory|stock)\w*",
            rf"\b(?:purchase|order|buy|sell|procure|pay)\b{S}{{0,40}}\b(?:at least|not less than|no less than|a minimum of)\b",
            rf"\b(?:at least|not less than|no less than|a minimum of)\b{S}{{0,60}}\b(?:units|\$|dollars|of the (?:annual )?forecast|"
            r"per (?:year|month|quarter|annum|contract year))",
            r"\bguaranteed minimum\b", r"\btake[- ]or[- ]pay\b", r"\bshortfall\b", r"\bMOQ\b", r"\b(?:annual )?minimum commitment\b",
            r"\b(?:purchase|sales|volume|revenue) (?:commitment|quota|target)s?\b",
        ],
        "zh": [r"最低(?:採購|進貨|銷售|訂購|購買|業績)(?:量|金額|額|數量)?", r"(?:採購|進貨)(?:目標|承諾|責任額|額度)", r"(?:銷售|業績)(?:承諾|責任額)",
               rf"(?:至少|不得少於|不低於){Z}{{0,20}}(?:採購|進貨|訂購|購買|銷售)", rf"(?:採購|進貨|訂購|購買|銷售){Z}{{0,30}}(?:至少|不得少於|不低於)",
               r"保證(?:採購|銷售|最低)",
               r"最低(?:限度)?(?:的)?(?:使用費|權利金|提成費?|許可費|費用|訂貨量?|銷量|銷售額|營業額)",
               rf"保證{Z}{{0,6}}每(?:月|年|季|週){Z}{{0,20}}(?:以上|不低於|不少於|至少)",
               rf"每(?:月|年|季|週|年度)(?:至少|最少|不少於|不低於){Z}{{0,20}}(?:採購|進貨|訂購|訂貨|購買|銷售|成交|訂單)",
               # mainland wording: 采购金额不少于 / 年提货额不低于 / 投放金额不少于 / 保底 / 最小起订量
               rf"(?:採購|進貨|訂購|訂貨|購買|購進|申購|提貨|拿貨|要貨|投放|下單)(?:產品|商品|貨物)?(?:的)?(?:總)?(?:金額|數量|額|量|總額|總量|貨款){Z}{{0,15}}"
               r"(?:至少|不少於|不得少於|不應少於|不低於|不得低於|不應低於|應達|須達|最低)",
               rf"(?:至少|不少於|不低於)(?:應)?(?:向{Z}{{0,10}})?(?:採購|進貨|訂購|訂貨|購買|申購|提貨){Z}{{0,20}}(?:元|萬|件|台|臺|箱|噸|套|個|單|批)",
               r"保底(?:服務費|費用|金額|銷量|銷售額|採購額?|提成|分成|收入|量|費)|(?:最小|最低)(?:起訂|訂購|訂貨)量?|起訂量",
               rf"(?:採購|進貨|訂購|訂貨|提貨|購貨|拿貨|購買)(?:產品|商品|貨物)?(?:的)?(?:總)?(?:額|金額|量|數量|總額|總量|貨款){Z}{{0,6}}(?:達到|應達|須達|需達|達)"
               rf"{Z}{{0,15}}(?:元|萬|件|台|臺|箱|噸|套|個|批)(?:或)?以上(?!的|者|時|部分)",
               rf"(?:未達|不足|低於|少於){Z}{{0,30}}[，,]?{Z}{{0,20}}(?:按|以|依)(?:照)?{Z}{{0,15}}(?:最低|保底){Z}{{0,20}}(?:計收|收取|計算|收費|作為|支付|結算)"],
        "exclude": [NEG_EN, NEG_ZH],
    },
    "kpi_targets": {
        "heading": [r"key performance|\bKPIs?\b|performance (?:targets|indicators|standards|criteria|goals)|sales targets", r"績效指標|KPI|業績目標|考核指標"],
        "en": [r"\bkey performance indicators?\b", r"\bKPIs?\b", r"\b(?:sales|performance|revenue) (?:targets?|goals?|quotas?)\b",
               r"\bperformance (?:standards|criteria|metrics|objectives)\b"],
        "zh": [r"績效指標", r"\bKPI\b", r"(?:銷售|業績|營業)目標", r"(?:考核|評核|成效|評鑑)(?:指標|項目|標準|目標)",
               r"服務水準(?:指標|協議)|\bSLA\b", rf"(?:目標|指標){Z}{{0,10}}達成率", r"(?:銷售|業績)(?:任務|指標|定額)",
               rf"保證{Z}{{0,6}}每(?:月|年|季|週){Z}{{0,30}}(?:以上|不低於|不少於|至少){Z}{{0,6}}否則",
               # 销售额完成率 / 目标达成率 / 完成年度销售任务 / 业绩指标
               r"(?:銷售|業績|回款|任務|目標|指標|計劃)(?:額)?(?:完成率|達成率)|(?:業績|考核|績效)(?:指標|目標|任務)",
               rf"(?:完成|達成|達到){Z}{{0,10}}(?:年度|季度|月度|每月|每季|每年)?(?:的)?(?:銷售|業績|推廣)(?:任務|指標|目標|額度)",
               rf"(?:完成|達成|實現|達到)(?:{Z}{{0,8}}(?:約定|規定|下達|確定)的)?(?:年度|季度|月度|每月|每季|每年|全年|當年)(?:的)?(?:總)?(?:銷售|業績|回款|營業)(?:額|量|金額|收入)",
               rf"(?:下達|制定|確定|分配|核定)(?:的)?{Z}{{0,8}}(?:銷售|業績|回款|營業|年度|季度|月度)(?:目標|指標|任務|計劃)",
               rf"(?:年度|季度|月度|每月|每季|每年|全年|當年)(?:的)?(?:總)?(?:銷售|業績|回款|營業)(?:額|量|金額|收入){Z}{{0,4}}(?:達到|須達|應達|需達)",
               r"(?:回款|銷量|營業額|年度|季度|月度)(?:目標|任務|指標)",
               rf"(?:未|沒有|未能)(?:開始)?{Z}{{0,10}}(?:銷售|生產|達到|完成){Z}{{0,30}}(?:一定(?:數)?量|規定(?:數)?量|約定(?:數)?量|目標|指標|任務)"
               rf"{Z}{{0,80}}(?:終止|解除)",
               # 连续三个月…未达…，甲方有权终止 / 一年内完成该目标
               rf"(?:連續|累計){Z}{{0,8}}(?:個月|個季度|季|年|次|期){Z}{{0,30}}(?:未達|未能達到|未達到|低於|不足|少於){Z}{{0,40}}(?:終止|解除|取消|下線|清退)",
               r"(?:年|季度|個月|月|天|日)內(?:未能?|沒有)?(?:完成|達成|達到|實現)(?:該|此|上述|前述|約定|規定)?(?:的|之)?(?:目標|指標|銷售任務|業績|銷量)"],
        "exclude": [NEG_ZH],
    },
    "performance_review": {
        "heading": [r"performance review|business review|evaluation|review procedure", r"績效(?:評估|考核|檢討|評核)|評核|考核|(?:^|及|與)評估(?:$|及|與)"],
        "en": [r"\b(?:performance|business|quarterly) reviews?\b", r"\b(?:quarterly|annual|semi-annual|half-yearly) (?:performance )?review\b",
               r"\bimprovement plan\b", rf"\breview\b{S}{{0,40}}\b(?:performance|results|KPIs?|targets)\b"],
        "zh": [r"績效(?:評估|考核|檢討|評核|評鑑)", r"改善計畫", rf"(?:每季|每半年|每年|每月|年度|定期){Z}{{0,20}}(?:檢討|評估|考核|評核)",
               r"(?:營運|服務|業績|績效)?(?:評核|考核|檢討)(?:會議|結果)", r"複評"],
    },
    "incentives": {
        "heading": [r"incentive|bonus|rewards?", r"獎勵|激勵"],
        "en": [r"\b(?:incentives?|bonus(?:es)?|spiffs?)\b"],
        "zh": [r"獎勵", r"激勵", r"獎金"],
    },
    # ---------------------------------------------------------------- general
    "parties": {
        "heading": [r"^parties$", r"當事人|立(?:契約|合約|協議)(?:書)?人"],
        "en": [rf"\b(?:by and )?between\b{S}{{0,250}}\b(?:and|&)\b", r"\(hereinafter (?:referred to as|called)"],
        "zh": [r"(?:甲方|乙方)[：:]", r"立(?:契約|合約|協議)(?:書)?人", r"(?:以下簡稱|下稱)[「“]?(?:甲方|乙方)"],
    },
    "definitions": {
        "heading": [r"definition", r"定義|用語"],
        "en": [r"[\"“][A-Z][\w\- ]{1,40}[\"”] (?:means|shall mean|has the meaning|refers to)"],
        "zh": [r"本(?:契約|合約|協議)所稱", rf"[「“]{Z}{{1,15}}[」”](?:係指|指|乃指)"],
    },
    "force_majeure": {
        "heading": [r"force majeure", r"不可抗力"],
        "en": [r"\bforce majeure\b", r"\bacts? of god\b"],
        "zh": [r"不可抗力", r"天災", rf"(?:無法|不能)(?:控制|預見|避免|克服){Z}{{0,10}}(?:的|之)(?:原因|事件|情況|事由)"],
    },
    "notices": {
        "heading": [r"^notices?$|notices? and|notification", r"通知"],
        "en": [rf"\bnotices?\b{S}{{0,120}}\b(?:in writing|shall be (?:given|sent|delivered|deemed|made|addressed))",
               r"\b(?:deemed|considered) (?:to have been |to be )?(?:duly )?(?:given|received|delivered|served)\b"],
        # how notices are given (in writing, to an address, deemed received), not a notice period
        "zh": [rf"(?:通知|送達){Z}{{0,40}}(?:地址|視為{Z}{{0,6}}(?:送達|收到|到達|收悉|發出|通知)|掛號)", rf"(?:通知|送達){Z}{{0,20}}(?:應|須|均應|皆應|一律)(?:以)?書面",
               rf"書面(?:通知|方式){Z}{{0,20}}(?:送達|寄送|交付|地址)", r"通知(?:方式|地址)"],
    },
    "entire_agreement": {
        "heading": [r"entire agreement|integration clause|whole agreement", r"完整(?:合意|協議)|全部(?:合意|協議)"],
        "en": [r"\bentire (?:agreement|understanding)\b", r"\bsupersed\w*\b" + S + r"{0,40}\b(?:prior|previous|all other)"],
        "zh": [r"完整(?:合意|協議)", rf"(?:取代|替代){Z}{{0,40}}(?:先前|以往|之前|過去|原)"],
    },
    "amendments": {
        "heading": [r"amendment|modification", r"修(?:改|訂|正)|變更"],
        "en": [rf"\b(?:amend\w*|modif\w*|supplement\w*|changes?)\b{S}{{0,100}}\b(?:in writing|written instrument)\b",
               r"\bno (?:amendment|modification|change)\b"],
        "zh": [rf"(?:修改|修訂|修正|變更|增刪){Z}{{0,40}}(?:書面|雙方(?:簽署|同意|合意))"],
    },
    "severability": {
        "heading": [r"severab", r"可分|部分無效"],
        "en": [r"\bseverab\w*", rf"\b(?:held|found|determined|declared)\b{S}{{0,60}}\b(?:invalid|illegal|unenforceable|void)\b"],
        "zh": [rf"(?:無效|不生效力|無法執行){Z}{{0,60}}(?:不影響|其他條款|其餘條款|其他約定)"],
    },
    "waiver": {
        "heading": [r"waiver", r"棄權|拋棄"],
        "en": [r"\bno waiver\b", rf"\b(?:failure|delay|omission)\b{S}{{0,80}}\b(?:exercis|enforc|insist)\w*\b{S}{{0,100}}\bwaive",
               r"\bnot (?:be )?(?:deemed|construed|operate) (?:as |to be )?(?:a )?waiver"],
        "zh": [rf"(?:未|遲延|怠於)(?:行使|主張){Z}{{0,40}}(?:不|非){Z}{{0,10}}(?:拋棄|放棄|視為)", r"棄權"],
    },
    "language": {
        "heading": [r"^language|languages?$|prevailing", r"語言|文字|版本"],
        "en": [rf"\b(?:english|chinese)\b{S}{{0,40}}\b(?:version|language|text)\b{S}{{0,60}}\b(?:prevail|control|govern)",
               r"\bprevailing language\b"],
        "zh": [rf"(?:中文|英文|華語){Z}{{0,10}}(?:版本|文本)?{Z}{{0,10}}為準", r"(?:中英文|語言|文字)版本"],
    },
    "counterparts": {
        "heading": [r"counterparts", r"份數|正本|副本"],
        "en": [r"\bcounterparts?\b"],
        "zh": [rf"(?:一式|正本|副本){Z}{{0,10}}(?:份|式)", r"各執"],
    },
    "dispute_resolution": {
        "heading": [r"dispute|arbitration|jurisdiction|venue", r"爭議|仲裁|管轄"],
        "en": [r"\barbitrat\w*", rf"\b(?:disputes?|controvers\w*|claims?)\b{S}{{0,150}}\b(?:resolved|settled|submitted|referred|mediat\w*)\b",
               r"\bjurisdiction of the\b" + S + r"{0,40}\bcourts?\b", r"\bvenue\b", r"\bsubmit to the (?:exclusive )?jurisdiction"],
        "zh": [r"仲裁", rf"爭議{Z}{{0,40}}(?:協商|調解|仲裁|法院|管轄)", r"(?:第一審)?管轄法院",
               # mainland wording: 纠纷 … 协商不成的，向…人民法院起诉 / 有管辖权的法院
               rf"糾紛{Z}{{0,40}}(?:協商不成|協商解決|友好協商|調解|仲裁|法院|管轄|訴訟)",
               rf"(?:向|提交|提請|由){Z}{{0,20}}(?:人民法院|法院|仲裁委員會|仲裁機構)(?:{Z}{{0,8}})?(?:起訴|提起訴訟|訴訟|申請仲裁|仲裁|管轄|裁決)",
               r"有管轄權(?:的|之)(?:人民)?法院"],
    },
    "governing_law": {
        "heading": [r"governing law|applicable law|choice of law|law and jurisdiction", r"準據法|法律適用|適用法律"],
        "en": [
            rf"\bgoverned\b{S}{{0,60}}\blaws?\b",
            rf"\b(?:construed|interpreted|enforced|performed)\b{S}{{0,100}}\b(?:in accordance with|under|pursuant to|according to)\b{S}{{0,40}}\blaws?\b",
            r"\bgoverning law\b", r"\bchoice of law\b",
            rf"\blaws? of\b{S}{{0,60}}\b(?:shall )?(?:govern|apply|control)\b",
            rf"\bsubject to\b{S}{{0,40}}\blaws of\b",
        ],
        "zh": [r"準據法", rf"(?:依|依照|依據|適用|以)(?:中華民國|臺灣|台灣){Z}{{0,4}}法(?:律|令)", rf"(?:依|依照|依據|適用|以){Z}{{1,12}}法(?:律|令)?(?:為準據|為準|解釋)",
               rf"{AGREEMENT}?{Z}{{0,20}}(?:解釋|效力){Z}{{0,20}}(?:依|適用){Z}{{0,15}}法律",
               rf"(?:效力|解釋){Z}{{0,30}}(?:遵守|遵照|按照|受){Z}{{0,15}}法律",
               # 本合同适用中华人民共和国法律 / 受…法律管辖
               rf"適用(?:中華人民共和國|中國|中華民國|臺灣|台灣|香港|澳門|新加坡|{Z}{{1,10}}(?:國|地區))(?:的|之)?(?:法律|法)",
               rf"受(?:中華人民共和國|中國|中華民國|臺灣|台灣|香港|澳門|新加坡|{Z}{{1,10}}(?:國|地區))(?:的|之)?(?:法律|法)(?:法規)?(?:的)?(?:管轄|約束)",
               # 本合同未尽事宜，依照《中华人民共和国民法典》等法律规定执行
               rf"未盡事(?:宜|項){Z}{{0,20}}(?:按照|依照|依據|根據|適用|按|依)(?:《)?(?:中華人民共和國|中國|中華民國|我國|國家|有關|相關){Z}{{0,20}}(?:法|法律|法規|法令)"],
        "exclude": [r"governed by (?:the )?(?:terms|provisions|conditions|section|article)"],
    },
    "signatures": {
        "heading": [r"^signatures?|execution", r"簽(?:署|章|名)"],
        "en": [r"\bIN WITNESS WHEREOF\b", r"^(?:By|Signature|Signed)\s*:", r"\b(?:duly )?(?:executed|signed) (?:this|by)\b"],
        "zh": [r"(?:代表人|負責人|簽約代表)[：:]", r"(?:簽章|簽名|用印|蓋章)", r"立(?:契約|合約|協議)(?:書)?人"],
    },
}

KEYS: dict[str, tuple[str, ...]] = {
    "appointment": ('appoint', 'grant'),
    "exclusivity": ('exclusiv', 'circumvent', 'requirement', 'appoint', 'any other', 'any third'),
    "territory": ('territor',),
    "products": ('product',),
    "license_grant": ('licen', 'grant', 'right'),
    "ip_ownership": ('assign', 'property', 'own', 'hire', 'vest', 'transfer', 'convey'),
    "rofr": ('first', 'rof', 'option', 'offer', 'match', 'last'),
    "most_favored_nation": ('favor', 'favour', 'lower', 'better'),
    "partner_obligations": ('effort', 'diligent', 'actively'),
    "vendor_support": ('support', 'training', 'marketing'),
    "non_compete": ("compet", "engage", "participate", "invest", "interested"),
    "non_solicit": ('solicit', 'hire', 'employ', 'recruit', 'induce', 'entice', 'divert'),
    "reporting": ('report',),
    "ordering": ('order', 'delivery', 'shipping', 'incoterm'),
    "volume_restriction": ('exceed', 'maximum', 'limited', 'capped', 'restricted', 'excess', 'above', 'beyond', 'more', 'overage'),
    "price_restriction": ('pric', 'fee', 'rate'),
    "confidentiality": ('confiden', 'secret'),
    "data_protection": ('personal', 'data', 'privacy', 'gdpr'),
    "communication": ('manager', 'committee', 'meet', 'contact', 'liaison', 'business'),
    "warranty_duration": ('warrant', 'reject', 'inspect', 'accept', 'deliver', 'shipment', 'receipt', 'install', 'purchase', 'sale'),
    "liability_cap": ('liab', 'event', 'circumstance', 'consequential', 'incidental', 'punitive', 'exemplary', 'indirect', 'responsib'),
    "indemnity": ('indemn', 'harmless'),
    "insurance": ('insur',),
    "liquidated_damages": ('liquidated', 'penalt', 'fee', 'charge', 'payment', 'fine'),
    "pricing": ('price', 'discount'),
    "payment_terms": ('payment', 'invoice', 'pay', 'amount'),
    "revenue_sharing": ('royalt', 'shar', 'commission', 'split', 'sales', 'revenue', 'profit', 'receipt', 'income', 'billing', 'proceed', 'collection', 'margin'),
    "mdf": ('market', 'mdf', 'co', 'coop', 'cooperative'),
    "audit_rights": ('audit', 'inspect', 'examin', 'review', 'copy', 'books', 'records', 'account'),
    "expiration": ('commence', 'effective', 'effect', 'force', 'continu', 'term', 'expir', 'perpetuity', 'initial', 'original'),
    "renewal": ('renew', 'extend', 'successive', 'additional', 'further', 'consecutive', 'successor', 'year', 'month', 'annual', 'thereafter'),
    "renewal_notice": ('notice', 'notif', 'renewal'),
    "termination_for_cause": ('terminat', 'breach', 'cure', 'remed'),
    "termination_for_convenience": ('terminat',),
    "kpi_termination": ('terminat',),
    "change_of_control": ('control', 'ownership', 'management', 'merge', 'consolidation', 'acquisition', 'reorganization', 'amalgamation', 'substantially', 'fifty', 'majority', 'controlling', 'acquired', 'purchased', 'taken over', 'beneficial'),
    "post_termination": ('terminat', 'expir', 'sell', 'wind', 'transition', 'run', 'dispose', 'liquidat', 'purchase', 'buy back', 'distribut', 'phase'),
    "survival": ('surviv',),
    "anti_assignment": ('assign', 'transfer', 'delegat', 'sublicen', 'subcontract'),
    "minimum_commitment": ('minimum', 'least', 'less', 'guarantee', 'take', 'shortfall', 'moq', 'commitment', 'quota', 'target'),
    "kpi_targets": ('kpi', 'performance', 'target', 'goal', 'quota', 'key'),
    "performance_review": ('review', 'improvement'),
    "incentives": ('incentive', 'bonus', 'spiff'),
    "parties": ('between', 'hereinafter'),
    "definitions": ('mean', 'refer'),
    "force_majeure": ('majeure', 'god'),
    "notices": ('notice', 'deemed', 'considered'),
    "entire_agreement": ('entire', 'supersed'),
    "amendments": ('amend', 'modif', 'supplement', 'change'),
    "severability": ('severab', 'held', 'found', 'determined', 'declared'),
    "waiver": ('waive',),
    "language": ('english', 'chinese', 'prevailing'),
    "counterparts": ('counterpart',),
    "dispute_resolution": ('arbitra', 'dispute', 'controvers', 'claim', 'jurisdiction', 'venue', 'submit'),
    "governing_law": ('govern', 'construed', 'interpret', 'enforced', 'performed', 'choice', 'law', 'subject'),
    "signatures": ('witness', 'by', 'signature', 'signed', 'executed'),
}
