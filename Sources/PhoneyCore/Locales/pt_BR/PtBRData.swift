/// The pt_BR tables, defined in `Locales/pt_BR/`.
package enum PtBRData {
    /// Brazilian data: names, the 26 states and the Federal District, cities with their CEP, streets, phone numbers and companies.
    static let source = LocaleSource(
        id: "pt_BR",
        countryName: "Brasil",
        countryCode: "BR",
        firstNameMale: firstNameMale,
        firstNameFemale: firstNameFemale,
        lastName: lastName,
        prefixMale: prefixMale,
        prefixFemale: prefixFemale,
        nameFormat: "{first} {last} {last}",
        regions: regions,
        cities: cities,
        streetNames: streetNames,
        buildingNumberFormats: buildingNumberFormats,
        streetAddressFormat: "{street_name}, {building_number}",
        addressFormat: "{street_address}\n{city} - {region_abbr}\n{postcode}",
        phoneFormats: phoneFormats,
        companySuffixes: companySuffixes,
        companyFormats: companyFormats,
        jobs: jobs,
        freeEmailDomains: freeEmailDomains)

    /// Mobile (nine digits) and landline formats with area codes, with relative weights.
    static let phoneFormats: StaticString = """
        (11) 9####-####\t6
        (21) 9####-####\t3
        (31) 9####-####\t2
        (41) 9####-####\t1
        (51) 9####-####\t1
        (61) 9####-####\t1
        (71) 9####-####\t1
        (81) 9####-####\t1
        (85) 9####-####\t1
        (1#) 9####-####\t3
        (2#) 9####-####\t1
        (3#) 9####-####\t2
        (4#) 9####-####\t1
        (6#) 9####-####\t1
        (7#) 9####-####\t1
        (8#) 9####-####\t1
        (9#) 9####-####\t1
        (11) 3###-####\t2
        (21) 2###-####\t1
        (1#) 3###-####\t1
        (5#) 3###-####\t1
        +55 11 9####-####\t2
        +55 (21) 9####-####\t1
        +55 3# 9####-####\t1
        +55 (4#) 9####-####\t1
        0800 ### ####\t1
        """

    /// Free email providers popular in the country.
    static let freeEmailDomains: StaticString = """
        uol.com.br
        bol.com.br
        terra.com.br
        ig.com.br
        globo.com
        gmail.com
        hotmail.com
        yahoo.com.br
        outlook.com
        """
}
