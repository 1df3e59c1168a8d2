/// Faker's `currency` provider (en_US): ISO 4217 currencies, cryptocurrencies and US-style price tags.
enum CurrencyProvider {
    /// Active ISO 4217 currencies: code, English name, common symbol.
    static let currencies = Table(
        """
        AED\tUnited Arab Emirates dirham\tد.إ
        AFN\tAfghan afghani\t؋
        ALL\tAlbanian lek\tL
        AMD\tArmenian dram\t֏
        ANG\tNetherlands Antillean guilder\tƒ
        AOA\tAngolan kwanza\tKz
        ARS\tArgentine peso\t$
        AUD\tAustralian dollar\t$
        AWG\tAruban florin\tƒ
        AZN\tAzerbaijani manat\t₼
        BAM\tBosnia and Herzegovina convertible mark\tKM
        BBD\tBarbados dollar\t$
        BDT\tBangladeshi taka\t৳
        BGN\tBulgarian lev\tлв
        BHD\tBahraini dinar\t.د.ب
        BIF\tBurundian franc\tFBu
        BMD\tBermudian dollar\t$
        BND\tBrunei dollar\t$
        BOB\tBoliviano\tBs.
        BRL\tBrazilian real\tR$
        BSD\tBahamian dollar\t$
        BTN\tBhutanese ngultrum\tNu.
        BWP\tBotswana pula\tP
        BYN\tBelarusian ruble\tBr
        BZD\tBelize dollar\t$
        CAD\tCanadian dollar\t$
        CDF\tCongolese franc\tFC
        CHF\tSwiss franc\tFr.
        CLP\tChilean peso\t$
        CNY\tRenminbi\t¥
        COP\tColombian peso\t$
        CRC\tCosta Rican colón\t₡
        CUP\tCuban peso\t$
        CVE\tCape Verdean escudo\tEsc
        CZK\tCzech koruna\tKč
        DJF\tDjiboutian franc\tFdj
        DKK\tDanish krone\tkr
        DOP\tDominican peso\t$
        DZD\tAlgerian dinar\tد.ج
        EGP\tEgyptian pound\tE£
        ERN\tEritrean nakfa\tNfk
        ETB\tEthiopian birr\tBr
        EUR\tEuro\t€
        FJD\tFiji dollar\t$
        FKP\tFalkland Islands pound\t£
        GBP\tPound sterling\t£
        GEL\tGeorgian lari\t₾
        GHS\tGhanaian cedi\t₵
        GIP\tGibraltar pound\t£
        GMD\tGambian dalasi\tD
        GNF\tGuinean franc\tFG
        GTQ\tGuatemalan quetzal\tQ
        GYD\tGuyanese dollar\t$
        HKD\tHong Kong dollar\t$
        HNL\tHonduran lempira\tL
        HTG\tHaitian gourde\tG
        HUF\tHungarian forint\tFt
        IDR\tIndonesian rupiah\tRp
        ILS\tIsraeli new shekel\t₪
        INR\tIndian rupee\t₹
        IQD\tIraqi dinar\tع.د
        IRR\tIranian rial\t﷼
        ISK\tIcelandic króna\tkr
        JMD\tJamaican dollar\t$
        JOD\tJordanian dinar\tد.ا
        JPY\tJapanese yen\t¥
        KES\tKenyan shilling\tKSh
        KGS\tKyrgyzstani som\tс
        KHR\tCambodian riel\t៛
        KMF\tComorian franc\tCF
        KPW\tNorth Korean won\t₩
        KRW\tSouth Korean won\t₩
        KWD\tKuwaiti dinar\tد.ك
        KYD\tCayman Islands dollar\t$
        KZT\tKazakhstani tenge\t₸
        LAK\tLao kip\t₭
        LBP\tLebanese pound\tل.ل
        LKR\tSri Lankan rupee\tRs
        LRD\tLiberian dollar\t$
        LSL\tLesotho loti\tL
        LYD\tLibyan dinar\tل.د
        MAD\tMoroccan dirham\tد.م.
        MDL\tMoldovan leu\tL
        MGA\tMalagasy ariary\tAr
        MKD\tMacedonian denar\tден
        MMK\tMyanmar kyat\tK
        MNT\tMongolian tögrög\t₮
        MOP\tMacanese pataca\tMOP$
        MRU\tMauritanian ouguiya\tUM
        MUR\tMauritian rupee\t₨
        MVR\tMaldivian rufiyaa\tRf
        MWK\tMalawian kwacha\tMK
        MXN\tMexican peso\t$
        MYR\tMalaysian ringgit\tRM
        MZN\tMozambican metical\tMT
        NAD\tNamibian dollar\t$
        NGN\tNigerian naira\t₦
        NIO\tNicaraguan córdoba\tC$
        NOK\tNorwegian krone\tkr
        NPR\tNepalese rupee\t₨
        NZD\tNew Zealand dollar\t$
        OMR\tOmani rial\tر.ع.
        PAB\tPanamanian balboa\tB/.
        PEN\tPeruvian sol\tS/
        PGK\tPapua New Guinean kina\tK
        PHP\tPhilippine peso\t₱
        PKR\tPakistani rupee\t₨
        PLN\tPolish złoty\tzł
        PYG\tParaguayan guaraní\t₲
        QAR\tQatari riyal\tر.ق
        RON\tRomanian leu\tlei
        RSD\tSerbian dinar\tдин.
        RUB\tRussian ruble\t₽
        RWF\tRwandan franc\tFRw
        SAR\tSaudi riyal\t﷼
        SBD\tSolomon Islands dollar\t$
        SCR\tSeychelles rupee\t₨
        SDG\tSudanese pound\tج.س.
        SEK\tSwedish krona\tkr
        SGD\tSingapore dollar\t$
        SHP\tSaint Helena pound\t£
        SLE\tSierra Leonean leone\tLe
        SOS\tSomali shilling\tSh
        SRD\tSurinamese dollar\t$
        SSP\tSouth Sudanese pound\t£
        STN\tSão Tomé and Príncipe dobra\tDb
        SVC\tSalvadoran colón\t₡
        SYP\tSyrian pound\t£
        SZL\tSwazi lilangeni\tL
        THB\tThai baht\t฿
        TJS\tTajikistani somoni\tSM
        TMT\tTurkmenistan manat\tm
        TND\tTunisian dinar\tد.ت
        TOP\tTongan paʻanga\tT$
        TRY\tTurkish lira\t₺
        TTD\tTrinidad and Tobago dollar\t$
        TWD\tNew Taiwan dollar\t$
        TZS\tTanzanian shilling\tTSh
        UAH\tUkrainian hryvnia\t₴
        UGX\tUgandan shilling\tUSh
        USD\tUnited States dollar\t$
        UYU\tUruguayan peso\t$
        UZS\tUzbekistani sum\tsoʻm
        VES\tVenezuelan bolívar soberano\tBs.S
        VND\tVietnamese đồng\t₫
        VUV\tVanuatu vatu\tVT
        WST\tSamoan tālā\tT
        XAF\tCentral African CFA franc\tFCFA
        XCD\tEast Caribbean dollar\t$
        XOF\tWest African CFA franc\tCFA
        XPF\tCFP franc\t₣
        YER\tYemeni rial\t﷼
        ZAR\tSouth African rand\tR
        ZMW\tZambian kwacha\tZK
        ZWL\tZimbabwean dollar\t$
        """)

