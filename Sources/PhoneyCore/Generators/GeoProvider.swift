/// Faker's `geo` provider: coordinates with six decimals, and real places on land with their country and zone.
enum GeoProvider {
    /// Latitude, longitude, place, ISO country code, IANA time zone.
    static let places = Table(
        """
        40.71427\t-74.00597\tNew York City\tUS\tAmerica/New_York
        34.05223\t-118.24368\tLos Angeles\tUS\tAmerica/Los_Angeles
        41.85003\t-87.65005\tChicago\tUS\tAmerica/Chicago
        29.76328\t-95.36327\tHouston\tUS\tAmerica/Chicago
        33.44838\t-112.07404\tPhoenix\tUS\tAmerica/Phoenix
        39.95233\t-75.16379\tPhiladelphia\tUS\tAmerica/New_York
        29.42412\t-98.49363\tSan Antonio\tUS\tAmerica/Chicago
        32.71571\t-117.16472\tSan Diego\tUS\tAmerica/Los_Angeles
        32.78306\t-96.80667\tDallas\tUS\tAmerica/Chicago
        37.33939\t-121.89496\tSan Jose\tUS\tAmerica/Los_Angeles
        30.26715\t-97.74306\tAustin\tUS\tAmerica/Chicago
        30.33218\t-81.65565\tJacksonville\tUS\tAmerica/New_York
        32.72541\t-97.32085\tFort Worth\tUS\tAmerica/Chicago
        39.96118\t-82.99879\tColumbus\tUS\tAmerica/New_York
        35.22709\t-80.84313\tCharlotte\tUS\tAmerica/New_York
        37.77493\t-122.41942\tSan Francisco\tUS\tAmerica/Los_Angeles
        39.76838\t-86.15804\tIndianapolis\tUS\tAmerica/Indiana/Indianapolis
        47.60621\t-122.33207\tSeattle\tUS\tAmerica/Los_Angeles
        39.73915\t-104.9847\tDenver\tUS\tAmerica/Denver
        38.89511\t-77.03637\tWashington, D.C.\tUS\tAmerica/New_York
        42.35843\t-71.05977\tBoston\tUS\tAmerica/New_York
        31.75872\t-106.48693\tEl Paso\tUS\tAmerica/Denver
        36.16589\t-86.78444\tNashville\tUS\tAmerica/Chicago
        42.33143\t-83.04575\tDetroit\tUS\tAmerica/Detroit
        35.46756\t-97.51643\tOklahoma City\tUS\tAmerica/Chicago
        45.52345\t-122.67621\tPortland\tUS\tAmerica/Los_Angeles
        36.17497\t-115.13722\tLas Vegas\tUS\tAmerica/Los_Angeles
        35.14953\t-90.04898\tMemphis\tUS\tAmerica/Chicago
        38.25424\t-85.75941\tLouisville\tUS\tAmerica/Kentucky/Louisville
        39.29038\t-76.61219\tBaltimore\tUS\tAmerica/New_York
        43.0389\t-87.90647\tMilwaukee\tUS\tAmerica/Chicago
        35.08449\t-106.65114\tAlbuquerque\tUS\tAmerica/Denver
        32.22174\t-110.92648\tTucson\tUS\tAmerica/Phoenix
        36.74773\t-119.77237\tFresno\tUS\tAmerica/Los_Angeles
        38.58157\t-121.4944\tSacramento\tUS\tAmerica/Los_Angeles
        39.09973\t-94.57857\tKansas City\tUS\tAmerica/Chicago
        33.749\t-84.38798\tAtlanta\tUS\tAmerica/New_York
        25.77427\t-80.19366\tMiami\tUS\tAmerica/New_York
        35.7721\t-78.63861\tRaleigh\tUS\tAmerica/New_York
        41.25626\t-95.94043\tOmaha\tUS\tAmerica/Chicago
        44.97997\t-93.26384\tMinneapolis\tUS\tAmerica/Chicago
        36.15398\t-95.99277\tTulsa\tUS\tAmerica/Chicago
        41.4995\t-81.69541\tCleveland\tUS\tAmerica/New_York
        29.95465\t-90.07507\tNew Orleans\tUS\tAmerica/Chicago
        27.94752\t-82.45843\tTampa\tUS\tAmerica/New_York
        21.30694\t-157.85833\tHonolulu\tUS\tPacific/Honolulu
        61.21806\t-149.90028\tAnchorage\tUS\tAmerica/Anchorage
        40.76078\t-111.89105\tSalt Lake City\tUS\tAmerica/Denver
        40.44062\t-79.99589\tPittsburgh\tUS\tAmerica/New_York
        38.62727\t-90.19789\tSt. Louis\tUS\tAmerica/Chicago
        39.12711\t-84.51439\tCincinnati\tUS\tAmerica/New_York
        28.53834\t-81.37924\tOrlando\tUS\tAmerica/New_York
        43.6135\t-116.20345\tBoise\tUS\tAmerica/Boise
        41.60054\t-93.60911\tDes Moines\tUS\tAmerica/Chicago
        37.55376\t-77.46026\tRichmond\tUS\tAmerica/New_York
        42.88645\t-78.87837\tBuffalo\tUS\tAmerica/New_York
        33.52066\t-86.80249\tBirmingham\tUS\tAmerica/Chicago
        41.82399\t-71.41283\tProvidence\tUS\tAmerica/New_York
        41.76371\t-72.68509\tHartford\tUS\tAmerica/New_York
        43.07305\t-89.40123\tMadison\tUS\tAmerica/Chicago
        45.78329\t-108.50069\tBillings\tUS\tAmerica/Denver
        46.87719\t-96.7898\tFargo\tUS\tAmerica/Chicago
        43.54997\t-96.70033\tSioux Falls\tUS\tAmerica/Chicago
        41.13998\t-104.82025\tCheyenne\tUS\tAmerica/Denver
        44.47588\t-73.21207\tBurlington\tUS\tAmerica/New_York
        43.66147\t-70.25533\tPortland\tUS\tAmerica/New_York
        34.74648\t-92.28959\tLittle Rock\tUS\tAmerica/Chicago
        32.29876\t-90.18481\tJackson\tUS\tAmerica/Chicago
        38.34982\t-81.63262\tCharleston\tUS\tAmerica/New_York
        39.74595\t-75.54659\tWilmington\tUS\tAmerica/New_York
        40.73566\t-74.17237\tNewark\tUS\tAmerica/New_York
        51.50853\t-0.12574\tLondon\tGB\tEurope/London
        48.85341\t2.3488\tParis\tFR\tEurope/Paris
        52.52437\t13.41053\tBerlin\tDE\tEurope/Berlin
        40.4165\t-3.70256\tMadrid\tES\tEurope/Madrid
        41.89193\t12.51133\tRome\tIT\tEurope/Rome
        52.37403\t4.88969\tAmsterdam\tNL\tEurope/Amsterdam
        50.85045\t4.34878\tBrussels\tBE\tEurope/Brussels
        48.20849\t16.37208\tVienna\tAT\tEurope/Vienna
        47.36667\t8.55\tZurich\tCH\tEurope/Zurich
        59.33258\t18.0649\tStockholm\tSE\tEurope/Stockholm
        59.91273\t10.74609\tOslo\tNO\tEurope/Oslo
        55.67594\t12.56553\tCopenhagen\tDK\tEurope/Copenhagen
        60.16952\t24.93545\tHelsinki\tFI\tEurope/Helsinki
        53.33306\t-6.24889\tDublin\tIE\tEurope/Dublin
        38.71667\t-9.13333\tLisbon\tPT\tEurope/Lisbon
        52.22977\t21.01178\tWarsaw\tPL\tEurope/Warsaw
        50.08804\t14.42076\tPrague\tCZ\tEurope/Prague
        37.98376\t23.72784\tAthens\tGR\tEurope/Athens
        41.01384\t28.94966\tIstanbul\tTR\tEurope/Istanbul
        55.75222\t37.61556\tMoscow\tRU\tEurope/Moscow
        64.13548\t-21.89541\tReykjavik\tIS\tAtlantic/Reykjavik
        30.06263\t31.24967\tCairo\tEG\tAfrica/Cairo
        6.45407\t3.39467\tLagos\tNG\tAfrica/Lagos
        -1.28333\t36.81667\tNairobi\tKE\tAfrica/Nairobi
        -26.20227\t28.04363\tJohannesburg\tZA\tAfrica/Johannesburg
        -33.92584\t18.42322\tCape Town\tZA\tAfrica/Johannesburg
        33.58831\t-7.61138\tCasablanca\tMA\tAfrica/Casablanca
        9.02497\t38.74689\tAddis Ababa\tET\tAfrica/Addis_Ababa
        5.55602\t-0.1969\tAccra\tGH\tAfrica/Accra
        -4.32758\t15.31357\tKinshasa\tCD\tAfrica/Kinshasa
        25.07725\t55.30927\tDubai\tAE\tAsia/Dubai
        24.68773\t46.72185\tRiyadh\tSA\tAsia/Riyadh
        32.08088\t34.78057\tTel Aviv\tIL\tAsia/Jerusalem
        35.69439\t51.42151\tTehran\tIR\tAsia/Tehran
        24.8608\t67.0104\tKarachi\tPK\tAsia/Karachi
        19.07283\t72.88261\tMumbai\tIN\tAsia/Kolkata
        28.63576\t77.22445\tNew Delhi\tIN\tAsia/Kolkata
        23.7104\t90.40744\tDhaka\tBD\tAsia/Dhaka
        13.75398\t100.50144\tBangkok\tTH\tAsia/Bangkok
        10.82302\t106.62965\tHo Chi Minh City\tVN\tAsia/Ho_Chi_Minh
        3.1412\t101.68653\tKuala Lumpur\tMY\tAsia/Kuala_Lumpur
        1.28967\t103.85007\tSingapore\tSG\tAsia/Singapore
        -6.21462\t106.84513\tJakarta\tID\tAsia/Jakarta
        14.6042\t120.9822\tManila\tPH\tAsia/Manila
        22.27832\t114.17469\tHong Kong\tHK\tAsia/Hong_Kong
        31.22222\t121.45806\tShanghai\tCN\tAsia/Shanghai
        39.9075\t116.39723\tBeijing\tCN\tAsia/Shanghai
        37.566\t126.9784\tSeoul\tKR\tAsia/Seoul
        35.6895\t139.69171\tTokyo\tJP\tAsia/Tokyo
        34.69374\t135.50218\tOsaka\tJP\tAsia/Tokyo
        -33.86785\t151.20732\tSydney\tAU\tAustralia/Sydney
        -37.814\t144.96332\tMelbourne\tAU\tAustralia/Melbourne
        -36.84853\t174.76349\tAuckland\tNZ\tPacific/Auckland
        43.70011\t-79.4163\tToronto\tCA\tAmerica/Toronto
        49.24966\t-123.11934\tVancouver\tCA\tAmerica/Vancouver
        45.50884\t-73.58781\tMontreal\tCA\tAmerica/Toronto
        19.42847\t-99.12766\tMexico City\tMX\tAmerica/Mexico_City
        23.13302\t-82.38304\tHavana\tCU\tAmerica/Havana
        4.60971\t-74.08175\tBogota\tCO\tAmerica/Bogota
        -12.04318\t-77.02824\tLima\tPE\tAmerica/Lima
        -33.45694\t-70.64827\tSantiago\tCL\tAmerica/Santiago
        -34.61315\t-58.37723\tBuenos Aires\tAR\tAmerica/Argentina/Buenos_Aires
        -23.5475\t-46.63611\tSão Paulo\tBR\tAmerica/Sao_Paulo
        -22.90642\t-43.18223\tRio de Janeiro\tBR\tAmerica/Sao_Paulo
        """)

