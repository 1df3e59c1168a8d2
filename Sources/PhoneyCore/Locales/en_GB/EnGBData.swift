/// The en_GB (United Kingdom) tables, wired into a `LocaleSource`; jobs fall back to en_US.
package enum EnGBData {
    static let source = LocaleSource(
        id: "en_GB",
        countryName: "United Kingdom",
        countryCode: "GB",
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
        addressFormat: "{street_address}\n{city}\n{postcode}",
        phoneFormats: phoneFormats,
        companySuffixes: companySuffixes,
        companyFormats: companyFormats,
        jobs: nil,
        freeEmailDomains: freeEmailDomains)

    /// Phone number patterns (01/02 geographic, 07 mobile), weighted.
    static let phoneFormats: StaticString = """
        07### ######\t6
        07#########\t1
        01### ######\t4
        01## ### ####\t2
        020 #### ####\t3
        0121 ### ####\t1
        0161 ### ####\t1
        0113 ### ####\t1
        0131 ### ####\t1
        0141 ### ####\t1
        029 #### ####\t1
        028 #### ####\t1
        +44 7### ######\t2
        +44 (0)20 #### ####\t1
        +44 (0)1### ######\t1
        +44 1## ### ####\t1
        """

    /// Free email providers popular in the UK.
    static let freeEmailDomains: StaticString = """
        gmail.com
        googlemail.com
        hotmail.co.uk
        hotmail.com
        yahoo.co.uk
        outlook.com
        live.co.uk
        btinternet.com
        sky.com
        virginmedia.com
        talktalk.net
        icloud.com
        aol.co.uk
        """
}