    /// Widely traded cryptocurrencies: ticker, name.
    static let cryptocurrencies = Table(
        """
        ADA\tCardano
        ALGO\tAlgorand
        ATOM\tCosmos
        AVAX\tAvalanche
        BCH\tBitcoin Cash
        BNB\tBNB
        BTC\tBitcoin
        DASH\tDash
        DOGE\tDogecoin
        DOT\tPolkadot
        EOS\tEOS
        ETC\tEthereum Classic
        ETH\tEthereum
        LINK\tChainlink
        LTC\tLitecoin
        MATIC\tPolygon
        NEO\tNeo
        NMC\tNamecoin
        PPC\tPeercoin
        SHIB\tShiba Inu
        SOL\tSolana
        TRX\tTRON
        USDC\tUSD Coin
        USDT\tTether
        XEM\tNEM
        XLM\tStellar
        XMR\tMonero
        XRP\tXRP
        XTZ\tTezos
        ZEC\tZcash
        """)

    /// US price shapes: `#` any digit, `%` a digit from 1 to 9.
    static let priceFormats: [[UInt8]] = ["#.##", "%#.##", "%##.##", "%,###.##", "%#,###.##"].map { Array($0.utf8) }

    /// Writes `row` of `table` as a JSON array of its first two fields (tables hold no characters to escape).
    static func writePair(_ table: Table, _ row: Int, _ out: inout ByteWriter) {
        out.append(contentsOf: "[\"")
        table.write(row, 0, to: &out)
        out.append(contentsOf: "\",\"")
        table.write(row, 1, to: &out)
        out.append(contentsOf: "\"]")
    }