    /// Writes `millionths` of a degree as a decimal with six places (`-74.005970`).
    static func writeDegrees(_ millionths: Int64, _ out: inout ByteWriter) {
        MiscProvider.writeCoordinate(millionths, &out)
    }

    /// Writes fields `0..<columns` of place `row` as a JSON array of strings (the table needs no escaping).
    static func writePlace(_ row: Int, columns: Int, _ out: inout ByteWriter) {
        out.append(UInt8(ascii: "["))
        for column in 0..<columns {
            if column > 0 { out.append(UInt8(ascii: ",")) }
            out.append(0x22)
            places.write(row, column, to: &out)
            out.append(0x22)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Degrees in millionths, drawn evenly from `low...high`, unique over that range.
    static func degrees(_ low: Int64, _ high: Int64) -> CompiledGenerator {
        CompiledGenerator(
            type: .number, uniqueDomain: UInt64(high - low) + 1,
            emitIndexed: { context, index in writeDegrees(low + Int64(index), &context.out) },
            emit: { context in writeDegrees(context.rng.int(low, high), &context.out) })
    }

    /// Reads a number of degrees as millionths, rounded as Python's `quantize` does (half to even).
    static func millionths(_ arguments: inout Arguments, _ key: String) throws(TemplateError) -> Int64? {
        guard let value = try arguments.double(key) else { return nil }
        guard abs(value) <= 1e12 else { throw arguments.error(key, "must be a number of degrees, got \(value)") }
        return Int64((value * 1_000_000).rounded(.toNearestOrEven))
    }

    static func placeSpec(_ name: String, parameters: [GeneratorSpec.Parameter], _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "geo", type: .array, parameters: parameters, summary: summary) {
            arguments, _ in
            var rows = Array(0..<places.rows)
            if name == "local_latlng" {
                let code = try arguments.string("country_code", default: "US").uppercased()
                rows = rows.filter { places.text($0, 3) == code }
                guard !rows.isEmpty else {
                    let known = Set(places.allText(3)).sorted().joined(separator: ", ")
                    throw arguments.error("country_code", "must be a country with places: \(known); got `\(code)`")
                }
            }
            let columns = try arguments.bool("coords_only", default: false) ? 2 : 5
            let chosen = rows
            return CompiledGenerator(
                type: .array, jsonSafe: false, uniqueDomain: UInt64(chosen.count),
                emitIndexed: { context, index in writePlace(chosen[Int(index)], columns: columns, &context.out) },
                emit: { context in
                    writePlace(chosen[context.rng.index(chosen.count)], columns: columns, &context.out)
                })
        }
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec(
            "coordinate", provider: "geo", type: .number,
            parameters: [.init("center", "float"), .init("radius", "float", "0.001")],
            summary: "A longitude-range coordinate with six decimals; with `center`, within `radius` of it"
        ) { arguments, _ in
            let radius = try millionths(&arguments, "radius") ?? 1_000
            guard let center = try millionths(&arguments, "center") else {
                return degrees(-180_000_000, 180_000_000)
            }
            let spread = abs(radius)
            return degrees(center - spread, center + spread)
        },
        GeneratorSpec(
            "latitude", provider: "geo", type: .number, summary: "A latitude from -90 to 90 with six decimals"
        ) { _, _ in degrees(-90_000_000, 90_000_000) },
        GeneratorSpec(
            "longitude", provider: "geo", type: .number, summary: "A longitude from -180 to 180 with six decimals"
        ) { _, _ in degrees(-180_000_000, 180_000_000) },
        GeneratorSpec(
            "latlng", provider: "geo", type: .array, summary: "A latitude and longitude as `[lat, lng]` numbers"
        ) { _, _ in
            let longitudes: UInt64 = 360_000_001
            return CompiledGenerator(
                type: .array, uniqueDomain: 180_000_001 * longitudes,
                emitIndexed: { context, index in
                    context.out.append(UInt8(ascii: "["))
                    writeDegrees(Int64(index / longitudes) - 90_000_000, &context.out)
                    context.out.append(UInt8(ascii: ","))
                    writeDegrees(Int64(index % longitudes) - 180_000_000, &context.out)
                    context.out.append(UInt8(ascii: "]"))
                },
                emit: { context in
                    context.out.append(UInt8(ascii: "["))
                    writeDegrees(context.rng.int(-90_000_000, 90_000_000), &context.out)
                    context.out.append(UInt8(ascii: ","))
                    writeDegrees(context.rng.int(-180_000_000, 180_000_000), &context.out)
                    context.out.append(UInt8(ascii: "]"))
                })
        },
        placeSpec(
            "local_latlng", parameters: [.init("country_code", "string", "US"), .init("coords_only", "bool", "false")],
            "A real place in `country_code`: [lat, lng, place, country, time zone] as text, or [lat, lng]"),
        placeSpec(
            "location_on_land", parameters: [.init("coords_only", "bool", "false")],
            "A real place on land: [lat, lng, place, country, time zone] as text, or [lat, lng] with `coords_only`"),
    ]
}
