/// The ja_JP tables, defined in `Locales/ja_JP/`.
package enum JaJPData {
    /// Japanese data: names in kanji with Hepburn spellings, the 47 prefectures, cities and wards with their postal codes, town names, phone numbers and companies.
    static let source = LocaleSource(
        id: "ja_JP",
        countryName: "日本",
        countryCode: "JP",
        firstNameMale: firstNameMale,
        firstNameFemale: firstNameFemale,
        lastName: lastName,
        firstNameMaleLatin: firstNameMaleLatin,
        firstNameFemaleLatin: firstNameFemaleLatin,
        lastNameLatin: lastNameLatin,
        nameFormat: "{last} {first}",
        regions: regions,
        cities: cities,
        streetNames: streetNames,
        buildingNumberFormats: buildingNumberFormats,
        streetAddressFormat: "{street_name}{building_number}",
        addressFormat: "〒{postcode} {region}{city}{street_address}",
        phoneFormats: phoneFormats,
        companySuffixes: companySuffixes,
        companyFormats: companyFormats,
        jobs: jobs,
        freeEmailDomains: freeEmailDomains,
        loremWords: loremWords)

    /// Mobile and landline formats with relative weights.
    static let phoneFormats: StaticString = """
        090-####-####\t4
        080-####-####\t4
        070-####-####\t2
        03-####-####\t3
        06-####-####\t2
        045-###-####\t1
        052-###-####\t1
        011-###-####\t1
        092-###-####\t1
        075-###-####\t1
        078-###-####\t1
        022-###-####\t1
        04-####-####\t1
        0##-###-####\t2
        0###-##-####\t1
        050-####-####\t1
        0120-###-###\t1
        +81-90-####-####\t1
        +81-80-####-####\t1
        +81 3-####-####\t1
        +81 6-####-####\t1
        """

    /// Free email providers popular in the country.
    static let freeEmailDomains: StaticString = """
        yahoo.co.jp
        docomo.ne.jp
        ezweb.ne.jp
        au.com
        softbank.ne.jp
        i.softbank.jp
        gmail.com
        icloud.com
        outlook.jp
        hotmail.co.jp
        nifty.com
        biglobe.ne.jp
        ocn.ne.jp
        """

    /// Common words (nouns, verbs in dictionary form, adjectives) for placeholder text.
    static let loremWords: StaticString = """
        日本
        時間
        今日
        明日
        昨日
        人
        年
        月
        日
        世界
        社会
        会社
        学校
        先生
        学生
        友達
        家族
        子供
        仕事
        電話
        電車
        駅
        道
        町
        国
        山
        川
        海
        空
        雨
        雪
        風
        花
        木
        森
        水
        火
        土
        光
        音
        声
        言葉
        文章
        本
        新聞
        映画
        音楽
        写真
        手紙
        料理
        食事
        朝
        昼
        夜
        春
        夏
        秋
        冬
        季節
        天気
        問題
        質問
        答え
        意見
        理由
        方法
        結果
        目的
        計画
        経験
        情報
        技術
        文化
        歴史
        経済
        政治
        自然
        環境
        生活
        健康
        病院
        医者
        店
        部屋
        家
        窓
        机
        椅子
        車
        自転車
        飛行機
        旅行
        公園
        図書館
        大学
        研究
        試験
        勉強
        宿題
        会議
        約束
        気持ち
        心
        頭
        目
        手
        足
        顔
        体
        名前
        場所
        外国
        未来
        過去
        現在
        関係
        説明
        準備
        練習
        趣味
        物語
        夢
        希望
        平和
        見る
        聞く
        話す
        読む
        書く
        食べる
        飲む
        行く
        来る
        帰る
        歩く
        走る
        泳ぐ
        使う
        作る
        考える
        思う
        知る
        分かる
        教える
        習う
        学ぶ
        働く
        休む
        待つ
        会う
        持つ
        取る
        置く
        開ける
        閉める
        始める
        終わる
        続ける
        変わる
        決める
        選ぶ
        買う
        売る
        送る
        届く
        遊ぶ
        歌う
        笑う
        泣く
        眠る
        起きる
        寝る
        住む
        生きる
        感じる
        信じる
        伝える
        答える
        調べる
        比べる
        集める
        育てる
        新しい
        古い
        大きい
        小さい
        高い
        安い
        長い
        短い
        早い
        美しい
        楽しい
        難しい
        優しい
        明るい
        暗い
        静か
        便利
        大切
        有名
        自由
        """
}