    static func writePrice(_ context: EmitContext) {
        context.out.append(UInt8(ascii: "$"))
        for byte in priceFormats[context.rng.index(priceFormats.count)] {
            switch byte {
            case UInt8(ascii: "#"): context.out.append(0x30 &+ UInt8(context.rng.below(10)))
            case UInt8(ascii: "%"): context.out.append(0x31 &+ UInt8(context.rng.below(9)))
            default: context.out.append(byte)
            }
        }
    }

    /// A pair generator (`currency`, `cryptocurrency`): `[code, name]`, unique over the table's rows.
    static func pairSpec(_ name: String, _ table: Table, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "currency", type: .array, summary: summary) { _, _ in
            CompiledGenerator(
                type: .array, jsonSafe: false, uniqueDomain: UInt64(table.rows),
                emitIndexed: { context, index in writePair(table, Int(index), &context.out) },
                emit: { context in writePair(table, table.pick(&context.rng), &context.out) })
        }
    }

    /// A generator writing `column` of a table, unique over its rows.
    static func columnSpec(_ name: String, _ table: Table, _ column: Int, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "currency", summary: summary) { _, _ in
            CompiledGenerator(
                uniqueDomain: UInt64(table.rows),
                emitIndexed: { context, index in table.write(Int(index), column, to: &context.out) },
                emit: { context in table.write(table.pick(&context.rng), column, to: &context.out) })
        }
    }

    static let generators: [GeneratorSpec] = [
        pairSpec("currency", currencies, "An ISO 4217 currency as `[code, name]`, like [\"EUR\",\"Euro\"]"),
        columnSpec("currency_code", currencies, 0, "An ISO 4217 currency code, like `USD`"),
        columnSpec("currency_name", currencies, 1, "A currency's English name, like `Japanese yen`"),
        GeneratorSpec(
            "currency_symbol", provider: "currency", parameters: [.init("code", "string")],
            summary: "A currency symbol, like `€`; `code` picks the currency"
        ) { arguments, _ in
            let table = currencies
            guard let code = try arguments.string("code")?.uppercased(), code != "NONE" else {
                return CompiledGenerator { context in table.write(table.pick(&context.rng), 2, to: &context.out) }
            }
            guard let row = (0..<table.rows).first(where: { table.text($0, 0) == code }) else {
                throw arguments.error("code", "must be an ISO 4217 currency code like USD or EUR, got `\(code)`")
            }
            return CompiledGenerator { context in table.write(row, 2, to: &context.out) }
        },
        pairSpec("cryptocurrency", cryptocurrencies, "A cryptocurrency as `[code, name]`, like [\"BTC\",\"Bitcoin\"]"),
        columnSpec("cryptocurrency_code", cryptocurrencies, 0, "A cryptocurrency ticker, like `ETH`"),
        columnSpec("cryptocurrency_name", cryptocurrencies, 1, "A cryptocurrency's name, like `Litecoin`"),
        GeneratorSpec("pricetag", provider: "currency", summary: "A US price tag, like `$1,234.56`") { _, _ in
            CompiledGenerator { context in writePrice(context) }
        },
    ]
}
