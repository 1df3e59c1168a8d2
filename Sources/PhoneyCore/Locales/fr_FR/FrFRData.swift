/// The fr_FR (France) tables, wired into a `LocaleSource`.
package enum FrFRData {
    static let source = LocaleSource(
        id: "fr_FR",
        countryName: "France",
        countryCode: "FR",
        firstNameMale: firstNameMale,
        firstNameFemale: firstNameFemale,
        lastName: lastName,
        prefixMale: prefixMale,
        prefixFemale: prefixFemale,
        nameFormat: "{first} {last}",
        regions: regions,
        cities: cities,
        streetNames: streetNames,
        buildingNumberFormats: buildingNumberFormats,
        streetAddressFormat: "{building_number} {street_name}",
        addressFormat: "{street_address}\n{postcode} {city}",
        phoneFormats: phoneFormats,
        companySuffixes: companySuffixes,
        companyFormats: companyFormats,
        jobs: jobs,
        freeEmailDomains: freeEmailDomains)

    /// Phone number patterns (01–05 geographic, 06/07 mobile, 09 VoIP), weighted.
    static let phoneFormats: StaticString = """
        01 ## ## ## ##\t3
        02 ## ## ## ##\t2
        03 ## ## ## ##\t2
        04 ## ## ## ##\t2
        05 ## ## ## ##\t2
        06 ## ## ## ##\t5
        07 ## ## ## ##\t3
        09 ## ## ## ##\t2
        +33 1 ## ## ## ##\t1
        +33 4 ## ## ## ##\t1
        +33 6 ## ## ## ##\t2
        +33 7 ## ## ## ##\t1
        +33 (0)2 ## ## ## ##\t1
        06########\t1
        """

    /// Free email providers popular in France.
    static let freeEmailDomains: StaticString = """
        orange.fr
        wanadoo.fr
        free.fr
        laposte.net
        sfr.fr
        neuf.fr
        gmail.com
        hotmail.fr
        yahoo.fr
        outlook.fr
        live.fr
        bbox.fr
        """
}
