/// The es_ES (Spain) tables, wired into a `LocaleSource`.
package enum EsESData {
    static let source = LocaleSource(
        id: "es_ES",
        countryName: "España",
        countryCode: "ES",
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
        addressFormat: "{street_address}\n{postcode} {city} ({region})",
        phoneFormats: phoneFormats,
        companySuffixes: companySuffixes,
        companyFormats: companyFormats,
        jobs: jobs,
        freeEmailDomains: freeEmailDomains)

    /// Phone number patterns (9xx/8xx landlines, 6xx/7xx mobiles), weighted.
    static let phoneFormats: StaticString = """
        6## ### ###\t6
        6## ## ## ##\t2
        7## ### ###\t1
        91# ## ## ##\t1
        93# ## ## ##\t1
        95# ## ## ##\t1
        96# ## ## ##\t1
        98# ## ## ##\t1
        9## ### ###\t2
        8## ### ###\t1
        +34 6## ### ###\t3
        +34 9## ### ###\t1
        +34 6## ## ## ##\t1
        6########\t1
        9########\t1
        """

    /// Free email providers popular in Spain.
    static let freeEmailDomains: StaticString = """
        gmail.com
        hotmail.com
        hotmail.es
        yahoo.es
        outlook.es
        outlook.com
        live.com
        telefonica.net
        movistar.es
        icloud.com
        """
}
